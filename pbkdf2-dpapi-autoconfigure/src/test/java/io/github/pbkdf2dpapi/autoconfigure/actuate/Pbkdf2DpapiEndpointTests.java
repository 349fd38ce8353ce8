package io.github.pbkdf2dpapi.autoconfigure.actuate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.pbkdf2dpapi.autoconfigure.bulkhead.HashingBulkheadAutoConfiguration;
import io.github.pbkdf2dpapi.autoconfigure.lockout.LockoutAutoConfiguration;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Pbkdf2DpapiEndpoint} and {@link Pbkdf2DpapiEndpointAutoConfiguration}.
 */
class Pbkdf2DpapiEndpointTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Pbkdf2DpapiEndpointAutoConfiguration.class,
				Pbkdf2DpapiPasswordEncoderAutoConfiguration.class, HashingBulkheadAutoConfiguration.class,
				LockoutAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=pbkdf2dpapi", "pbkdf2-dpapi.password.iterations=120000",
				"pbkdf2-dpapi.password.pepper.current=p2",
				"pbkdf2-dpapi.password.pepper.secrets.p1=" + Pbkdf2DpapiHealthIndicatorTests.KEY,
				"pbkdf2-dpapi.password.pepper.secrets.p2=" + Pbkdf2DpapiHealthIndicatorTests.PEPPER,
				"pbkdf2-dpapi.envelope.protector=aes-gcm", "pbkdf2-dpapi.envelope.aes-gcm.key-id=k1",
				"pbkdf2-dpapi.envelope.aes-gcm.key=" + Pbkdf2DpapiHealthIndicatorTests.KEY,
				"pbkdf2-dpapi.bulkhead.max-concurrent=3", "pbkdf2-dpapi.lockout.max-failures=7");

	@Test
	void describeThenEffectiveConfigurationWithoutSecrets() {
		this.contextRunner.run((context) -> {
			Pbkdf2DpapiEndpoint.Pbkdf2DpapiDescriptor descriptor = context.getBean(Pbkdf2DpapiEndpoint.class).describe();
			assertThat(descriptor.password().algorithm()).isEqualTo("sha256");
			assertThat(descriptor.password().iterations()).isEqualTo(120000);
			assertThat(descriptor.password().saltLength()).isEqualTo(16);
			assertThat(descriptor.password().hashLength()).isEqualTo(32);
			assertThat(descriptor.password().normalization()).isEqualTo("nfkc");
			assertThat(descriptor.password().measuredMillis()).isNotNull();
			assertThat(descriptor.password().engine())
				.isEqualTo(new Pbkdf2DpapiEndpoint.EngineDescriptor("java", "java", null));
			assertThat(descriptor.pepper().current()).isEqualTo("p2");
			assertThat(descriptor.pepper().ids()).containsExactly("p1", "p2");
			assertThat(descriptor.envelope().scheme()).isEqualTo("aes");
			assertThat(descriptor.envelope().current()).isEqualTo("aes:k1");
			assertThat(descriptor.bulkhead().maxConcurrent()).isEqualTo(3);
			assertThat(descriptor.bulkhead().maxWait()).isEqualTo("PT2S");
			assertThat(descriptor.lockout().maxFailures()).isEqualTo(7);
			assertThat(descriptor.lockout().window()).isEqualTo("PT5M");
			assertThat(descriptor.toString()).doesNotContain(Pbkdf2DpapiHealthIndicatorTests.KEY)
				.doesNotContain(Pbkdf2DpapiHealthIndicatorTests.PEPPER);
		});
	}

	@Test
	void describeWhenBulkheadAndLockoutDisabledThenOmitted() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.bulkhead.enabled=false", "pbkdf2-dpapi.lockout.enabled=false")
			.run((context) -> {
				Pbkdf2DpapiEndpoint.Pbkdf2DpapiDescriptor descriptor = context.getBean(Pbkdf2DpapiEndpoint.class)
					.describe();
				assertThat(descriptor.bulkhead()).isNull();
				assertThat(descriptor.lockout()).isNull();
				assertThat(descriptor.password()).isNotNull();
			});
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_21)
	void describeWhenOpenSslEngineOnJava17ThenJavaWithFallbackReason() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.password.engine=openssl").run((context) -> {
			Pbkdf2DpapiEndpoint.EngineDescriptor engine = context.getBean(Pbkdf2DpapiEndpoint.class)
				.describe()
				.password()
				.engine();
			assertThat(engine.requested()).isEqualTo("openssl");
			assertThat(engine.active()).isEqualTo("java");
			assertThat(engine.fallback()).contains("needs 22+");
		});
	}

	@Test
	void endpointWhenNotExposedThenNoBean() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(Pbkdf2DpapiEndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Pbkdf2DpapiEndpoint.class));
	}

}
