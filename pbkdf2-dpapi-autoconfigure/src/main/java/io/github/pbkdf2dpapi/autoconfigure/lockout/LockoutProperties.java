package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.pbkdf2dpapi.lockout.JdbcLockoutStore;
import io.github.pbkdf2dpapi.lockout.StoreFailureMode;

/**
 * Configuration properties for account lockout.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.lockout")
public class LockoutProperties {

	/**
	 * Whether failed logins are counted and accounts locked.
	 */
	private boolean enabled = true;

	/**
	 * Number of failed logins per account within the window that lock it.
	 */
	private int maxFailures = 5;

	/**
	 * Window in which failed logins per account are counted.
	 */
	private Duration window = Duration.ofMinutes(5);

	/**
	 * Duration of a first lockout.
	 */
	private Duration duration = Duration.ofMinutes(15);

	/**
	 * Factor applied to the duration of each further lockout without a successful login in between
	 * (1 for no growth).
	 */
	private double durationMultiplier = 2.0;

	/**
	 * Cap on the duration of one temporary lockout.
	 */
	private Duration maxDuration = Duration.ofHours(24);

	/**
	 * Number of lockouts after which the lock is permanent and only an administrator can lift it
	 * (0 for never).
	 */
	private int permanentAfterLockouts = 0;

	/**
	 * Number of failed logins without a successful one after which the lock is permanent; at most
	 * 100 (NIST SP 800-63B).
	 */
	private int maxConsecutiveFailures = 100;

	/**
	 * Time after which the counters of an account without activity are forgotten.
	 */
	private Duration retention = Duration.ofDays(7);

	/**
	 * Whether a locked account is answered with "locked" instead of the generic "bad
	 * credentials" failure (reveals that the account exists and is under attack).
	 */
	private boolean revealLocked = false;

	/**
	 * What the account check does when the store is unavailable.
	 */
	private StoreFailureMode onStoreFailure = StoreFailureMode.DENY;

	/**
	 * How usernames are normalised before counting; must match how the user store compares them.
	 */
	private UsernameNormalization usernameNormalization = UsernameNormalization.LOWERCASE_NFKC;

	/**
	 * Server secret keying the HMAC of usernames and addresses in the store (at least 16
	 * characters, the same on every instance). Random per start when unset, which suits only
	 * the in-memory store.
	 */
	private String secret;

	/**
	 * Where counters are kept.
	 */
	private StoreType store = StoreType.MEMORY;

	private final Memory memory = new Memory();

	private final Jdbc jdbc = new Jdbc();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxFailures() {
		return this.maxFailures;
	}

	public void setMaxFailures(int maxFailures) {
		this.maxFailures = maxFailures;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		this.window = window;
	}

	public Duration getDuration() {
		return this.duration;
	}

	public void setDuration(Duration duration) {
		this.duration = duration;
	}

	public double getDurationMultiplier() {
		return this.durationMultiplier;
	}

	public void setDurationMultiplier(double durationMultiplier) {
		this.durationMultiplier = durationMultiplier;
	}

	public Duration getMaxDuration() {
		return this.maxDuration;
	}

	public void setMaxDuration(Duration maxDuration) {
		this.maxDuration = maxDuration;
	}

	public int getPermanentAfterLockouts() {
		return this.permanentAfterLockouts;
	}

	public void setPermanentAfterLockouts(int permanentAfterLockouts) {
		this.permanentAfterLockouts = permanentAfterLockouts;
	}

	public int getMaxConsecutiveFailures() {
		return this.maxConsecutiveFailures;
	}

	public void setMaxConsecutiveFailures(int maxConsecutiveFailures) {
		this.maxConsecutiveFailures = maxConsecutiveFailures;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public boolean isRevealLocked() {
		return this.revealLocked;
	}

	public void setRevealLocked(boolean revealLocked) {
		this.revealLocked = revealLocked;
	}

	public StoreFailureMode getOnStoreFailure() {
		return this.onStoreFailure;
	}

	public void setOnStoreFailure(StoreFailureMode onStoreFailure) {
		this.onStoreFailure = onStoreFailure;
	}

	public UsernameNormalization getUsernameNormalization() {
		return this.usernameNormalization;
	}

	public void setUsernameNormalization(UsernameNormalization usernameNormalization) {
		this.usernameNormalization = usernameNormalization;
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public StoreType getStore() {
		return this.store;
	}

	public void setStore(StoreType store) {
		this.store = store;
	}

	public Memory getMemory() {
		return this.memory;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/**
	 * Where counters are kept.
	 */
	public enum StoreType {

		/** In memory, bounded, for a single instance. */
		MEMORY,

		/** In a database table, shared by every instance. */
		JDBC

	}

	/**
	 * How usernames are normalised.
	 */
	public enum UsernameNormalization {

		/** Unicode NFKC, then lower case: for case-insensitive user stores. */
		LOWERCASE_NFKC,

		/** Unicode NFKC only: for case-sensitive user stores. */
		NFKC,

		/** As typed. */
		NONE

	}

	/**
	 * In-memory store settings.
	 */
	public static class Memory {

		/**
		 * Maximum number of accounts and addresses held in memory; the least used are evicted
		 * beyond it.
		 */
		private long maximumKeys = 100_000;

		public long getMaximumKeys() {
			return this.maximumKeys;
		}

		public void setMaximumKeys(long maximumKeys) {
			this.maximumKeys = maximumKeys;
		}

	}

	/**
	 * JDBC store settings.
	 */
	public static class Jdbc {

		/**
		 * Name of the lockout table, optionally schema-qualified.
		 */
		private String tableName = "pbkdf2_dpapi_lockout";

		/**
		 * Whether to create the table at start-up if it does not exist.
		 */
		private boolean initializeSchema = false;

		/**
		 * Database dialect; detected from the connection when unset.
		 */
		private JdbcLockoutStore.Dialect dialect;

		/**
		 * Interval between purges of expired rows.
		 */
		private Duration purgeInterval = Duration.ofMinutes(5);

		public String getTableName() {
			return this.tableName;
		}

		public void setTableName(String tableName) {
			this.tableName = tableName;
		}

		public boolean isInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public JdbcLockoutStore.Dialect getDialect() {
			return this.dialect;
		}

		public void setDialect(JdbcLockoutStore.Dialect dialect) {
			this.dialect = dialect;
		}

		public Duration getPurgeInterval() {
			return this.purgeInterval;
		}

		public void setPurgeInterval(Duration purgeInterval) {
			this.purgeInterval = purgeInterval;
		}

	}

}
