package io.github.pbkdf2dpapi.autoconfigure.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

import io.github.pbkdf2dpapi.audit.AuditTrail;

/**
 * Runs the audit retention purge at a fixed interval on one daemon thread.
 */
class AuditPurger implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(AuditPurger.class);

	private final AuditTrail trail;

	private final Duration retention;

	private final Duration interval;

	private ScheduledExecutorService executor;

	AuditPurger(AuditTrail trail, Duration retention, Duration interval) {
		this.trail = trail;
		this.retention = retention;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "pbkdf2-dpapi-audit-purge");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1000, this.interval.toMillis());
		this.executor.scheduleWithFixedDelay(this::purge, millis, millis, TimeUnit.MILLISECONDS);
	}

	void purge() {
		try {
			this.trail.purge(this.retention);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not purge old audit entries: " + ex.getMessage());
		}
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
