package io.github.pbkdf2dpapi.autoconfigure.metrics;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderDecorator;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiSecretProtectorDecorator;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the pbkdf2-dpapi Micrometer meters:
 * password hashing timers, upgrades, envelope failures, the hashing bulkhead, lockouts and
 * refusals before hashing. Meter names and tags are listed in {@code docs/OPERATIONS.md}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, PasswordEncoder.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "pbkdf2-dpapi.metrics.enabled", matchIfMissing = true)
public final class Pbkdf2DpapiMetricsAutoConfiguration {

	/** Order of the metrics decorator: outside the bulkhead, so rejections are timed. */
	static final int DECORATOR_ORDER = 100;

	@Bean
	@Order(DECORATOR_ORDER)
	Pbkdf2DpapiPasswordEncoderDecorator meteredPasswordEncoderDecorator(ObjectProvider<MeterRegistry> meterRegistry) {
		Supplier<MeterRegistry> registry = lazy(meterRegistry);
		return (encoder) -> new MeteredPasswordEncoder(encoder, registry, Pbkdf2DpapiPasswordEncoder.ID);
	}

	@Bean
	@Order(DECORATOR_ORDER)
	Pbkdf2DpapiSecretProtectorDecorator meteredSecretProtectorDecorator(ObjectProvider<MeterRegistry> meterRegistry) {
		Supplier<MeterRegistry> registry = lazy(meterRegistry);
		return (protector) -> new MeteredSecretProtector(protector, registry);
	}

	@Bean
	HashingBulkheadMetrics hashingBulkheadMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		return new HashingBulkheadMetrics(lazy(meterRegistry));
	}

	@Bean
	MeterBinder hashingBulkheadMeterBinder(ObjectProvider<HashingBulkhead> bulkhead) {
		return (registry) -> bulkhead.ifAvailable((b) -> {
			Gauge.builder(Pbkdf2DpapiMeters.BULKHEAD_ACTIVE, b, HashingBulkhead::getActive)
				.description("Password hashes running now")
				.register(registry);
			Gauge.builder(Pbkdf2DpapiMeters.BULKHEAD_WAITING, b, HashingBulkhead::getWaiting)
				.description("Logins waiting for a hashing slot now")
				.register(registry);
		});
	}

	/**
	 * The registry is resolved at first use, so that the encoder, which Spring Security needs
	 * early, does not pull the whole metrics set-up forward.
	 */
	private static Supplier<MeterRegistry> lazy(ObjectProvider<MeterRegistry> meterRegistry) {
		return new Supplier<>() {

			private volatile MeterRegistry registry;

			@Override
			public MeterRegistry get() {
				MeterRegistry r = this.registry;
				if (r == null) {
					r = meterRegistry.getObject();
					this.registry = r;
				}
				return r;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent",
			"io.github.pbkdf2dpapi.lockout.LoginThrottle" })
	static class LockoutMetricsConfiguration {

		@Bean
		LockoutMetricsListener pbkdf2DpapiLockoutMetricsListener(ObjectProvider<MeterRegistry> meterRegistry) {
			return new LockoutMetricsListener(lazy(meterRegistry));
		}

	}

}
