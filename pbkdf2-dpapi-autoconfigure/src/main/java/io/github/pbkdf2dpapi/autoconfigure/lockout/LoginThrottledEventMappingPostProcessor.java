package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * Maps {@link LoginThrottledException} to an {@link AuthenticationFailureBadCredentialsEvent} in
 * every {@link DefaultAuthenticationEventPublisher}, which otherwise publishes nothing for an
 * exception class it does not know. The refusals then reach the audit trail and the metrics; the
 * lockout listener ignores them, so they are not counted as failures again.
 */
class LoginThrottledEventMappingPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof DefaultAuthenticationEventPublisher publisher) {
			publisher.setAdditionalExceptionMappings(
					Map.of(LoginThrottledException.class, AuthenticationFailureBadCredentialsEvent.class));
		}
		return bean;
	}

}
