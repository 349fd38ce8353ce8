package io.github.pbkdf2dpapi.autoconfigure.audit;

import io.github.pbkdf2dpapi.autoconfigure.support.PeriodicTask;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.pbkdf2dpapi.audit.AuditTrail;

/**
 * Runs the audit retention purge at a fixed interval on one daemon thread.
 */
class AuditPurger extends PeriodicTask {

	private static final Log logger = LogFactory.getLog(AuditPurger.class);

	private final AuditTrail trail;

	private final Duration retention;

	AuditPurger(AuditTrail trail, Duration retention, Duration interval) {
		super("pbkdf2-dpapi-audit-purge", interval);
		this.trail = trail;
		this.retention = retention;
	}

	@Override
	protected void runOnce() {
		purge();
	}

	void purge() {
		try {
			this.trail.purge(this.retention);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not purge old audit entries: " + ex.getMessage());
		}
	}
}
