package io.github.pbkdf2dpapi.autoconfigure.actuate;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderSettings;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link Pbkdf2DpapiHealthIndicator}
 * ({@code management.health.pbkdf2dpapi.enabled}).
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration(after = Pbkdf2DpapiPasswordEncoderAutoConfiguration.class,
		beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({ Health.class, SecretProtector.class })
@ConditionalOnBean(SecretProtector.class)
@ConditionalOnEnabledHealthIndicator("pbkdf2dpapi")
@EnableConfigurationProperties(Pbkdf2DpapiHealthProperties.class)
public final class Pbkdf2DpapiHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "pbkdf2dpapiHealthIndicator")
	Pbkdf2DpapiHealthIndicator pbkdf2dpapiHealthIndicator(SecretProtector protector,
			ObjectProvider<Pbkdf2DpapiPasswordEncoderSettings> settings, ObjectProvider<Clock> clock,
			Pbkdf2DpapiHealthProperties properties) {
		return new Pbkdf2DpapiHealthIndicator(protector, settings.getIfAvailable(),
				clock.getIfUnique(Clock::systemUTC), properties.getKeyExpiryWarning(), properties.isRequirePepper());
	}

}
