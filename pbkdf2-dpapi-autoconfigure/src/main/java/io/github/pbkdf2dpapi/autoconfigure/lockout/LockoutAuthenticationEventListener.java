package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;

import io.github.pbkdf2dpapi.lockout.FailureOutcome;
import io.github.pbkdf2dpapi.lockout.LoginThrottle;

/**
 * Feeds Spring Security's authentication events to the {@link LoginThrottle}: a
 * {@link AuthenticationFailureBadCredentialsEvent} (wrong password or unknown username) counts a
 * failure, an {@link AuthenticationSuccessEvent} of a username/password login counts a success.
 * Publishes {@link AccountLockedEvent} and audit events when a failure locks an account.
 */
class LockoutAuthenticationEventListener implements ApplicationListener<AbstractAuthenticationEvent> {

	private final LoginThrottle throttle;

	private final ApplicationEventPublisher publisher;

	LockoutAuthenticationEventListener(LoginThrottle throttle, ApplicationEventPublisher publisher) {
		this.throttle = throttle;
		this.publisher = publisher;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		Authentication authentication = event.getAuthentication();
		if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
			return;
		}
		if (event instanceof AuthenticationFailureBadCredentialsEvent failure
				&& !(failure.getException() instanceof LoginThrottledException)) {
			onFailure(authentication);
		}
		else if (event instanceof AuthenticationSuccessEvent) {
			this.throttle.recordSuccess(authentication.getName(), ClientAddresses.of(authentication));
		}
	}

	private void onFailure(Authentication authentication) {
		String username = authentication.getName();
		FailureOutcome outcome = this.throttle.recordFailure(username, ClientAddresses.of(authentication));
		if (outcome.accountLocked()) {
			String normalized = this.throttle.getKeys().normalizeUsername(username);
			this.publisher.publishEvent(new AccountLockedEvent(this.throttle, normalized, outcome.lockedUntil(),
					outcome.permanent(), outcome.lockouts()));
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("lockedUntil", outcome.lockedUntil().toString());
			data.put("permanent", outcome.permanent());
			data.put("lockouts", outcome.lockouts());
			LockoutAuditEvents.publish(this.publisher, normalized, LockoutAuditEvents.ACCOUNT_LOCKED, data);
		}
		if (outcome.addressThrottled()) {
			LockoutAuditEvents.publish(this.publisher, "anonymousUser", LockoutAuditEvents.ADDRESS_THROTTLED,
					Map.of());
		}
	}

}
