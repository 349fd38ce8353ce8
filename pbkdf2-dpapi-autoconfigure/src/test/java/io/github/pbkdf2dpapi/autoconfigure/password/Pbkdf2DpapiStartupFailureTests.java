package io.github.pbkdf2dpapi.autoconfigure.password;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts a real application with invalid settings and checks the report Spring Boot prints, so
 * the failure analyzer's registration in {@code spring.factories} is covered too.
 */
@ExtendWith(OutputCaptureExtension.class)
class Pbkdf2DpapiStartupFailureTests {

	@Test
	void shortPepperThenApplicationFailedToStartReportWithoutSecret(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--pbkdf2-dpapi.envelope.protector=none", "--pbkdf2-dpapi.password.pepper.current=p1",
				"--pbkdf2-dpapi.password.pepper.secrets.p1=dG9vLXNob3J0LXBlcHBlcg=="));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: pbkdf2-dpapi.password.pepper.secrets.p1")
			.contains("Origin: \"pbkdf2-dpapi.password.pepper.secrets.p1\" from property source \"commandLineArgs\"")
			.contains("the pepper is shorter than 32 bytes")
			.contains("openssl rand -base64 32")
			.doesNotContain("dG9vLXNob3J0LXBlcHBlcg==")
			.doesNotContain("too-short-pepper");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Config {

	}

}
