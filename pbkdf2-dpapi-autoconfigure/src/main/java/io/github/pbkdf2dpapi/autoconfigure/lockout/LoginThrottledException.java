package io.github.pbkdf2dpapi.autoconfigure.lockout;

import org.springframework.security.authentication.BadCredentialsException;

import io.github.pbkdf2dpapi.lockout.LoginDecision;

/**
 * Exception thrown when a login attempt is refused before its password is checked, because the
 * account is locked, the client address is throttled or the lockout store is unavailable. It is a
 * {@link BadCredentialsException} with the same message as a wrong password, so that the response
 * does not tell an attacker which case applies. Spring Security publishes no failure event for
 * it, so refused attempts are not counted again.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class LoginThrottledException extends BadCredentialsException {

	private final transient LoginDecision decision;

	/**
	 * Create a new exception.
	 * @param message the generic failure message
	 * @param decision the decision that refused the attempt
	 */
	public LoginThrottledException(String message, LoginDecision decision) {
		super(message);
		this.decision = decision;
	}

	/**
	 * The decision that refused the attempt (for server-side handlers only; do not show it).
	 * @return the decision
	 */
	public LoginDecision getDecision() {
		return this.decision;
	}

}
