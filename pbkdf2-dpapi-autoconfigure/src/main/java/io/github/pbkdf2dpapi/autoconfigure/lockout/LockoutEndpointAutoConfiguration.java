package io.github.pbkdf2dpapi.autoconfigure.lockout;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

import io.github.pbkdf2dpapi.lockout.LoginThrottle;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link LockoutEndpoint}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration(after = LockoutAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnAvailableEndpoint(LockoutEndpoint.class)
@ConditionalOnBean(LoginThrottle.class)
public final class LockoutEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LockoutEndpoint lockoutEndpoint(LoginThrottle loginThrottle, ApplicationEventPublisher publisher) {
		return new LockoutEndpoint(loginThrottle, publisher);
	}

}
