package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EncryptAutoConfiguration}. The context runner does not run environment
 * post-processors, so these tests also show that the bean factory post-processor alone wraps
 * the sources.
 */
class EncryptAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EncryptAutoConfiguration.class))
		.withPropertyValues(EncryptTestValues.KEY_ID_PROPERTY, EncryptTestValues.KEY_PROPERTY,
				"enc.secret=" + EncryptTestValues.COMMAND_LINE);

	@Test
	void defaultThenSourcesWrappedAndSanitizingFunction() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(EncryptablePropertySourcesPostProcessor.class)
				.hasSingleBean(SanitizingFunction.class)
				.hasSingleBean(EncryptProperties.class);
			assertThat(context.getEnvironment().getProperty("enc.secret")).isEqualTo("command-line-secret");
			SanitizingFunction function = context.getBean(SanitizingFunction.class);
			ConfigurableEnvironment environment = context.getEnvironment();
			SanitizableData data = new SanitizableData(environment.getPropertySources().get("test"), "enc.secret",
					"command-line-secret");
			assertThat(function.apply(data).getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
			SanitizableData plain = new SanitizableData(null, "other", "plain");
			assertThat(function.apply(plain).getValue()).isEqualTo("plain");
		});
	}

	@Test
	void disabledThenNothingWrapped() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.encrypt.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(EncryptablePropertySourcesPostProcessor.class)
				.doesNotHaveBean(SanitizingFunction.class);
			assertThat(context.getEnvironment().getProperty("enc.secret")).isEqualTo(EncryptTestValues.COMMAND_LINE);
		});
	}

	@Test
	void withoutActuatorThenNoSanitizingFunction() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(EncryptablePropertySourcesPostProcessor.class)
				.doesNotHaveBean(SanitizingFunction.class));
	}

	@Test
	void badValueThenContextFailsWithEncryptedPropertyException() {
		this.contextRunner.withPropertyValues("enc.bad=" + EncryptTestValues.WRONG_KEY)
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure != null && !(failure instanceof EncryptedPropertyException)) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(EncryptedPropertyException.class)
					.hasMessageContaining("Cannot decrypt property 'enc.bad'");
			});
	}

}
