package io.github.pbkdf2dpapi.autoconfigure.password;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the encryption envelope around password records (and the
 * protector of {@code ENC(...)} values).
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.envelope")
public class EnvelopeProperties {

	/**
	 * Protector that encrypts the salt and hash of new records: 'auto' is DPAPI on Windows and
	 * the key ring elsewhere.
	 */
	private Protector protector = Protector.AUTO;

	private final Dpapi dpapi = new Dpapi();

	private final AesGcm aesGcm = new AesGcm();

	public Protector getProtector() {
		return this.protector;
	}

	public void setProtector(Protector protector) {
		this.protector = protector;
	}

	public Dpapi getDpapi() {
		return this.dpapi;
	}

	public AesGcm getAesGcm() {
		return this.aesGcm;
	}

	/**
	 * Envelope protectors.
	 */
	public enum Protector {

		/** DPAPI on Windows, the key ring elsewhere. */
		AUTO,

		/** The AES-256-GCM key ring (pbkdf2-dpapi.keyring.*). */
		KEYRING,

		/** Windows DPAPI (pbkdf2-dpapi.envelope.dpapi.*). */
		DPAPI,

		/** AES-256-GCM with one key from configuration. */
		AES_GCM,

		/** No envelope: records are only as safe as the database. */
		NONE

	}

	/**
	 * DPAPI scopes.
	 */
	public enum Scope {

		/** Keys bound to the Windows user the application runs as. */
		CURRENT_USER,

		/** Keys bound to the machine: any process on it can unprotect. */
		LOCAL_MACHINE

	}

	/**
	 * Settings of the DPAPI protector.
	 */
	public static class Dpapi {

		/**
		 * Whose keys DPAPI uses.
		 */
		private Scope scope = Scope.CURRENT_USER;

		/**
		 * Additional entropy mixed into every DPAPI call (not a secret, but needed to unprotect).
		 */
		private String entropy;

		public Scope getScope() {
			return this.scope;
		}

		public void setScope(Scope scope) {
			this.scope = scope;
		}

		public String getEntropy() {
			return this.entropy;
		}

		public void setEntropy(String entropy) {
			this.entropy = entropy;
		}

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
		 * The key: Base64 of 32 random bytes. Store it as an environment variable or a credential
		 * file, never as plain text.
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
