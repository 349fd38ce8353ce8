package io.github.pbkdf2dpapi.protect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256-GCM ciphertext layout shared by every AES based protector.
 *
 * <pre>
 * byte 0        format version, 0x01
 * byte 1        n = length of the key id in bytes (1..64)
 * bytes 2..     key id, UTF-8 (n bytes)
 * next 12       nonce, random per message
 * rest          AES-GCM ciphertext followed by its 16-byte tag
 * </pre>
 *
 * The GCM associated data is the prefix (version, length, key id) followed by the caller's
 * associated data, so neither the key id nor the context can be changed without detection.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class AesGcmCiphertext {

	/** Current format version byte. */
	public static final byte VERSION = 0x01;

	/** Nonce length in bytes (96 bits, as NIST SP 800-38D recommends). */
	public static final int NONCE_LENGTH = 12;

	/** Authentication tag length in bytes. */
	public static final int TAG_LENGTH = 16;

	/** Required key length in bytes (AES-256). */
	public static final int KEY_LENGTH = 32;

	private static final int MAX_KEY_ID_LENGTH = 64;

	private static final SecureRandom RANDOM = new SecureRandom();

	private AesGcmCiphertext() {
	}

	/**
	 * Encrypts {@code plaintext} under {@code key}.
	 * @param keyId id written into the ciphertext
	 * @param key the 32-byte AES key
	 * @param plaintext data to encrypt
	 * @param associatedData data to authenticate, may be empty
	 * @return the ciphertext in the layout above
	 */
	public static byte[] seal(String keyId, byte[] key, byte[] plaintext, byte[] associatedData) {
		byte[] prefix = prefix(keyId);
		byte[] nonce = new byte[NONCE_LENGTH];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
			cipher.updateAAD(prefix);
			cipher.updateAAD(associatedData);
			byte[] body = cipher.doFinal(plaintext);
			byte[] out = new byte[prefix.length + NONCE_LENGTH + body.length];
			System.arraycopy(prefix, 0, out, 0, prefix.length);
			System.arraycopy(nonce, 0, out, prefix.length, NONCE_LENGTH);
			System.arraycopy(body, 0, out, prefix.length + NONCE_LENGTH, body.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new ProtectorException(ProtectorException.Reason.UNAVAILABLE, keyId, "AES-GCM is not available",
					ex);
		}
	}

	/**
	 * Reads the key id of a ciphertext without decrypting it.
	 * @param ciphertext data produced by {@link #seal}
	 * @return the key id
	 * @throws ProtectorException with reason {@code MALFORMED} if the layout is wrong
	 */
	public static String keyId(byte[] ciphertext) {
		if (ciphertext == null || ciphertext.length < 2) {
			throw malformed(null, "ciphertext is too short");
		}
		if (ciphertext[0] != VERSION) {
			throw malformed(null, "unknown ciphertext version " + (ciphertext[0] & 0xff));
		}
		int n = ciphertext[1] & 0xff;
		if (n < 1 || n > MAX_KEY_ID_LENGTH || ciphertext.length < 2 + n + NONCE_LENGTH + TAG_LENGTH) {
			throw malformed(null, "ciphertext is truncated or its key id length is invalid");
		}
		return new String(ciphertext, 2, n, StandardCharsets.UTF_8);
	}

	/**
	 * Decrypts a ciphertext produced by {@link #seal}.
	 * @param key the 32-byte AES key named by {@link #keyId(byte[])}
	 * @param ciphertext the data
	 * @param associatedData the same associated data as given to {@code seal}
	 * @return the plaintext
	 * @throws ProtectorException {@code MALFORMED} or {@code TAMPERED_OR_WRONG_KEY}
	 */
	public static byte[] open(byte[] key, byte[] ciphertext, byte[] associatedData) {
		String keyId = keyId(ciphertext);
		int prefixLength = 2 + (ciphertext[1] & 0xff);
		byte[] nonce = Arrays.copyOfRange(ciphertext, prefixLength, prefixLength + NONCE_LENGTH);
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
			cipher.updateAAD(ciphertext, 0, prefixLength);
			cipher.updateAAD(associatedData);
			int bodyOffset = prefixLength + NONCE_LENGTH;
			return cipher.doFinal(ciphertext, bodyOffset, ciphertext.length - bodyOffset);
		}
		catch (AEADBadTagException ex) {
			throw new ProtectorException(ProtectorException.Reason.TAMPERED_OR_WRONG_KEY, keyId,
					"authentication tag mismatch (data, context or key differ from those used to protect)");
		}
		catch (GeneralSecurityException ex) {
			throw new ProtectorException(ProtectorException.Reason.UNAVAILABLE, keyId, "AES-GCM is not available",
					ex);
		}
	}

	private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
		if (key.length != KEY_LENGTH) {
			throw new IllegalArgumentException("AES key must be " + KEY_LENGTH + " bytes");
		}
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
		return cipher;
	}

	private static byte[] prefix(String keyId) {
		byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
		if (id.length < 1 || id.length > MAX_KEY_ID_LENGTH) {
			throw new IllegalArgumentException("Key id must be 1 to " + MAX_KEY_ID_LENGTH + " bytes");
		}
		byte[] prefix = new byte[2 + id.length];
		prefix[0] = VERSION;
		prefix[1] = (byte) id.length;
		System.arraycopy(id, 0, prefix, 2, id.length);
		return prefix;
	}

	private static ProtectorException malformed(String keyId, String detail) {
		return new ProtectorException(ProtectorException.Reason.MALFORMED, keyId, detail);
	}

}
