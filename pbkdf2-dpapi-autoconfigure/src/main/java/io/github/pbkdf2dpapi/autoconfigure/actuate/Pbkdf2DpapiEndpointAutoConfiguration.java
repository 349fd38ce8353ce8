package io.github.pbkdf2dpapi.autoconfigure.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.pbkdf2dpapi.autoconfigure.bulkhead.HashingBulkheadAutoConfiguration;
import io.github.pbkdf2dpapi.autoconfigure.lockout.LockoutAutoConfiguration;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderSettings;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;
import io.github.pbkdf2dpapi.lockout.LockoutPolicy;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link Pbkdf2DpapiEndpoint}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration(after = { Pbkdf2DpapiPasswordEncoderAutoConfiguration.class,
		HashingBulkheadAutoConfiguration.class, LockoutAutoConfiguration.class })
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnAvailableEndpoint(Pbkdf2DpapiEndpoint.class)
public final class Pbkdf2DpapiEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Pbkdf2DpapiEndpoint pbkdf2DpapiEndpoint(ObjectProvider<Pbkdf2DpapiPasswordEncoderSettings> settings,
			ObjectProvider<SecretProtector> protector, ObjectProvider<HashingBulkhead> bulkhead,
			ObjectProvider<LockoutPolicy> lockoutPolicy) {
		return new Pbkdf2DpapiEndpoint(settings.getIfAvailable(), protector.getIfUnique(), bulkhead.getIfAvailable(),
				lockoutPolicy.getIfAvailable());
	}

}
