package io.github.pbkdf2dpapi.protect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key material wrapped with AES-256-GCM under a 32-byte master key. The wrapped material uses the
 * {@link AesGcmCiphertext} layout with the master key's fingerprint as key id, and the key file
 * metadata as associated data.
 *
 * @author pbkdf2-dpapi
 */
final class AesMasterKeySource extends MasterKeySource {

	static final String PROTECTION_PREFIX = "master-key:";

	private static final byte[] FINGERPRINT_LABEL = "pbkdf2-dpapi master key fingerprint v1"
		.getBytes(StandardCharsets.US_ASCII);

	private final byte[] key;

	private final String fingerprint;

	private final String description;

	AesMasterKeySource(byte[] key, String description) {
		if (key == null || key.length != AesGcmCiphertext.KEY_LENGTH) {
			throw ProtectorErrors.masterKeyMalformed(description, (key != null) ? key.length : 0);
		}
		this.key = key.clone();
		this.fingerprint = fingerprint(this.key);
		this.description = description;
	}

	/**
	 * A short public name of a master key: {@code mk-} and 8 hex digits of an HMAC over a fixed
	 * label. One-way, so it tells two master keys apart without revealing either.
	 */
	static String fingerprint(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal(FINGERPRINT_LABEL);
			StringBuilder sb = new StringBuilder("mk-");
			for (int i = 0; i < 4; i++) {
				sb.append(String.format("%02x", digest[i] & 0xff));
			}
			return sb.toString();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	String fingerprint() {
		return this.fingerprint;
	}

	@Override
	public String protection() {
		return PROTECTION_PREFIX + this.fingerprint;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	byte[] wrap(String keyId, byte[] material, byte[] associatedData) {
		return AesGcmCiphertext.seal(this.fingerprint, this.key, material, associatedData);
	}

	@Override
	byte[] unwrap(String keyId, Path file, byte[] wrapped, byte[] associatedData) {
		String wrappedBy;
		try {
			wrappedBy = AesGcmCiphertext.keyId(wrapped);
		}
		catch (ProtectorException ex) {
			throw ProtectorErrors.keyFileInvalid(keyId, file, "the protected key material is cut short or malformed");
		}
		if (!wrappedBy.equals(this.fingerprint)) {
			throw ProtectorErrors.wrongMasterKey(keyId, wrappedBy, this.fingerprint, this.description);
		}
		try {
			return AesGcmCiphertext.open(this.key, wrapped, associatedData);
		}
		catch (ProtectorException ex) {
			throw ProtectorErrors.keyFileTampered(keyId, file);
		}
	}

}
