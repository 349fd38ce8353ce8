package io.github.pbkdf2dpapi.audit;

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
 * The HMAC keys of the audit chain, by id: new entries are signed with the current key, and
 * every entry names the key that signed it, so keys can be rotated while old entries keep
 * verifying. Keys are server secrets (at least {@value #MIN_SECRET_LENGTH} random bytes), kept out
 * of the database like a pepper.
 *
 * <p>
 * Immutable; secrets are copied in and never exposed. {@link #toString()} shows ids only.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class AuditKeys {

	/** Minimum length of a key, in bytes. */
	public static final int MIN_SECRET_LENGTH = 32;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	private final String currentId;

	private final Map<String, byte[]> secrets;

	private AuditKeys(String currentId, Map<String, byte[]> secrets) {
		this.currentId = currentId;
		this.secrets = secrets;
	}

	/**
	 * Creates a key set.
	 * @param currentId the id of the key that signs new entries; a key of {@code secrets}
	 * @param secrets key id to secret (copied)
	 * @return the keys
	 * @throws IllegalArgumentException if an id is invalid, a secret too short or the current id
	 * missing (the message names ids, never secrets)
	 */
	public static AuditKeys of(String currentId, Map<String, byte[]> secrets) {
		if (secrets == null || secrets.isEmpty()) {
			throw new IllegalArgumentException("No audit key is configured");
		}
		Map<String, byte[]> copy = new LinkedHashMap<>();
		secrets.forEach((id, secret) -> {
			if (id == null || !ID.matcher(id).matches()) {
				throw new IllegalArgumentException(
						"Audit key id '" + id + "' is not 1 to 32 letters, digits, '_', '.' or '-'");
			}
			if (secret == null || secret.length < MIN_SECRET_LENGTH) {
				throw new IllegalArgumentException(
						"Audit key '" + id + "' is shorter than " + MIN_SECRET_LENGTH + " bytes");
			}
			copy.put(id, secret.clone());
		});
		if (currentId == null || !copy.containsKey(currentId)) {
			throw new IllegalArgumentException("The current audit key id '" + currentId + "' is not one of "
					+ new TreeSet<>(copy.keySet()));
		}
		return new AuditKeys(currentId, Collections.unmodifiableMap(copy));
	}

	/**
	 * A single key.
	 * @param id the key id
	 * @param secret the secret (copied)
	 * @return the keys
	 */
	public static AuditKeys of(String id, byte[] secret) {
		return of(id, Map.of(id, secret));
	}

	/**
	 * The id of the key that signs new entries.
	 * @return the id
	 */
	public String currentId() {
		return this.currentId;
	}

	/**
	 * The configured ids.
	 * @return the ids, sorted
	 */
	public Set<String> ids() {
		return Collections.unmodifiableSet(new TreeSet<>(this.secrets.keySet()));
	}

	/**
	 * Whether a key with this id is configured.
	 * @param id a key id
	 * @return whether entries signed with it can be verified
	 */
	public boolean contains(String id) {
		return this.secrets.containsKey(id);
	}

	/**
	 * HMAC-SHA256 of {@code data} with the key {@code id}.
	 * @param id the key id
	 * @param data the data
	 * @return the MAC
	 * @throws IllegalArgumentException if the id is unknown
	 */
	byte[] mac(String id, byte[] data) {
		byte[] secret = this.secrets.get(id);
		if (secret == null) {
			throw new IllegalArgumentException("Audit key '" + id + "' is not configured");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * A pseudonym for a principal or address, for log lines: the first 16 hex digits of
	 * HMAC-SHA256 with the current key. An administrator who knows the key can compute the
	 * pseudonym of a suspect name; a reader of the log alone cannot reverse it.
	 * @param value the value
	 * @return {@code ~} followed by 16 hex digits
	 */
	public String pseudonym(String value) {
		byte[] mac = mac(this.currentId, ("pseudonym:" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return "~" + java.util.HexFormat.of().formatHex(mac, 0, 8);
	}

	@Override
	public String toString() {
		return "AuditKeys[current=" + this.currentId + ", ids=" + ids() + "]";
	}

}
