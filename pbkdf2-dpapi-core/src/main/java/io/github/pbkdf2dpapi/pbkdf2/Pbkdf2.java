package io.github.pbkdf2dpapi.pbkdf2;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2 (RFC 8018, section 5.2) over bytes, with HMAC-SHA1, HMAC-SHA256 or HMAC-SHA512.
 *
 * <p>
 * Unlike the JDK's {@code PBEKeySpec}, the password is a byte array, so any encoding and any
 * pre-processing (normalisation, pepper) can be applied first. The HMAC inner and outer states are
 * keyed once per call; each iteration then clones a pre-keyed {@link MessageDigest} and runs
 * exactly two compressions (one for the inner, one for the outer hash), where a generic HMAC
 * recomputes the key blocks every time. HMAC-SHA1, for legacy records only, runs on a pure-Java
 * SHA-1 so that the JDK's shared digest code only ever sees SHA-256 and SHA-512 (see
 * {@code HmacSha1Pbkdf2}).
 *
 * <p>
 * Stateless and thread-safe.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class Pbkdf2 {

	private Pbkdf2() {
	}

	/**
	 * Derives {@code length} bytes.
	 * @param prf the pseudo-random function
	 * @param password the password bytes (may be empty, any length)
	 * @param salt the salt (may be empty, any length)
	 * @param iterations the iteration count, at least 1
	 * @param length the output length in bytes, at least 1
	 * @return the derived key
	 * @throws IllegalArgumentException for a null argument, {@code iterations < 1} or
	 * {@code length < 1}
	 */
	public static byte[] derive(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length) {
		checkArguments(prf, password, salt, iterations, length);
		if (prf == Pbkdf2Prf.HMAC_SHA1) {
			return HmacSha1Pbkdf2.derive(password, salt, iterations, length);
		}
		MessageDigest inner = newDigest(prf);
		MessageDigest outer = newDigest(prf);
		keyHmac(prf, password, inner, outer);
		int hLen = prf.hashLength();
		byte[] out = new byte[length];
		byte[] u = new byte[hLen];
		byte[] t = new byte[hLen];
		byte[] blockIndex = new byte[4];
		int blocks = (length + hLen - 1) / hLen;
		for (int block = 1; block <= blocks; block++) {
			blockIndex[0] = (byte) (block >>> 24);
			blockIndex[1] = (byte) (block >>> 16);
			blockIndex[2] = (byte) (block >>> 8);
			blockIndex[3] = (byte) block;
			MessageDigest d = copy(inner);
			d.update(salt);
			d.update(blockIndex);
			finish(d, u, hLen);
			d = copy(outer);
			d.update(u);
			finish(d, u, hLen);
			System.arraycopy(u, 0, t, 0, hLen);
			iterate(inner, outer, u, t, iterations - 1, hLen);
			int offset = (block - 1) * hLen;
			System.arraycopy(t, 0, out, offset, Math.min(hLen, length - offset));
		}
		Arrays.fill(u, (byte) 0);
		Arrays.fill(t, (byte) 0);
		return out;
	}

	/**
	 * The argument checks of {@link #derive}, shared by the other engines so that they fail alike.
	 */
	static void checkArguments(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length) {
		if (prf == null) {
			throw new IllegalArgumentException("PBKDF2 'prf' must not be null");
		}
		if (password == null) {
			throw new IllegalArgumentException("PBKDF2 'password' must not be null");
		}
		if (salt == null) {
			throw new IllegalArgumentException("PBKDF2 'salt' must not be null");
		}
		if (iterations < 1) {
			throw new IllegalArgumentException("PBKDF2 'iterations' must be at least 1, was " + iterations);
		}
		if (length < 1) {
			// (2^32 - 1) * hLen exceeds Integer.MAX_VALUE for every PRF, so only the lower bound can fail.
			throw new IllegalArgumentException("PBKDF2 output 'length' must be at least 1 byte, was " + length);
		}
	}

	/**
	 * Runs {@code count} further iterations: {@code U = HMAC(P, U); T ^= U}.
	 */
	private static void iterate(MessageDigest inner, MessageDigest outer, byte[] u, byte[] t, int count,
			int hLen) {
		for (int i = 0; i < count; i++) {
			MessageDigest d = copy(inner);
			d.update(u);
			finish(d, u, hLen);
			d = copy(outer);
			d.update(u);
			finish(d, u, hLen);
			for (int k = 0; k < hLen; k++) {
				t[k] ^= u[k];
			}
		}
	}

	private static void keyHmac(Pbkdf2Prf prf, byte[] password, MessageDigest inner, MessageDigest outer) {
		int blockLength = prf.blockLength();
		byte[] key = (password.length > blockLength) ? newDigest(prf).digest(password) : password;
		byte[] pad = new byte[blockLength];
		for (int i = 0; i < blockLength; i++) {
			byte k = (i < key.length) ? key[i] : 0;
			pad[i] = (byte) (k ^ 0x36);
		}
		inner.update(pad);
		for (int i = 0; i < blockLength; i++) {
			byte k = (i < key.length) ? key[i] : 0;
			pad[i] = (byte) (k ^ 0x5c);
		}
		outer.update(pad);
		Arrays.fill(pad, (byte) 0);
		if (key != password) {
			Arrays.fill(key, (byte) 0);
		}
	}

	private static MessageDigest copy(MessageDigest keyed) {
		try {
			return (MessageDigest) keyed.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("MessageDigest " + keyed.getAlgorithm() + " cannot be cloned", ex);
		}
	}

	private static void finish(MessageDigest d, byte[] into, int hLen) {
		try {
			d.digest(into, 0, hLen);
		}
		catch (java.security.DigestException ex) {
			throw new IllegalStateException("Digest output does not fit", ex);
		}
	}

	private static MessageDigest newDigest(Pbkdf2Prf prf) {
		try {
			return MessageDigest.getInstance(prf.digestAlgorithm());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(prf.digestAlgorithm() + " is not available in this JVM", ex);
		}
	}

}
