package io.github.pbkdf2dpapi.autoconfigure.audit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the audit trail.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.audit")
public class AuditProperties {

	/**
	 * Whether to record authentication events in the HMAC-chained audit trail.
	 */
	private boolean enabled = true;

	/**
	 * Where the chain is kept. Every entry is also written to the log category
	 * 'io.github.pbkdf2dpapi.audit'.
	 */
	private StoreType store = StoreType.LOG;

	/**
	 * Id of the key that signs new entries; must be one of the ids under 'keys'.
	 */
	private String currentKey;

	/**
	 * HMAC keys by id, each the Base64 encoding of at least 32 random bytes. Keep old ids to
	 * verify old entries. Store them like peppers: ENC(...), environment variables or credential
	 * files. Without keys (store=log only) a random per-process key is used.
	 */
	private Map<String, String> keys = new LinkedHashMap<>();

	/**
	 * How long entries are kept before the retention purge deletes them.
	 */
	private Duration retention = Duration.ofDays(365);

	/**
	 * How often the retention purge runs.
	 */
	private Duration purgeInterval = Duration.ofHours(1);

	/**
	 * How often to check whether the envelope's primary key changed, to record a key rotation.
	 */
	private Duration keyCheckInterval = Duration.ofMinutes(1);

	/**
	 * Entries kept in memory with store=log; older ones remain in the log only.
	 */
	private int maxEntriesInMemory = 10_000;

	/**
	 * Whether to create the audit tables at start-up if they do not exist (store=jdbc).
	 */
	private boolean initializeSchema = false;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public StoreType getStore() {
		return this.store;
	}

	public void setStore(StoreType store) {
		this.store = store;
	}

	public String getCurrentKey() {
		return this.currentKey;
	}

	public void setCurrentKey(String currentKey) {
		this.currentKey = currentKey;
	}

	public Map<String, String> getKeys() {
		return this.keys;
	}

	public void setKeys(Map<String, String> keys) {
		this.keys = keys;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Duration getPurgeInterval() {
		return this.purgeInterval;
	}

	public void setPurgeInterval(Duration purgeInterval) {
		this.purgeInterval = purgeInterval;
	}

	public Duration getKeyCheckInterval() {
		return this.keyCheckInterval;
	}

	public void setKeyCheckInterval(Duration keyCheckInterval) {
		this.keyCheckInterval = keyCheckInterval;
	}

	public int getMaxEntriesInMemory() {
		return this.maxEntriesInMemory;
	}

	public void setMaxEntriesInMemory(int maxEntriesInMemory) {
		this.maxEntriesInMemory = maxEntriesInMemory;
	}

	public boolean isInitializeSchema() {
		return this.initializeSchema;
	}

	public void setInitializeSchema(boolean initializeSchema) {
		this.initializeSchema = initializeSchema;
	}

	/**
	 * Where the audit chain is kept.
	 */
	public enum StoreType {

		/** In memory (bounded) and in the log: for a single instance. */
		LOG,

		/** In database tables shared by every instance, and in the log. */
		JDBC

	}

}
