package io.github.pbkdf2dpapi.audit;

import java.time.Clock;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Writes audit events: appends each to the {@link AuditStore} as the next signed entry of the
 * chain, then writes it as one structured line to the log category
 * {@code io.github.pbkdf2dpapi.audit} (INFO), which also keeps an external copy of the head
 * (principals and addresses appear there as {@link AuditKeys#pseudonym pseudonyms}). A
 * store failure is logged (without the event's details) and does not fail the caller.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class AuditTrail {

	/** The log category of the audit lines. */
	public static final String LOG_CATEGORY = "io.github.pbkdf2dpapi.audit";

	private static final Log auditLog = LogFactory.getLog(LOG_CATEGORY);

	private static final Log logger = LogFactory.getLog(AuditTrail.class);

	private final AuditStore store;

	private final AuditKeys keys;

	private final Clock clock;

	/**
	 * Create a trail.
	 * @param store the store
	 * @param keys the keys
	 * @param clock the clock
	 */
	public AuditTrail(AuditStore store, AuditKeys keys, Clock clock) {
		if (store == null || keys == null || clock == null) {
			throw new IllegalArgumentException("store, keys and clock must not be null");
		}
		this.store = store;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Records an event.
	 * @param type the type (see the constants of {@link AuditEvent})
	 * @param principal the principal, or {@code null}
	 * @param details the details (no secrets)
	 * @return the stored entry, or {@code null} if the store failed
	 */
	public AuditRecord record(String type, String principal, Map<String, String> details) {
		AuditEvent event = new AuditEvent(type, principal, details);
		AuditRecord entry;
		try {
			entry = this.store.append(event, this.clock.instant(), this.keys);
		}
		catch (RuntimeException ex) {
			logger.warn("Audit store unavailable; " + type + " event not recorded: " + ex.getClass().getName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
			return null;
		}
		if (auditLog.isInfoEnabled()) {
			auditLog.info(entry.toLogLine(this.keys::pseudonym));
		}
		return entry;
	}

	/**
	 * Deletes entries older than the retention period; the rest keeps verifying.
	 * @param retention how long entries are kept
	 * @return the number of entries deleted
	 */
	public int purge(java.time.Duration retention) {
		int removed = this.store.purgeBefore(this.clock.instant().minus(retention), this.keys);
		if (removed > 0 && logger.isInfoEnabled()) {
			logger.info("Purged " + removed + " audit entries older than " + retention);
		}
		return removed;
	}

	/**
	 * Verifies the chain in the store.
	 * @return the result
	 */
	public AuditVerification verify() {
		return AuditVerifier.verify(this.store, this.keys);
	}

	/**
	 * The store.
	 * @return the store
	 */
	public AuditStore getStore() {
		return this.store;
	}

}
