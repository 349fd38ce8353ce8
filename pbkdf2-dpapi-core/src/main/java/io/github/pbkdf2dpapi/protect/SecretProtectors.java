package io.github.pbkdf2dpapi.protect;

/**
 * Factory methods for the built-in {@link SecretProtector}s.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class SecretProtectors {

	private SecretProtectors() {
	}

	/**
	 * A protector that leaves data as it is. Envelope tag {@code none}. Records stored with it are
	 * only as safe as the database; prefer the key ring or DPAPI.
	 * @return the no-op protector
	 */
	public static SecretProtector none() {
		return NoneSecretProtector.INSTANCE;
	}

	/**
	 * An AES-256-GCM protector over a single in-memory key.
	 * @param keyId the key id written into every ciphertext
	 * @param key the 32-byte key (copied)
	 * @return the protector
	 */
	public static SecretProtector aesGcm(String keyId, byte[] key) {
		return new AesGcmSecretProtector(keyId, key);
	}

	static final class NoneSecretProtector implements SecretProtector {

		static final NoneSecretProtector INSTANCE = new NoneSecretProtector();

		static final String SCHEME = "none";

		@Override
		public String scheme() {
			return SCHEME;
		}

		@Override
		public String currentEnvelope() {
			return SCHEME;
		}

		@Override
		public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
			check(envelope);
			return plaintext.clone();
		}

		@Override
		public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
			check(envelope);
			return ciphertext.clone();
		}

		private static void check(String envelope) {
			if (!SCHEME.equals(envelope)) {
				throw new ProtectorException(ProtectorException.Reason.WRONG_SCHEME, envelope,
						"data was protected by another protector; configure the one that protected it");
			}
		}

		@Override
		public String toString() {
			return "NoneSecretProtector";
		}

	}

}
