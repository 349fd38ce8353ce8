package io.github.pbkdf2dpapi.autoconfigure.metrics;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;

import io.github.pbkdf2dpapi.autoconfigure.lockout.AccountLockedEvent;
import io.github.pbkdf2dpapi.autoconfigure.lockout.AccountUnlockedEvent;
import io.github.pbkdf2dpapi.autoconfigure.lockout.LoginThrottledException;

/**
 * Counts lockouts, unlocks and the login attempts refused before hashing.
 */
final class LockoutMetricsListener implements ApplicationListener<ApplicationEvent> {

	private final Supplier<MeterRegistry> registry;

	LockoutMetricsListener(Supplier<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof AccountLockedEvent locked) {
			this.registry.get()
				.counter(Pbkdf2DpapiMeters.LOCKOUT_LOCKED, "permanent", Boolean.toString(locked.isPermanent()))
				.increment();
		}
		else if (event instanceof AccountUnlockedEvent) {
			this.registry.get().counter(Pbkdf2DpapiMeters.LOCKOUT_UNLOCKED).increment();
		}
		else if (event instanceof AbstractAuthenticationFailureEvent failure
				&& failure.getException() instanceof LoginThrottledException throttled
				&& throttled.getDecision() != null) {
			String reason = throttled.getDecision().verdict().name().toLowerCase(Locale.ROOT);
			this.registry.get().counter(Pbkdf2DpapiMeters.RATELIMIT_REJECTED, "reason", reason).increment();
		}
	}

	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

}
