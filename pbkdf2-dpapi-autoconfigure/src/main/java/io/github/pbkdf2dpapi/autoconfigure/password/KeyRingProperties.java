package io.github.pbkdf2dpapi.autoconfigure.password;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the AES-GCM key ring.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.keyring")
public class KeyRingProperties {

	/**
	 * Directory of the key ring (one JSON file per key), shared by every node of a cluster.
	 */
	private Path directory;

	/**
	 * Whether to create the key ring with a first key when the directory has none. For
	 * development only: production key rings are created with the CLI and backed up.
	 */
	private boolean createIfMissing;

	/**
	 * How often to re-read the key ring directory, to see keys added by other nodes.
	 */
	private Duration reloadInterval = Duration.ofMinutes(5);

	private final MasterKey masterKey = new MasterKey();

	private final Rotation rotation = new Rotation();

	public Path getDirectory() {
		return this.directory;
	}

	public void setDirectory(Path directory) {
		this.directory = directory;
	}

	public boolean isCreateIfMissing() {
		return this.createIfMissing;
	}

	public void setCreateIfMissing(boolean createIfMissing) {
		this.createIfMissing = createIfMissing;
	}

	public Duration getReloadInterval() {
		return this.reloadInterval;
	}

	public void setReloadInterval(Duration reloadInterval) {
		this.reloadInterval = reloadInterval;
	}

	public MasterKey getMasterKey() {
		return this.masterKey;
	}

	public Rotation getRotation() {
		return this.rotation;
	}

	/**
	 * Where the master key that protects key material at rest comes from.
	 */
	public enum Source {

		/** An environment variable holding the Base64 master key. */
		ENV,

		/** A systemd credential in $CREDENTIALS_DIRECTORY (LoadCredentialEncrypted=). */
		SYSTEMD,

		/** A file holding the master key. */
		FILE,

		/** Windows DPAPI protects the key material (no master key). */
		DPAPI,

		/** Key material stored unprotected; refused unless key files are readable by the owner only. */
		PLAIN

	}

	/**
	 * Master key settings.
	 */
	public static class MasterKey {

		/**
		 * Where the master key comes from.
		 */
		private Source source = Source.ENV;

		/**
		 * Environment variable holding the Base64 master key (source 'env').
		 */
		private String environmentVariable = "PBKDF2_DPAPI_MASTER_KEY";

		/**
		 * Name of the systemd credential (source 'systemd').
		 */
		private String credentialName = "pbkdf2-dpapi-master-key";

		/**
		 * File holding the master key (source 'file').
		 */
		private Path file;

		public Source getSource() {
			return this.source;
		}

		public void setSource(Source source) {
			this.source = source;
		}

		public String getEnvironmentVariable() {
			return this.environmentVariable;
		}

		public void setEnvironmentVariable(String environmentVariable) {
			this.environmentVariable = environmentVariable;
		}

		public String getCredentialName() {
			return this.credentialName;
		}

		public void setCredentialName(String credentialName) {
			this.credentialName = credentialName;
		}

		public Path getFile() {
			return this.file;
		}

		public void setFile(Path file) {
			this.file = file;
		}

	}

	/**
	 * Key rotation settings.
	 */
	public static class Rotation {

		/**
		 * Time between adding a key and using it for new data, so that every node has seen it.
		 */
		private Duration activationDelay = Duration.ofHours(1);

		/**
		 * Whether to add a new key automatically when the primary key is older than 'interval'.
		 */
		private boolean automatic;

		/**
		 * Age of the primary key after which automatic rotation adds a new key.
		 */
		private Duration interval = Duration.ofDays(90);

		public Duration getActivationDelay() {
			return this.activationDelay;
		}

		public void setActivationDelay(Duration activationDelay) {
			this.activationDelay = activationDelay;
		}

		public boolean isAutomatic() {
			return this.automatic;
		}

		public void setAutomatic(boolean automatic) {
			this.automatic = automatic;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

}
