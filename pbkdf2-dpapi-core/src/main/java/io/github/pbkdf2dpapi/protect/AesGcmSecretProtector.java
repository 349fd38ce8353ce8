package io.github.pbkdf2dpapi.protect;

/**
 * A {@link SecretProtector} using AES-256-GCM with one key held in memory. Envelope tag:
 * {@code aes:<keyId>}. For rotation, several nodes and protection of the key at rest use the key
 * ring instead.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class AesGcmSecretProtector implements SecretProtector {

	/** The scheme of this protector. */
	public static final String SCHEME = "aes";

	private final String keyId;

	private final byte[] key;

	private final String envelope;

	/**
	 * Create a protector.
	 * @param keyId the id of the key, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
	 * @param key the AES key, exactly 32 bytes (copied)
	 */
	public AesGcmSecretProtector(String keyId, byte[] key) {
		if (keyId == null || !keyId.matches("[A-Za-z0-9_.-]{1,64}")) {
			throw new IllegalArgumentException(
					"'keyId' must be 1 to 64 characters of letters, digits, '_', '.' or '-'");
		}
		if (key == null || key.length != AesGcmCiphertext.KEY_LENGTH) {
			throw new IllegalArgumentException("'key' must be " + AesGcmCiphertext.KEY_LENGTH + " bytes (AES-256)");
		}
		this.keyId = keyId;
		this.key = key.clone();
		this.envelope = SCHEME + ":" + keyId;
	}

	@Override
	public String scheme() {
		return SCHEME;
	}

	@Override
	public String currentEnvelope() {
		return this.envelope;
	}

	@Override
	public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
		checkEnvelope(envelope);
		return AesGcmCiphertext.seal(this.keyId, this.key, plaintext, associatedData);
	}

	@Override
	public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
		checkEnvelope(envelope);
		String id = AesGcmCiphertext.keyId(ciphertext);
		if (!id.equals(this.keyId)) {
			throw new ProtectorException(ProtectorException.Reason.UNKNOWN_KEY, id,
					"this protector only holds key '" + this.keyId + "'");
		}
		return AesGcmCiphertext.open(this.key, ciphertext, associatedData);
	}

	private void checkEnvelope(String envelope) {
		if (envelope == null || !(envelope.equals(SCHEME) || envelope.equals(this.envelope))) {
			if (envelope != null && envelope.startsWith(SCHEME + ":")) {
				throw new ProtectorException(ProtectorException.Reason.UNKNOWN_KEY, envelope.substring(4),
						"this protector only holds key '" + this.keyId + "'");
			}
			throw new ProtectorException(ProtectorException.Reason.WRONG_SCHEME, envelope,
					"expected scheme '" + SCHEME + "'");
		}
	}

	@Override
	public String toString() {
		return "AesGcmSecretProtector[keyId=" + this.keyId + "]";
	}

}
