package io.github.pbkdf2dpapi.autoconfigure.audit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

import io.github.pbkdf2dpapi.audit.AuditEvent;
import io.github.pbkdf2dpapi.audit.AuditTrail;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * Records a {@code KEY_ROTATED} audit entry when the envelope's primary key changes, whoever
 * rotated it (the CLI on another machine, automatic rotation, another node): every interval it
 * compares the protector's current envelope tag (which names the key id) with the last one seen.
 * Only ids are recorded.
 */
class KeyRotationAuditor implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(KeyRotationAuditor.class);

	private final AuditTrail trail;

	private final SecretProtector protector;

	private final Duration interval;

	private String lastEnvelope;

	private ScheduledExecutorService executor;

	KeyRotationAuditor(AuditTrail trail, SecretProtector protector, Duration interval) {
		this.trail = trail;
		this.protector = protector;
		this.interval = interval;
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

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		check();
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "pbkdf2-dpapi-key-rotation-audit");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1000, this.interval.toMillis());
		this.executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
