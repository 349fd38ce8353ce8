package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * the decryption of {@code ENC(...)} configuration values that complements
 * {@link EncryptEnvironmentPostProcessor}: it wraps the property sources added while the context
 * starts ({@code @PropertySource}, test sources) and masks encrypted values in the Actuator
 * {@code env} and {@code configprops} endpoints.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "pbkdf2-dpapi.encrypt.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EncryptProperties.class)
public final class EncryptAutoConfiguration {

	@Bean
	static EncryptablePropertySourcesPostProcessor encryptablePropertySourcesPostProcessor() {
		return new EncryptablePropertySourcesPostProcessor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class EncryptedValueSanitizingConfiguration {

		@Bean
		SanitizingFunction encryptedValueSanitizingFunction(Environment environment) {
			return new EncryptedValueSanitizingFunction(environment);
		}

	}

}
