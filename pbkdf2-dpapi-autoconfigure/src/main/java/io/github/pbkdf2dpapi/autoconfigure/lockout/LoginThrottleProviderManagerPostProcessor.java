package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.AbstractUserDetailsAuthenticationProvider;

import io.github.pbkdf2dpapi.lockout.LoginThrottle;

/**
 * Wraps the password-checking providers ({@link AbstractUserDetailsAuthenticationProvider}, such
 * as {@code DaoAuthenticationProvider}) of every {@link ProviderManager} in a
 * {@link LoginThrottlingAuthenticationProvider}. Spring Security passes the managers it builds
 * (the global one from the {@code UserDetailsService} bean, and the one of each
 * {@code HttpSecurity}) through the bean factory, so form login and HTTP Basic are covered, as
 * are {@code ProviderManager} beans of the application.
 */
class LoginThrottleProviderManagerPostProcessor implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(LoginThrottleProviderManagerPostProcessor.class);

	private final ObjectProvider<LoginThrottle> throttle;

	private final boolean revealLocked;

	LoginThrottleProviderManagerPostProcessor(ObjectProvider<LoginThrottle> throttle, boolean revealLocked) {
		this.throttle = throttle;
		this.revealLocked = revealLocked;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ProviderManager manager) {
			wrap(manager);
		}
		return bean;
	}

	private void wrap(ProviderManager manager) {
		List<AuthenticationProvider> providers = manager.getProviders();
		if (providers.stream().noneMatch(AbstractUserDetailsAuthenticationProvider.class::isInstance)) {
			return;
		}
		LoginThrottle loginThrottle = this.throttle.getIfAvailable();
		if (loginThrottle == null) {
			return;
		}
		try {
			providers.replaceAll((provider) -> (provider instanceof AbstractUserDetailsAuthenticationProvider)
					? new LoginThrottlingAuthenticationProvider(loginThrottle, provider, this.revealLocked) : provider);
		}
		catch (UnsupportedOperationException ex) {
			logger.warn("A ProviderManager was built with an unmodifiable provider list, so its password logins "
					+ "are not protected by pbkdf2-dpapi lockout; wrap its providers in a "
					+ "LoginThrottlingAuthenticationProvider");
		}
	}

}
