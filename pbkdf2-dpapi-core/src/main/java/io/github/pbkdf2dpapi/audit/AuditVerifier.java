package io.github.pbkdf2dpapi.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.sql.DataSource;

/**
 * Checks an audit chain: the signed state, then every kept entry from the anchor to the head, in
 * order, without gaps, each pointing back to the MAC of the one before and carrying a valid MAC of
 * its own. Detects edited, deleted, inserted and reordered entries, and entries removed at either
 * end (see {@link AuditState} for the one limit). MACs are compared in constant time.
 *
 * <p>
 * One call for a command-line tool: {@code AuditVerifier.verify(dataSource, keys).summary()}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class AuditVerifier {

	private AuditVerifier() {
	}

	/**
	 * Verifies the chain in the default JDBC tables.
	 * @param dataSource the database
	 * @param keys the audit keys (every key id that signed a kept entry)
	 * @return the result
	 */
	public static AuditVerification verify(DataSource dataSource, AuditKeys keys) {
		return verify(new JdbcAuditStore(dataSource), keys);
	}

	/**
	 * Verifies the chain in a store.
	 * @param store the store
	 * @param keys the audit keys (every key id that signed a kept entry)
	 * @return the result
	 */
	public static AuditVerification verify(AuditStore store, AuditKeys keys) {
		AuditState state = store.state();
		Walker walker = new Walker(keys, state);
		store.forEach(walker::accept);
		return walker.result();
	}

	private static boolean equal(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}

	private static final class Walker {

		private final AuditKeys keys;

		private final AuditState state;

		private long expectedSequence;

		private String expectedPrevious;

		private long checked;

		private long last;

		private AuditVerification failure;

		Walker(AuditKeys keys, AuditState state) {
			this.keys = keys;
			this.state = state;
			if (state == null) {
				return;
			}
			if (!keys.contains(state.keyId())) {
				this.failure = AuditVerification.broken(0, 0, 0, null,
						"the chain state is signed with key '" + state.keyId() + "', which is not configured");
				return;
			}
			String mac = AuditState.computeMac(keys, state.anchorSequence(), state.anchorPreviousMac(),
					state.headSequence(), state.headMac(), state.keyId());
			if (!equal(mac, state.mac())) {
				this.failure = AuditVerification.broken(0, state.anchorSequence(), 0, null,
						"the chain state (anchor and head) was altered");
				return;
			}
			this.expectedSequence = state.anchorSequence();
			this.expectedPrevious = state.anchorPreviousMac();
			this.last = state.anchorSequence() - 1;
		}

		void accept(AuditRecord entry) {
			if (this.failure != null) {
				return;
			}
			if (this.state == null) {
				this.failure = broken(entry.sequence(), "entries exist but the chain state is missing");
				return;
			}
			if (entry.sequence() < this.state.anchorSequence()) {
				// Left over from before the anchor: already outside the verified range.
				return;
			}
			if (entry.sequence() != this.expectedSequence) {
				this.failure = broken(this.expectedSequence, (entry.sequence() > this.expectedSequence)
						? "entries " + this.expectedSequence + " to " + (entry.sequence() - 1) + " are missing"
						: "entry " + entry.sequence() + " is out of order or duplicated");
				return;
			}
			if (!this.keys.contains(entry.keyId())) {
				this.failure = broken(entry.sequence(), "signed with key '" + entry.keyId() + "', which is not configured");
				return;
			}
			if (!equal(entry.previousMac(), this.expectedPrevious)) {
				this.failure = broken(entry.sequence(), "does not follow the entry before it (deleted or replaced)");
				return;
			}
			String mac = AuditRecord.computeMac(this.keys, entry.sequence(), entry.occurredAt(), entry.type(),
					entry.principal(), entry.detailsString(), entry.keyId(), entry.previousMac());
			if (!equal(mac, entry.mac())) {
				this.failure = broken(entry.sequence(), "was altered (its MAC does not match)");
				return;
			}
			this.checked++;
			this.last = entry.sequence();
			this.expectedSequence++;
			this.expectedPrevious = entry.mac();
		}

		private AuditVerification broken(long at, String problem) {
			long first = (this.state != null) ? this.state.anchorSequence() : 0;
			return AuditVerification.broken(this.checked, first, this.last, at, problem);
		}

		AuditVerification result() {
			if (this.failure != null) {
				return this.failure;
			}
			if (this.state == null) {
				return AuditVerification.ok(0, 0, 0);
			}
			if (this.last != this.state.headSequence()) {
				return broken(this.last + 1, (this.last < this.state.headSequence())
						? "entries " + (this.last + 1) + " to " + this.state.headSequence() + " are missing"
						: "entries after the signed head " + this.state.headSequence() + " exist");
			}
			if (this.checked > 0 && !equal(this.expectedPrevious, this.state.headMac())) {
				return broken(this.last, "the last entry is not the signed head");
			}
			return AuditVerification.ok(this.checked, this.state.anchorSequence(), this.last);
		}

	}

}
