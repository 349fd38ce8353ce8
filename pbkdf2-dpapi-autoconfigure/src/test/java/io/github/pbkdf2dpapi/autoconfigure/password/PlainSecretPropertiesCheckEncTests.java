package io.github.pbkdf2dpapi.autoconfigure.password;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-secret warning looks through the {@code ENC(...)} wrappers: a pepper written as
 * {@code ENC(...)} in a file is fine, one written in the clear is reported with file and line.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlainSecretPropertiesCheckEncTests {

	@TempDir
	Path temp;

	@Test
	void pepperInFileWhenEncThenNoWarningWhenPlainThenWarning(CapturedOutput output) throws Exception {
		byte[] key = new byte[32];
		key[0] = 7;
		String pepperP1 = Base64.getEncoder().encodeToString(new byte[32]);
		String pepperP2 = Base64.getEncoder().encodeToString("another-thirty-two-byte-pepper!!".getBytes());
		String encrypted = EncryptedValues.encrypt(SecretProtectors.aesGcm("k1", key), pepperP1, null);
		Path yml = this.temp.resolve("application.yml");
		Files.writeString(yml, String.join("\n", "pbkdf2-dpapi:", "  envelope:", "    protector: none",
				"  password:", "    iterations: 1000", "    allow-weak-parameters: true", "    budget:",
				"      check: false", "    pepper:", "      current: p1", "      secrets:", "        p1: " + encrypted,
				"        p2: " + pepperP2, ""));
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--spring.config.location=file:" + yml,
				"--pbkdf2-dpapi.envelope.aes-gcm.key-id=k1",
				"--pbkdf2-dpapi.envelope.aes-gcm.key=" + Base64.getEncoder().encodeToString(key))) {
			assertThat(context.getEnvironment().getProperty("pbkdf2-dpapi.password.pepper.secrets.p1")).isEqualTo(pepperP1);
		}
		assertThat(output).contains("pbkdf2-dpapi.password.pepper.secrets.p2 is written as a plain value in")
			.contains("application.yml")
			.doesNotContain("pbkdf2-dpapi.password.pepper.secrets.p1 is written as a plain value")
			.doesNotContain(pepperP1)
			.doesNotContain(pepperP2);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Config {

	}

}
