package io.github.pbkdf2dpapi.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link AuditStore} in memory, bounded: beyond {@code maxEntries} the oldest entries are
 * dropped and the anchor moves, so what is kept still verifies. For a single instance whose
 * durable trail is the log (each entry is also written there), and for tests.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class InMemoryAuditStore implements AuditStore {

	private final int maxEntries;

	private final Deque<AuditRecord> entries = new ArrayDeque<>();

	private AuditState state;

	/**
	 * Create a store.
	 * @param maxEntries how many entries to keep, at least 1
	 */
	public InMemoryAuditStore(int maxEntries) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("'maxEntries' must be at least 1");
		}
		this.maxEntries = maxEntries;
	}

	@Override
	public synchronized AuditRecord append(AuditEvent event, Instant now, AuditKeys keys) {
		AuditState current = (this.state != null) ? this.state : AuditState.initial(keys);
		AuditRecord entry = AuditRecord.next(keys, current.headSequence() + 1, current.headMac(), event, now);
		this.entries.addLast(entry);
		current = current.withHead(keys, entry);
		if (this.entries.size() > this.maxEntries) {
			this.entries.removeFirst();
			AuditRecord first = this.entries.peekFirst();
			current = AuditState.signed(keys, first.sequence(), first.previousMac(), current.headSequence(),
					current.headMac());
		}
		this.state = current;
		return entry;
	}

	@Override
	public synchronized AuditState state() {
		return this.state;
	}

	@Override
	public void forEach(Consumer<AuditRecord> action) {
		List<AuditRecord> copy;
		synchronized (this) {
			copy = new ArrayList<>(this.entries);
		}
		copy.forEach(action);
	}

	@Override
	public synchronized int purgeBefore(Instant cutoff, AuditKeys keys) {
		if (this.state == null) {
			return 0;
		}
		int removed = 0;
		while (!this.entries.isEmpty() && this.entries.peekFirst().occurredAt().isBefore(cutoff)) {
			this.entries.removeFirst();
			removed++;
		}
		if (removed > 0) {
			AuditRecord first = this.entries.peekFirst();
			this.state = (first != null)
					? AuditState.signed(keys, first.sequence(), first.previousMac(), this.state.headSequence(),
							this.state.headMac())
					: AuditState.signed(keys, this.state.headSequence() + 1, this.state.headMac(),
							this.state.headSequence(), this.state.headMac());
		}
		return removed;
	}

	/**
	 * Replaces stored entries, to test tamper detection.
	 * @param entries the new content
	 */
	synchronized void replaceEntries(List<AuditRecord> entries) {
		this.entries.clear();
		this.entries.addAll(entries);
	}

}
