package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import io.github.pbkdf2dpapi.lockout.LoginThrottle;

/**
 * Purges expired lockout rows at a fixed interval on one daemon thread.
 */
class JdbcLockoutStorePurger implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(JdbcLockoutStorePurger.class);

	private final ObjectProvider<LoginThrottle> throttle;

	private final Duration interval;

	private ScheduledExecutorService executor;

	JdbcLockoutStorePurger(ObjectProvider<LoginThrottle> throttle, Duration interval) {
		this.throttle = throttle;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "pbkdf2-dpapi-lockout-purge");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1000, this.interval.toMillis());
		this.executor.scheduleWithFixedDelay(this::purge, millis, millis, TimeUnit.MILLISECONDS);
	}

	void purge() {
		try {
			LoginThrottle loginThrottle = this.throttle.getIfAvailable();
			if (loginThrottle != null) {
				loginThrottle.purgeExpired();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not purge expired lockout rows: " + ex.getMessage());
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
