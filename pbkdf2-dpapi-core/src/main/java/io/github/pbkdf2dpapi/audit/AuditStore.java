package io.github.pbkdf2dpapi.audit;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the audit chain lives. Implementations append atomically (reading the head, signing the
 * next entry and writing both in one step, also across application instances) and purge so that
 * the rest of the chain still verifies.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public interface AuditStore {

	/**
	 * Appends an event as the next entry of the chain.
	 * @param event the event
	 * @param now the time of the event
	 * @param keys the keys; the current one signs
	 * @return the stored entry
	 */
	AuditRecord append(AuditEvent event, Instant now, AuditKeys keys);

	/**
	 * The signed state.
	 * @return the state, or {@code null} if nothing was ever appended
	 */
	AuditState state();

	/**
	 * Reads every stored entry in sequence order.
	 * @param action called for each entry
	 */
	void forEach(Consumer<AuditRecord> action);

	/**
	 * Deletes the entries older than {@code cutoff} and moves the signed anchor to the first kept
	 * entry, in one step.
	 * @param cutoff entries that occurred before it are deleted
	 * @param keys the keys; the current one signs the new state
	 * @return the number of entries deleted
	 */
	int purgeBefore(Instant cutoff, AuditKeys keys);

}
