package io.github.pbkdf2dpapi.autoconfigure.password;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the encryption envelope around password records.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.envelope")
public class EnvelopeProperties {

	/**
	 * Protector that encrypts the salt and hash of new records.
	 */
	private Protector protector = Protector.NONE;

	private final AesGcm aesGcm = new AesGcm();

	public Protector getProtector() {
		return this.protector;
	}

	public void setProtector(Protector protector) {
		this.protector = protector;
	}

	public AesGcm getAesGcm() {
		return this.aesGcm;
	}

	/**
	 * Envelope protectors.
	 */
	public enum Protector {

		/** No envelope: records are only as safe as the database. */
		NONE,

		/** AES-256-GCM with one key from configuration. */
		AES_GCM

	}

	/**
	 * Settings of the single-key AES-GCM protector.
	 */
	public static class AesGcm {

		/**
		 * Id of the key, written into every record (letters, digits, '_', '.', '-').
		 */
		private String keyId;

		/**
		 * The key: Base64 of 32 random bytes. Store it as an ENC(...) value, an environment
		 * variable or a credential file, never as plain text.
		 */
		private String key;

		public String getKeyId() {
			return this.keyId;
		}

		public void setKeyId(String keyId) {
			this.keyId = keyId;
		}

		public String getKey() {
			return this.key;
		}

		public void setKey(String key) {
			this.key = key;
		}

	}

}
