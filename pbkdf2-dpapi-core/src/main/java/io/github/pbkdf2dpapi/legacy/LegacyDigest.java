package io.github.pbkdf2dpapi.legacy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The fast message digests found in old password tables. They are verified and wrapped, never
 * used for new passwords.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public enum LegacyDigest {

	/** MD5 (16 bytes: 32 hex or 24 Base64 characters). */
	MD5("md5", "MD5", 16),

	/** SHA-1 (20 bytes: 40 hex or 28 Base64 characters). */
	SHA1("sha1", "SHA-1", 20),

	/** SHA-256 (32 bytes: 64 hex or 44 Base64 characters). */
	SHA256("sha256", "SHA-256", 32),

	/** SHA-512 (64 bytes: 128 hex or 88 Base64 characters). */
	SHA512("sha512", "SHA-512", 64);

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private final String id;

	private final String algorithm;

	private final int length;

	LegacyDigest(String id, String algorithm, int length) {
		this.id = id;
		this.algorithm = algorithm;
		this.length = length;
	}

	/**
	 * The short id used in format names ({@code md5}, {@code sha1}, {@code sha256},
	 * {@code sha512}).
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The JCA algorithm name.
	 * @return the algorithm
	 */
	public String algorithm() {
		return this.algorithm;
	}

	/**
	 * The digest length.
	 * @return the length in bytes
	 */
	public int length() {
		return this.length;
	}

	/**
	 * Computes the digest of the concatenation of the given parts.
	 * @param parts the input, in order
	 * @return the digest
	 */
	public byte[] digest(byte[]... parts) {
		MessageDigest md;
		try {
			md = MessageDigest.getInstance(this.algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(this.algorithm + " is not available in this JVM", ex);
		}
		for (byte[] part : parts) {
			md.update(part);
		}
		return md.digest();
	}

	/**
	 * Decodes a stored digest written as hex (either case) or Base64 (with or without padding).
	 * The two cannot be confused: their lengths differ for every digest.
	 * @param encoded the stored digest
	 * @return the digest bytes, or {@code null} if {@code encoded} is neither form of a digest of
	 * this length
	 */
	public byte[] decode(String encoded) {
		if (encoded == null) {
			return null;
		}
		if (encoded.length() == 2 * this.length) {
			byte[] hex = fromHex(encoded);
			if (hex != null) {
				return hex;
			}
		}
		if (encoded.length() > 4 * ((this.length + 2) / 3)) {
			return null;
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(encoded);
			return (bytes.length == this.length) ? bytes : null;
		}
		catch (IllegalArgumentException ex) {
			// Not Base64 either: the caller reports the value as malformed.
			return null;
		}
	}

	/**
	 * Lower-case hex of some bytes.
	 * @param bytes the bytes
	 * @return the hex string
	 */
	static String toHex(byte[] bytes) {
		char[] out = new char[bytes.length * 2];
		for (int i = 0; i < bytes.length; i++) {
			out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
			out[2 * i + 1] = HEX[bytes[i] & 0xf];
		}
		return new String(out);
	}

	private static byte[] fromHex(String hex) {
		byte[] out = new byte[hex.length() / 2];
		for (int i = 0; i < out.length; i++) {
			int hi = Character.digit(hex.charAt(2 * i), 16);
			int lo = Character.digit(hex.charAt(2 * i + 1), 16);
			if (hi < 0 || lo < 0) {
				return null;
			}
			out[i] = (byte) ((hi << 4) | lo);
		}
		return out;
	}

	/**
	 * Finds a digest by id, accepting the JCA spelling too ({@code sha-1}).
	 * @param id the id (case-insensitive)
	 * @return the digest
	 * @throws IllegalArgumentException if the id is unknown
	 */
	public static LegacyDigest fromId(String id) {
		if (id != null) {
			String lower = id.toLowerCase(Locale.ROOT).replace("-", "");
			for (LegacyDigest d : values()) {
				if (d.id.equals(lower)) {
					return d;
				}
			}
		}
		throw new IllegalArgumentException("Unknown legacy digest '" + id + "'; expected md5, sha1, sha256 or sha512");
	}

}
