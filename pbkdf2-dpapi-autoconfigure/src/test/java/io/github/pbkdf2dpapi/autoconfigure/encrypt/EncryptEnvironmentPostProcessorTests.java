package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EncryptEnvironmentPostProcessor}.
 */
class EncryptEnvironmentPostProcessorTests {

	private final EncryptEnvironmentPostProcessor postProcessor = new EncryptEnvironmentPostProcessor(
			(destination) -> destination.get(), new DefaultBootstrapContext());

	private final StandardEnvironment environment = new StandardEnvironment();

	@Test
	void orderThenRightAfterConfigData() {
		assertThat(this.postProcessor.getOrder()).isEqualTo(ConfigDataEnvironmentPostProcessor.ORDER + 1)
			.isEqualTo(EncryptEnvironmentPostProcessor.ORDER);
	}

	@Test
	void postProcessWhenEncValuesThenDecrypted() {
		this.environment.getPropertySources().addFirst(EncryptablePropertySourcesTests.keySource());
		this.environment.getPropertySources()
			.addLast(new MapPropertySource("app", Map.of("enc.a", EncryptTestValues.COMMAND_LINE, "enc.b", "plain")));
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("enc.a")).isEqualTo("command-line-secret");
		assertThat(this.environment.getProperty("enc.b")).isEqualTo("plain");
	}

	@Test
	void postProcessWhenDisabledThenNothingWrapped() {
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("app",
					Map.of("pbkdf2-dpapi.encrypt.enabled", "false", "enc.a", EncryptTestValues.COMMAND_LINE)));
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getPropertySources().stream()).noneMatch(EncryptableSource.class::isInstance);
		assertThat(this.environment.getProperty("enc.a")).isEqualTo(EncryptTestValues.COMMAND_LINE);
	}

	@Test
	void postProcessWhenNoEncValueThenNoProtectorNeeded() {
		// No key is configured: fine as long as nothing needs decrypting.
		this.environment.getPropertySources().addLast(new MapPropertySource("app", Map.of("enc.b", "plain")));
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("enc.b")).isEqualTo("plain");
	}

}
