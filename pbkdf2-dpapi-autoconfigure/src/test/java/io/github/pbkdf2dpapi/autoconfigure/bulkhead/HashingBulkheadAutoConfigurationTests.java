package io.github.pbkdf2dpapi.autoconfigure.bulkhead;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;
import io.github.pbkdf2dpapi.bulkhead.BulkheadPasswordEncoder;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HashingBulkheadAutoConfiguration}.
 */
class HashingBulkheadAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HashingBulkheadAutoConfiguration.class,
				Pbkdf2DpapiPasswordEncoderAutoConfiguration.class))
		.withPropertyValues("pbkdf2-dpapi.envelope.protector=none", "pbkdf2-dpapi.password.iterations=1000", "pbkdf2-dpapi.password.allow-weak-parameters=true",
				"pbkdf2-dpapi.password.budget.check=false");

	@Test
	void defaultsThenEncoderInBulkheadOfOnePermitPerProcessor() {
		this.contextRunner.run((context) -> {
			HashingBulkhead bulkhead = context.getBean(HashingBulkhead.class);
			assertThat(bulkhead.getMaxConcurrent()).isEqualTo(Runtime.getRuntime().availableProcessors());
			assertThat(bulkhead.getMaxWait()).isEqualTo(Duration.ofSeconds(2));
			PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
			assertThat(encoder).isInstanceOf(BulkheadPasswordEncoder.class);
			String encoded = encoder.encode("pw");
			assertThat(encoded).startsWith("{pbkdf2-dpapi}");
			assertThat(encoder.matches("pw", encoded)).isTrue();
			assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
		});
	}

	@Test
	void propertiesThenApplied() {
		this.contextRunner
			.withPropertyValues("pbkdf2-dpapi.bulkhead.max-concurrent=3", "pbkdf2-dpapi.bulkhead.max-wait=250ms")
			.run((context) -> {
				HashingBulkhead bulkhead = context.getBean(HashingBulkhead.class);
				assertThat(bulkhead.getMaxConcurrent()).isEqualTo(3);
				assertThat(bulkhead.getMaxWait()).isEqualTo(Duration.ofMillis(250));
			});
	}

	@Test
	void disabledThenNoBulkhead() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.bulkhead.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HashingBulkhead.class);
			assertThat(context.getBean(PasswordEncoder.class)).isNotInstanceOf(BulkheadPasswordEncoder.class);
		});
	}

	@Test
	void userPasswordEncoderThenNotDecorated() {
		this.contextRunner.withUserConfiguration(TestConfigWithPasswordEncoder.class).run((context) -> {
			assertThat(context).hasSingleBean(HashingBulkhead.class);
			assertThat(context.getBean(PasswordEncoder.class)).isSameAs(NoOpPasswordEncoder.getInstance());
		});
	}

	@Test
	void userBulkheadThenUsed() {
		this.contextRunner.withUserConfiguration(TestConfigWithBulkhead.class).run((context) -> {
			HashingBulkhead bulkhead = context.getBean(HashingBulkhead.class);
			assertThat(bulkhead.getMaxConcurrent()).isEqualTo(7);
			assertThat(((BulkheadPasswordEncoder) context.getBean(PasswordEncoder.class)).getBulkhead())
				.isSameAs(bulkhead);
		});
	}

	@Test
	void servletWebApplicationThenFilterAheadOfSpringSecurity() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HashingBulkheadAutoConfiguration.class))
			.withPropertyValues("pbkdf2-dpapi.bulkhead.retry-after=2500ms")
			.run((context) -> {
				FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
				assertThat(registration.getFilter()).isInstanceOf(HashingBulkheadFilter.class);
				assertThat(registration.getOrder()).isLessThan(-100);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithPasswordEncoder {

		@Bean
		@SuppressWarnings("deprecation")
		PasswordEncoder passwordEncoder() {
			return NoOpPasswordEncoder.getInstance();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithBulkhead {

		@Bean
		HashingBulkhead myBulkhead() {
			return new HashingBulkhead(7, Duration.ofSeconds(1));
		}

	}

}
