package io.github.pbkdf2dpapi.autoconfigure.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.autoconfigure.bulkhead.HashingBulkheadAutoConfiguration;
import io.github.pbkdf2dpapi.autoconfigure.lockout.AccountLockedEvent;
import io.github.pbkdf2dpapi.autoconfigure.lockout.LoginThrottledException;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkheadFullException;
import io.github.pbkdf2dpapi.lockout.LoginDecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Pbkdf2DpapiMetricsAutoConfiguration}.
 */
class Pbkdf2DpapiMetricsAutoConfigurationTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Pbkdf2DpapiMetricsAutoConfiguration.class,
				HashingBulkheadAutoConfiguration.class, Pbkdf2DpapiPasswordEncoderAutoConfiguration.class))
		.withUserConfiguration(TestConfigWithMeterRegistry.class)
		.withPropertyValues("pbkdf2-dpapi.envelope.protector=none", "pbkdf2-dpapi.password.iterations=1000", "pbkdf2-dpapi.password.allow-weak-parameters=true",
				"pbkdf2-dpapi.password.budget.check=false", "pbkdf2-dpapi.bulkhead.max-concurrent=1",
				"pbkdf2-dpapi.bulkhead.max-wait=0s");

	@Test
	void encoderThenTimedOutsideTheBulkhead() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
			assertThat(encoder).isInstanceOf(MeteredPasswordEncoder.class);
			String encoded = encoder.encode("pw");
			assertThat(encoder.matches("pw", encoded)).isTrue();
			context.getBean(HashingBulkhead.class).call(() -> {
				assertThatExceptionOfType(HashingBulkheadFullException.class)
					.isThrownBy(() -> encoder.matches("pw", encoded));
				return null;
			});
			assertThat(registry.get("pbkdf2dpapi.password.matches").tag("outcome", "match").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("pbkdf2dpapi.password.matches").tag("outcome", "rejected").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("pbkdf2dpapi.bulkhead.rejected").counter().count()).isEqualTo(1);
			assertThat(registry.get("pbkdf2dpapi.bulkhead.wait").tag("outcome", "acquired").timer().count())
				.isGreaterThanOrEqualTo(2);
			context.getBean(MeterBinder.class).bindTo(registry);
			assertThat(registry.get("pbkdf2dpapi.bulkhead.active").gauge().value()).isZero();
		});
	}

	@Test
	void envelopeFailureThenCountedByReason() {
		this.contextRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=aes-gcm", "pbkdf2-dpapi.envelope.aes-gcm.key-id=k1",
					"pbkdf2-dpapi.envelope.aes-gcm.key=" + KEY)
			.run((context) -> {
				PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
				String encoded = encoder.encode("pw");
				int at = encoded.length() - 5;
				char flipped = (encoded.charAt(at) == 'A') ? 'B' : 'A';
				String tampered = encoded.substring(0, at) + flipped + encoded.substring(at + 1);
				assertThat(encoder.matches("pw", tampered)).isFalse();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("pbkdf2dpapi.envelope.failures")
					.tag("operation", "unprotect")
					.tag("reason", "tampered_or_wrong_key")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void lockoutEventsThenCountedWithoutUsernames() {
		this.contextRunner.run((context) -> {
			context.publishEvent(new AccountLockedEvent(this, "alice", Instant.now(), false, 1));
			UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated("alice",
					"pw");
			context.publishEvent(new AuthenticationFailureBadCredentialsEvent(token, new LoginThrottledException(
					"Bad credentials", new LoginDecision(LoginDecision.Verdict.ADDRESS_THROTTLED, Instant.now()))));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("pbkdf2dpapi.lockout.locked").tag("permanent", "false").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("pbkdf2dpapi.ratelimit.rejected").tag("reason", "address_throttled").counter().count())
				.isEqualTo(1);
			assertThat(registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags())
				.noneMatch((tag) -> tag.getValue().contains("alice")));
		});
	}

	@Test
	void withoutMeterRegistryThenNoMeters() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(Pbkdf2DpapiMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HashingBulkheadMetrics.class));
	}

	@Test
	void withoutMicrometerThenBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HashingBulkheadMetrics.class));
	}

	@Test
	void disabledThenNoMeters() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.metrics.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HashingBulkheadMetrics.class);
			assertThat(context.getBean(PasswordEncoder.class)).isNotInstanceOf(MeteredPasswordEncoder.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithMeterRegistry {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
