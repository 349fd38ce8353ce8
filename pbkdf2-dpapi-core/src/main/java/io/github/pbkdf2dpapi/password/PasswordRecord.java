package io.github.pbkdf2dpapi.password;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * A parsed version-1 password record, without its payload decoded.
 *
 * <pre>
 * $p2d$v=1$a=sha256,i=600000,s=16,l=32,n=nfkc,p=p2,e=kr:7f3a$&lt;payload&gt;
 * </pre>
 *
 * The fields appear in exactly this order; {@link #header()} is everything up to and including the
 * last {@code $}; {@link #hashParameters()} is the header without {@code ,e=...$}. See
 * {@code docs/FORMAT.md} for the full specification.
 *
 * @param version the format version
 * @param prf the pseudo-random function
 * @param iterations the iteration count
 * @param saltLength the salt length in bytes
 * @param hashLength the hash length in bytes
 * @param normalization the password normalisation
 * @param pepperId the pepper id, or {@code -}
 * @param envelope the envelope tag
 * @param payload the Base64 payload (no padding)
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record PasswordRecord(int version, Pbkdf2Prf prf, int iterations, int saltLength, int hashLength,
		PasswordNormalization normalization, String pepperId, String envelope, String payload) {

	/** The identifier that starts every record. */
	public static final String MAGIC = "$p2d$";

	/** The current format version. */
	public static final int CURRENT_VERSION = 1;

	/** Longest record accepted by {@link #parse(String)}; longer input is rejected unread. */
	public static final int MAX_RECORD_LENGTH = 2048;

	private static final Pattern FORMAT = Pattern.compile("\\$p2d\\$v=([0-9]{1,3})\\$"
			+ "a=([a-z0-9]{1,16}),i=([1-9][0-9]{0,9}),s=([1-9][0-9]{0,3}),l=([1-9][0-9]{0,3}),"
			+ "n=([a-z]{1,8}),p=([A-Za-z0-9_.]{1,32}|-),e=([A-Za-z0-9_.:-]{1,80})\\$([A-Za-z0-9+/]+)");

	/**
	 * Parses a record.
	 * @param encoded the stored value, without a {@code {pbkdf2-dpapi}} prefix
	 * @return the record
	 * @throws IllegalArgumentException with a short reason (never the value) if the record is
	 * malformed
	 */
	public static PasswordRecord parse(String encoded) {
		if (encoded == null || encoded.isEmpty()) {
			throw new IllegalArgumentException("record is empty");
		}
		if (encoded.length() > MAX_RECORD_LENGTH) {
			throw new IllegalArgumentException("record is longer than " + MAX_RECORD_LENGTH + " characters");
		}
		if (!encoded.startsWith(MAGIC)) {
			throw new IllegalArgumentException("record does not start with " + MAGIC);
		}
		Matcher m = FORMAT.matcher(encoded);
		if (!m.matches()) {
			throw new IllegalArgumentException("record header or payload is malformed");
		}
		int version = Integer.parseInt(m.group(1));
		if (version != CURRENT_VERSION) {
			throw new IllegalArgumentException("record format version " + version + " is not supported");
		}
		long iterations = Long.parseLong(m.group(3));
		if (iterations > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("record iteration count is out of range");
		}
		return new PasswordRecord(version, Pbkdf2Prf.fromId(m.group(2)), (int) iterations,
				Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), PasswordNormalization.fromId(m.group(6)),
				m.group(7), m.group(8), m.group(9));
	}

	/**
	 * The parameters bound into the PBKDF2 salt: {@code $p2d$v=1$a=...,i=...,s=...,l=...,n=...,p=...}.
	 * @return the hash parameters
	 */
	public String hashParameters() {
		return MAGIC + "v=" + this.version + "$a=" + this.prf.id() + ",i=" + this.iterations + ",s="
				+ this.saltLength + ",l=" + this.hashLength + ",n=" + this.normalization.id() + ",p=" + this.pepperId;
	}

	/**
	 * The header: everything before the payload, ending with {@code $}. Used as the envelope's
	 * associated data.
	 * @return the header
	 */
	public String header() {
		return hashParameters() + ",e=" + this.envelope + "$";
	}

	/**
	 * The header as ASCII bytes.
	 * @return the header bytes
	 */
	public byte[] headerBytes() {
		return header().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The full record.
	 * @return header followed by payload
	 */
	public String encoded() {
		return header() + this.payload;
	}

	/**
	 * A copy with another payload.
	 * @param newPayload the Base64 payload
	 * @return the new record
	 */
	PasswordRecord withPayload(String newPayload) {
		return new PasswordRecord(this.version, this.prf, this.iterations, this.saltLength, this.hashLength,
				this.normalization, this.pepperId, this.envelope, newPayload);
	}

	@Override
	public String toString() {
		// The payload holds the salt and the hash: never printed.
		return "PasswordRecord[" + hashParameters() + ",e=" + this.envelope + "]";
	}

}
