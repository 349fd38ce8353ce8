package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code logging.*} values and a {@code <springProperty>} of a Logback configuration can be
 * {@code ENC(...)}: they are decrypted before the logging system is initialised, so the very
 * first line logged already uses them and logging is never reset.
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptLoggingIntegrationTests {

	@Test
	void loggingWhenLevelAndSpringPropertyEncryptedThenUsedFromTheFirstLine(CapturedOutput output) {
		// Cached test contexts of this JVM initialised logging already: let this application do it.
		LoggingSystem.get(getClass().getClassLoader()).cleanUp();
		SpringApplication application = new SpringApplication(EncryptTestValues.MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--" + EncryptTestValues.KEY_ID_PROPERTY,
				"--" + EncryptTestValues.KEY_PROPERTY, "--logging.config=classpath:encrypt/logback-enc.xml",
				"--logging.level.io.github.pbkdf2dpapi.enctest=" + EncryptTestValues.DEBUG,
				"--enc.logging.marker=" + EncryptTestValues.LOGGING_MARKER)) {
			Log probe = LogFactory.getLog("io.github.pbkdf2dpapi.enctest.Probe");
			assertThat(probe.isDebugEnabled()).isTrue();
			probe.debug("probe message");
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("Starting "))).isNotEmpty()
			.allMatch((line) -> line.startsWith("[logging-marker-7d1e] INFO "));
		assertThat(output)			.contains("[logging-marker-7d1e] DEBUG Probe probe message")
			.doesNotContain("${encMarker}")
			.doesNotContain("encMarker_IS_UNDEFINED")
			.doesNotContain(EncryptTestValues.LOGGING_MARKER.substring(8));
	}

}
