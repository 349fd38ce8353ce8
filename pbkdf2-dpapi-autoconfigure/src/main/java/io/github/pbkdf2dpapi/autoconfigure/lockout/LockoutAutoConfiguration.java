package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.pbkdf2dpapi.lockout.InMemoryLockoutStore;
import io.github.pbkdf2dpapi.lockout.LockoutKeys;
import io.github.pbkdf2dpapi.lockout.LockoutPolicy;
import io.github.pbkdf2dpapi.lockout.LockoutStore;
import io.github.pbkdf2dpapi.lockout.LoginThrottle;
import io.github.pbkdf2dpapi.lockout.UsernameNormalizer;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for brute-force protection: a
 * {@link LoginThrottle} with its policy, keys and store, the authentication event listener that
 * counts failures and successes, and the wrapping of password-checking authentication providers
 * so that the check runs before any password is hashed.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(LoginThrottle.class)
@ConditionalOnBooleanProperty(name = "pbkdf2-dpapi.lockout.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ LockoutProperties.class, RateLimitProperties.class })
public final class LockoutAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LockoutPolicy lockoutPolicy(LockoutProperties lockout, RateLimitProperties rateLimit) {
		return LockoutPolicy.builder()
			.maxFailures(lockout.getMaxFailures())
			.window(lockout.getWindow())
			.duration(lockout.getDuration())
			.durationMultiplier(lockout.getDurationMultiplier())
			.maxDuration(lockout.getMaxDuration())
			.permanentAfterLockouts(lockout.getPermanentAfterLockouts())
			.maxConsecutiveFailures(lockout.getMaxConsecutiveFailures())
			.retention(lockout.getRetention())
			.addressLimitEnabled(rateLimit.isEnabled())
			.addressMaxFailures(rateLimit.getMaxFailures())
			.addressWindow(rateLimit.getWindow())
			.addressDuration(rateLimit.getDuration())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	LockoutKeys lockoutKeys(LockoutProperties lockout, RateLimitProperties rateLimit,
			ObjectProvider<UsernameNormalizer> usernameNormalizer) {
		UsernameNormalizer normalizer = usernameNormalizer.getIfAvailable(() -> switch (lockout
			.getUsernameNormalization()) {
			case LOWERCASE_NFKC -> UsernameNormalizer.lowercaseNfkc();
			case NFKC -> UsernameNormalizer.nfkc();
			case NONE -> UsernameNormalizer.none();
		});
		String secret = lockout.getSecret();
		if (secret == null || secret.isEmpty()) {
			if (lockout.getStore() == LockoutProperties.StoreType.JDBC) {
				throw new IllegalStateException("pbkdf2-dpapi.lockout.secret must be set when "
						+ "pbkdf2-dpapi.lockout.store=jdbc, with the same value on every instance (use ENC(...))");
			}
			return LockoutKeys.withRandomSecret(normalizer);
		}
		return new LockoutKeys(secret.getBytes(StandardCharsets.UTF_8), normalizer, rateLimit.getIpv6PrefixLength());
	}

	@Bean
	@ConditionalOnMissingBean
	LoginThrottle loginThrottle(LockoutPolicy policy, LockoutStore lockoutStore, LockoutKeys keys,
			ObjectProvider<Clock> clock, LockoutProperties lockout, RateLimitProperties rateLimit) {
		return new LoginThrottle(policy, lockoutStore, keys, clock.getIfUnique(Clock::systemUTC),
				lockout.getOnStoreFailure(), rateLimit.getOnStoreFailure());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.github.benmanes.caffeine.cache.Caffeine")
	@ConditionalOnProperty(name = "pbkdf2-dpapi.lockout.store", havingValue = "memory", matchIfMissing = true)
	static class InMemoryStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(LockoutStore.class)
		InMemoryLockoutStore lockoutStore(LockoutProperties lockout, ObjectProvider<Clock> clock) {
			return new InMemoryLockoutStore(clock.getIfUnique(Clock::systemUTC), lockout.getMemory().getMaximumKeys());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.security.authentication.ProviderManager",
			"org.springframework.security.authentication.event.AbstractAuthenticationEvent" })
	static class SecurityConfiguration {

		@Bean
		static LoginThrottleProviderManagerPostProcessor loginThrottleProviderManagerPostProcessor(
				ObjectProvider<LoginThrottle> loginThrottle, Environment environment) {
			return new LoginThrottleProviderManagerPostProcessor(loginThrottle,
					environment.getProperty("pbkdf2-dpapi.lockout.reveal-locked", Boolean.class, false));
		}

		@Bean
		static LoginThrottledEventMappingPostProcessor loginThrottledEventMappingPostProcessor() {
			return new LoginThrottledEventMappingPostProcessor();
		}

		@Bean
		@ConditionalOnMissingBean
		LockoutAuthenticationEventListener lockoutAuthenticationEventListener(LoginThrottle loginThrottle,
				ApplicationEventPublisher publisher) {
			return new LockoutAuthenticationEventListener(loginThrottle, publisher);
		}

	}

}
