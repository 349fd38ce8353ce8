package io.github.pbkdf2dpapi.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DevelopmentSecretsEnvironmentPostProcessor}.
 */
class DevelopmentSecretsEnvironmentPostProcessorTests {

	@TempDir
	Path temp;

	private final DevelopmentSecretsEnvironmentPostProcessor postProcessor = new DevelopmentSecretsEnvironmentPostProcessor(
			new DeferredLogs());

	@Test
	void postProcessWhenFirstStartInDevProfileThenCreatesKeyRingAndEncryptedSecrets() throws Exception {
		MockEnvironment environment = devEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		Path ring = this.temp.resolve("keyring");
		Path secrets = this.temp.resolve("secrets.properties");
		try (var keys = Files.list(ring)) {
			assertThat(keys).hasSize(1);
		}
		assertThat(Files.getPosixFilePermissions(secrets)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		String datasourcePassword = environment.getProperty("spring.datasource.password");
		String pepper = environment.getProperty("pbkdf2-dpapi.password.pepper.secrets.p1");
		assertThat(datasourcePassword).startsWith("ENC(kr:").endsWith(")");
		assertThat(pepper).startsWith("ENC(kr:").endsWith(")");
		assertThat(Files.readString(secrets)).contains(datasourcePassword, pepper);
	}

	@Test
	void postProcessWhenSecondStartThenKeepsTheSecrets() throws Exception {
		this.postProcessor.postProcessEnvironment(devEnvironment(), new SpringApplication());
		String first = Files.readString(this.temp.resolve("secrets.properties"));
		MockEnvironment environment = devEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(Files.readString(this.temp.resolve("secrets.properties"))).isEqualTo(first);
		assertThat(first).contains(environment.getProperty("spring.datasource.password"));
	}

	@Test
	void postProcessWhenNotDevProfileThenDoesNothing() {
		MockEnvironment environment = devEnvironment();
		environment.setActiveProfiles("prod");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(this.temp.resolve("keyring")).doesNotExist();
		assertThat(environment.getProperty("spring.datasource.password")).isNull();
	}

	private MockEnvironment devEnvironment() {
		MockEnvironment environment = new MockEnvironment();
		environment.setDefaultProfiles("dev");
		environment.setProperty("pbkdf2-dpapi.keyring.directory", this.temp.resolve("keyring").toString());
		environment.setProperty("pbkdf2-dpapi.keyring.master-key.source", "plain");
		return environment;
	}

}
