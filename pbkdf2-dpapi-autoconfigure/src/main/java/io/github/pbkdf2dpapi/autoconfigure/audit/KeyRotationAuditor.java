package io.github.pbkdf2dpapi.autoconfigure.audit;

import io.github.pbkdf2dpapi.autoconfigure.support.PeriodicTask;

import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.pbkdf2dpapi.audit.AuditEvent;
import io.github.pbkdf2dpapi.audit.AuditTrail;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * Records a {@code KEY_ROTATED} audit entry when the envelope's primary key changes, whoever
 * rotated it (the CLI on another machine, automatic rotation, another node): every interval it
 * compares the protector's current envelope tag (which names the key id) with the last one seen.
 * Only ids are recorded.
 */
class KeyRotationAuditor extends PeriodicTask {

	private static final Log logger = LogFactory.getLog(KeyRotationAuditor.class);

	private final AuditTrail trail;

	private final SecretProtector protector;

	private String lastEnvelope;

	KeyRotationAuditor(AuditTrail trail, SecretProtector protector, Duration interval) {
		super("pbkdf2-dpapi-key-rotation-audit", interval);
		this.trail = trail;
		this.protector = protector;
	}

	@Override
	protected void onStart() {
		check();
	}

	@Override
	protected void runOnce() {
		check();
	}

	/**
	 * Compares the current envelope with the last one seen and records a rotation.
	 * @return whether a rotation was recorded
	 */
	synchronized boolean check() {
		String current;
		try {
			current = this.protector.currentEnvelope();
		}
		catch (RuntimeException ex) {
			// A key ring that cannot be read is the health indicator's business, not the audit's.
			logger.debug("Could not read the current envelope: " + ex.getClass().getSimpleName());
			return false;
		}
		String previous = this.lastEnvelope;
		this.lastEnvelope = current;
		if (previous == null || previous.equals(current)) {
			return false;
		}
		this.trail.record(AuditEvent.KEY_ROTATED, null, Map.of("key", current, "previous", previous));
		return true;
	}
}
