package io.github.pbkdf2dpapi.password;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Named peppers: application secrets, never stored with the hashes, mixed into every password
 * before PBKDF2 as {@code HMAC-SHA256(pepper, normalised UTF-8 password)}. One pepper is current
 * and used for new records; the others still verify old records until they are upgraded.
 *
 * <p>
 * Immutable; secrets are copied in and never exposed. {@link #toString()} shows ids only.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class PepperRing {

	/** Minimum pepper length in bytes. */
	public static final int MIN_SECRET_LENGTH = 32;

	/** The pepper id written into records that use no pepper. */
	public static final String NO_PEPPER_ID = "-";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.]{1,32}");

	private static final PepperRing NONE = new PepperRing(null, Collections.emptyMap());

	private final String currentId;

	private final Map<String, byte[]> secrets;

	private PepperRing(String currentId, Map<String, byte[]> secrets) {
		this.currentId = currentId;
		this.secrets = secrets;
	}

	/**
	 * A ring without peppers: records carry {@code p=-}.
	 * @return the empty ring
	 */
	public static PepperRing none() {
		return NONE;
	}

	/**
	 * A ring of peppers.
	 * @param currentId the id of the pepper used for new records; must be a key of {@code secrets}
	 * @param secrets pepper id to secret (each at least {@value #MIN_SECRET_LENGTH} bytes); copied
	 * @return the ring
	 * @throws InvalidEncoderSettingException if an id is invalid, a secret too short or the current
	 * id missing
	 */
	public static PepperRing of(String currentId, Map<String, byte[]> secrets) {
		if (secrets == null || secrets.isEmpty()) {
			throw new InvalidEncoderSettingException("pepper.secrets", "no pepper secret is configured",
					"Add at least one secret under pbkdf2-dpapi.password.pepper.secrets, or remove pepper.current.");
		}
		Map<String, byte[]> copy = new LinkedHashMap<>();
		for (Map.Entry<String, byte[]> entry : secrets.entrySet()) {
			String id = entry.getKey();
			if (id == null || !ID.matcher(id).matches()) {
				throw new InvalidEncoderSettingException("pepper.secrets",
						"pepper id '" + id + "' is not 1 to 32 letters, digits, '_' or '.'",
						"Rename the pepper with letters, digits, '_' or '.' only.");
			}
			byte[] secret = entry.getValue();
			if (secret == null || secret.length < MIN_SECRET_LENGTH) {
				throw new InvalidEncoderSettingException("pepper.secrets." + id,
						"the pepper is shorter than " + MIN_SECRET_LENGTH + " bytes",
						"Generate a pepper of at least " + MIN_SECRET_LENGTH
								+ " random bytes (for example 'openssl rand -base64 32') and store it encrypted.");
			}
			copy.put(id, secret.clone());
		}
		if (currentId == null || !copy.containsKey(currentId)) {
			throw new InvalidEncoderSettingException("pepper.current",
					"the current pepper id '" + currentId + "' is not one of the configured ids " + new TreeSet<>(copy.keySet()),
					"Set pbkdf2-dpapi.password.pepper.current to one of the ids under pbkdf2-dpapi.password.pepper.secrets.");
		}
		return new PepperRing(currentId, Collections.unmodifiableMap(copy));
	}

	/**
	 * The id written into new records.
	 * @return the current pepper id, or {@value #NO_PEPPER_ID} when the ring is empty
	 */
	public String currentId() {
		return (this.currentId != null) ? this.currentId : NO_PEPPER_ID;
	}

	/**
	 * Whether a pepper with this id is configured ({@value #NO_PEPPER_ID} is always known).
	 * @param id a pepper id read from a record
	 * @return whether records with that id can be verified
	 */
	public boolean contains(String id) {
		return NO_PEPPER_ID.equals(id) || this.secrets.containsKey(id);
	}

	/**
	 * The configured ids.
	 * @return the ids, sorted
	 */
	public Set<String> ids() {
		return Collections.unmodifiableSet(new TreeSet<>(this.secrets.keySet()));
	}

	/**
	 * Groups of ids that hold the same secret, a configuration mistake: a "rotation" to a new id
	 * with the old value protects nothing. Secrets are compared in constant time and never leave
	 * the ring.
	 * @return one entry per group, its ids sorted and joined with {@code ", "}; empty when every
	 * secret is distinct
	 * @since 0.1.0
	 */
	public java.util.List<String> duplicateIds() {
		java.util.List<String> ids = new java.util.ArrayList<>(new TreeSet<>(this.secrets.keySet()));
		java.util.List<String> groups = new java.util.ArrayList<>();
		Set<String> grouped = new java.util.HashSet<>();
		for (int i = 0; i < ids.size(); i++) {
			if (grouped.contains(ids.get(i))) {
				continue;
			}
			java.util.List<String> group = new java.util.ArrayList<>();
			group.add(ids.get(i));
			for (int j = i + 1; j < ids.size(); j++) {
				if (java.security.MessageDigest.isEqual(this.secrets.get(ids.get(i)), this.secrets.get(ids.get(j)))) {
					group.add(ids.get(j));
					grouped.add(ids.get(j));
				}
			}
			if (group.size() > 1) {
				groups.add(String.join(", ", group));
			}
		}
		return groups;
	}

	/**
	 * Applies the pepper with the given id to a normalised password.
	 * @param id the pepper id, or {@value #NO_PEPPER_ID}
	 * @param password the normalised password
	 * @return the PBKDF2 input: the HMAC with the pepper, or the UTF-8 bytes without one
	 * @throws IllegalArgumentException if the id is unknown
	 */
	public byte[] apply(String id, String password) {
		byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
		if (NO_PEPPER_ID.equals(id)) {
			return utf8;
		}
		byte[] secret = this.secrets.get(id);
		if (secret == null) {
			throw new IllegalArgumentException("Pepper id '" + id + "' is not configured");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(utf8);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
		finally {
			java.util.Arrays.fill(utf8, (byte) 0);
		}
	}

	@Override
	public String toString() {
		return "PepperRing[current=" + currentId() + ", ids=" + ids() + "]";
	}

}
