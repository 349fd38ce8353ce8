package io.github.pbkdf2dpapi.audit;

/**
 * The result of {@link AuditVerifier#verify}.
 *
 * @param valid whether the whole kept chain verified
 * @param entries the number of entries checked
 * @param firstSequence the first kept sequence (the anchor)
 * @param lastSequence the last sequence checked
 * @param brokenAt the sequence where verification failed, or {@code null} when valid
 * @param problem what is wrong, for an operator (ids and sequence numbers only), or {@code null}
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record AuditVerification(boolean valid, long entries, long firstSequence, long lastSequence, Long brokenAt,
		String problem) {

	static AuditVerification ok(long entries, long first, long last) {
		return new AuditVerification(true, entries, first, last, null, null);
	}

	static AuditVerification broken(long entries, long first, long last, Long at, String problem) {
		return new AuditVerification(false, entries, first, last, at, problem);
	}

	/**
	 * A one-line summary, for a command-line tool.
	 * @return the summary
	 */
	public String summary() {
		if (this.valid) {
			return "audit chain valid: " + this.entries + " entries, sequence " + this.firstSequence + " to "
					+ this.lastSequence;
		}
		return "audit chain BROKEN" + ((this.brokenAt != null) ? " at sequence " + this.brokenAt : "") + ": "
				+ this.problem + " (" + this.entries + " entries checked)";
	}

}
