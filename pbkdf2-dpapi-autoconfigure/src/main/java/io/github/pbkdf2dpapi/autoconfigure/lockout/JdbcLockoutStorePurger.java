package io.github.pbkdf2dpapi.autoconfigure.lockout;

import io.github.pbkdf2dpapi.autoconfigure.support.PeriodicTask;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;

import io.github.pbkdf2dpapi.lockout.LoginThrottle;

/**
 * Purges expired lockout rows at a fixed interval on one daemon thread.
 */
class JdbcLockoutStorePurger extends PeriodicTask {

	private static final Log logger = LogFactory.getLog(JdbcLockoutStorePurger.class);

	private final ObjectProvider<LoginThrottle> throttle;

	JdbcLockoutStorePurger(ObjectProvider<LoginThrottle> throttle, Duration interval) {
		super("pbkdf2-dpapi-lockout-purge", interval);
		this.throttle = throttle;
	}

	@Override
	protected void runOnce() {
		purge();
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
}
