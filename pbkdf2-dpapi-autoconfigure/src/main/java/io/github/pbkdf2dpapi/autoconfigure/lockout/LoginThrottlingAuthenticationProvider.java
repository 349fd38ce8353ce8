package io.github.pbkdf2dpapi.autoconfigure.lockout;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.SpringSecurityMessageSource;
import org.springframework.util.Assert;

import io.github.pbkdf2dpapi.lockout.LoginDecision;
import io.github.pbkdf2dpapi.lockout.LoginThrottle;

/**
 * An {@link AuthenticationProvider} decorator that asks the {@link LoginThrottle} before the
 * delegate (usually a {@code DaoAuthenticationProvider}) loads the user or hashes the password.
 * A locked account, a throttled client or an unavailable store (when failing closed) costs no
 * PBKDF2 work and no user lookup, and fails with a {@link LoginThrottledException} carrying the
 * same message as a wrong password; known and unknown usernames are treated alike.
 *
 * <p>
 * The auto-configuration wraps the providers of every {@code ProviderManager} with it; wrap a
 * provider yourself when you build your {@code AuthenticationManager} by hand.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class LoginThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final LoginThrottle throttle;

	private final AuthenticationProvider delegate;

	private final boolean revealLocked;

	private final MessageSourceAccessor messages = SpringSecurityMessageSource.getAccessor();

	/**
	 * Create a decorator that answers every refusal with the generic failure.
	 * @param throttle the throttle
	 * @param delegate the provider that checks passwords
	 */
	public LoginThrottlingAuthenticationProvider(LoginThrottle throttle, AuthenticationProvider delegate) {
		this(throttle, delegate, false);
	}

	/**
	 * Create a decorator.
	 * @param throttle the throttle
	 * @param delegate the provider that checks passwords
	 * @param revealLocked whether a lock is answered with a {@link LockedException} instead of
	 * the generic failure
	 */
	public LoginThrottlingAuthenticationProvider(LoginThrottle throttle, AuthenticationProvider delegate,
			boolean revealLocked) {
		Assert.notNull(throttle, "'throttle' must not be null");
		Assert.notNull(delegate, "'delegate' must not be null");
		this.throttle = throttle;
		this.delegate = delegate;
		this.revealLocked = revealLocked;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		if (authentication instanceof UsernamePasswordAuthenticationToken) {
			LoginDecision decision = this.throttle.check(authentication.getName(),
					ClientAddresses.of(authentication));
			if (!decision.isAllowed()) {
				throw refusal(decision);
			}
		}
		return this.delegate.authenticate(authentication);
	}

	private AuthenticationException refusal(LoginDecision decision) {
		if (this.revealLocked && decision.verdict() == LoginDecision.Verdict.ACCOUNT_LOCKED) {
			return new LockedException(
					this.messages.getMessage("AbstractUserDetailsAuthenticationProvider.locked", "User account is locked"));
		}
		return new LoginThrottledException(
				this.messages.getMessage("AbstractUserDetailsAuthenticationProvider.badCredentials", "Bad credentials"),
				decision);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	/**
	 * The decorated provider.
	 * @return the delegate
	 */
	public AuthenticationProvider getDelegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "LoginThrottlingAuthenticationProvider[" + this.delegate.getClass().getSimpleName() + "]";
	}

}
