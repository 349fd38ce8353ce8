package io.github.pbkdf2dpapi.autoconfigure.bulkhead;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderDecorator;
import io.github.pbkdf2dpapi.bulkhead.BulkheadPasswordEncoder;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the hashing bulkhead: at most
 * {@code pbkdf2-dpapi.bulkhead.max-concurrent} password hashes of the auto-configured
 * {@link PasswordEncoder} at once, the others waiting up to {@code max-wait}; in a servlet web
 * application, a filter ahead of Spring Security answers the refused ones with HTTP 503.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration(before = Pbkdf2DpapiPasswordEncoderAutoConfiguration.class)
@ConditionalOnClass({ PasswordEncoder.class, HashingBulkhead.class })
@ConditionalOnBooleanProperty(name = "pbkdf2-dpapi.bulkhead.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HashingBulkheadProperties.class)
public final class HashingBulkheadAutoConfiguration {

	/** Order of the bulkhead decorator: innermost, so metrics around it see rejections. */
	static final int DECORATOR_ORDER = 0;

	/**
	 * Order of the filter: ahead of Spring Security's filter chain (-100 by default).
	 */
	static final int FILTER_ORDER = -110;

	@Bean
	@ConditionalOnMissingBean
	HashingBulkhead hashingBulkhead(HashingBulkheadProperties properties,
			ObjectProvider<HashingBulkhead.Listener> listeners) {
		int maxConcurrent = (properties.getMaxConcurrent() != null) ? properties.getMaxConcurrent()
				: Runtime.getRuntime().availableProcessors();
		return new HashingBulkhead(maxConcurrent, properties.getMaxWait(),
				composite(listeners.orderedStream().toList()));
	}

	@Bean
	@Order(DECORATOR_ORDER)
	Pbkdf2DpapiPasswordEncoderDecorator hashingBulkheadPasswordEncoderDecorator(HashingBulkhead hashingBulkhead) {
		return (encoder) -> new BulkheadPasswordEncoder(encoder, hashingBulkhead);
	}

	private static HashingBulkhead.Listener composite(List<HashingBulkhead.Listener> listeners) {
		if (listeners.isEmpty()) {
			return HashingBulkhead.Listener.NONE;
		}
		if (listeners.size() == 1) {
			return listeners.get(0);
		}
		return new HashingBulkhead.Listener() {

			@Override
			public void acquired(Duration waited) {
				listeners.forEach((listener) -> listener.acquired(waited));
			}

			@Override
			public void rejected(Duration waited) {
				listeners.forEach((listener) -> listener.rejected(waited));
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "jakarta.servlet.Filter")
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hashingBulkheadFilter")
		FilterRegistrationBean<HashingBulkheadFilter> hashingBulkheadFilter(HashingBulkheadProperties properties) {
			FilterRegistrationBean<HashingBulkheadFilter> registration = new FilterRegistrationBean<>(
					new HashingBulkheadFilter(properties.getRetryAfter()));
			registration.setOrder(FILTER_ORDER);
			registration.setName("hashingBulkheadFilter");
			return registration;
		}

	}

}
