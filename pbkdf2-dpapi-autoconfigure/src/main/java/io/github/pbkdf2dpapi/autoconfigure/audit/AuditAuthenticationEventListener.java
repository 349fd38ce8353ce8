package io.github.pbkdf2dpapi.autoconfigure.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.ClassUtils;

import io.github.pbkdf2dpapi.audit.AuditEvent;
import io.github.pbkdf2dpapi.audit.AuditTrail;
import io.github.pbkdf2dpapi.autoconfigure.lockout.AccountLockedEvent;
import io.github.pbkdf2dpapi.autoconfigure.lockout.AccountUnlockedEvent;
import io.github.pbkdf2dpapi.autoconfigure.lockout.LoginThrottledException;

/**
 * Writes Spring Security's authentication events and the lockout events into the
 * {@link AuditTrail}: success (and a password upgrade when the encoder asked for one), failure
 * with its reason, lock and unlock. Records the username and client address, never the password.
 */
class AuditAuthenticationEventListener implements ApplicationListener<ApplicationEvent> {

	private static final boolean WEB_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.web.authentication.WebAuthenticationDetails",
			AuditAuthenticationEventListener.class.getClassLoader());

	private final AuditTrail trail;

	AuditAuthenticationEventListener(AuditTrail trail) {
		this.trail = trail;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof AuthenticationSuccessEvent success) {
			Authentication authentication = success.getAuthentication();
			Map<String, String> details = details(authentication);
			this.trail.record(AuditEvent.AUTHENTICATION_SUCCESS, authentication.getName(), details);
			String upgradedFrom = PasswordUpgradeTracker.take();
			if (upgradedFrom != null) {
				Map<String, String> upgrade = new LinkedHashMap<>(details);
				upgrade.put("from", upgradedFrom);
				this.trail.record(AuditEvent.PASSWORD_UPGRADED, authentication.getName(), upgrade);
			}
		}
		else if (event instanceof AbstractAuthenticationFailureEvent failure) {
			Authentication authentication = failure.getAuthentication();
			Map<String, String> details = details(authentication);
			if (failure.getException() instanceof LoginThrottledException throttled && throttled.getDecision() != null) {
				details.put("reason", "refused:" + throttled.getDecision().verdict().name().toLowerCase(java.util.Locale.ROOT));
			}
			else {
				details.put("reason", failure.getException().getClass().getSimpleName());
			}
			this.trail.record(AuditEvent.AUTHENTICATION_FAILURE, authentication.getName(), details);
		}
		else if (event instanceof AccountLockedEvent locked) {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("lockedUntil", locked.isPermanent() ? "permanent" : String.valueOf(locked.getLockedUntil()));
			details.put("lockouts", Integer.toString(locked.getLockouts()));
			this.trail.record(AuditEvent.ACCOUNT_LOCKED, locked.getUsername(), details);
		}
		else if (event instanceof AccountUnlockedEvent unlocked) {
			this.trail.record(AuditEvent.ACCOUNT_UNLOCKED, unlocked.getUsername(), Map.of("key", unlocked.getKey()));
		}
	}

	private static Map<String, String> details(Authentication authentication) {
		Map<String, String> details = new LinkedHashMap<>();
		if (WEB_PRESENT) {
			String address = WebDetails.remoteAddress(authentication.getDetails());
			if (address != null) {
				details.put("address", address);
			}
		}
		return details;
	}

	@Override
	public boolean supportsAsyncExecution() {
		return false;
	}

	private static final class WebDetails {

		static String remoteAddress(Object details) {
			return (details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : null;
		}

	}

}
