package io.github.pbkdf2dpapi.pbkdf2;

import java.util.Locale;

/**
 * The pseudo-random functions supported by {@link Pbkdf2}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public enum Pbkdf2Prf {

	/** HMAC-SHA1. Verifies legacy data only; never used for new records. */
	HMAC_SHA1("sha1", "SHA-1", 20, 64),

	/** HMAC-SHA256, the default. */
	HMAC_SHA256("sha256", "SHA-256", 32, 64),

	/** HMAC-SHA512. */
	HMAC_SHA512("sha512", "SHA-512", 64, 128);

	private final String id;

	private final String digestAlgorithm;

	private final int hashLength;

	private final int blockLength;

	Pbkdf2Prf(String id, String digestAlgorithm, int hashLength, int blockLength) {
		this.id = id;
		this.digestAlgorithm = digestAlgorithm;
		this.hashLength = hashLength;
		this.blockLength = blockLength;
	}

	/**
	 * The short id used in stored records and configuration.
	 * @return {@code sha1}, {@code sha256} or {@code sha512}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The JCA {@link java.security.MessageDigest} algorithm name.
	 * @return the digest algorithm
	 */
	public String digestAlgorithm() {
		return this.digestAlgorithm;
	}

	/**
	 * The output length of the hash function.
	 * @return the length in bytes
	 */
	public int hashLength() {
		return this.hashLength;
	}

	/**
	 * The block length of the hash function (the HMAC key block).
	 * @return the length in bytes
	 */
	public int blockLength() {
		return this.blockLength;
	}

	/**
	 * Finds a PRF by its short id.
	 * @param id {@code sha1}, {@code sha256} or {@code sha512} (case-insensitive)
	 * @return the PRF
	 * @throws IllegalArgumentException if the id is unknown
	 */
	public static Pbkdf2Prf fromId(String id) {
		if (id != null) {
			String lower = id.toLowerCase(Locale.ROOT);
			for (Pbkdf2Prf prf : values()) {
				if (prf.id.equals(lower)) {
					return prf;
				}
			}
		}
		throw new IllegalArgumentException("Unknown PBKDF2 PRF '" + id + "'; expected sha256, sha512 or sha1");
	}

}
