package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.KeyRingDirectory;
import io.github.pbkdf2dpapi.protect.KeyRingOptions;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.MasterKeySource;
import io.github.pbkdf2dpapi.protect.MasterKeySources;
import io.github.pbkdf2dpapi.protect.SecretProtector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code ENC(kr:...)} values decrypted with the key ring of {@code pbkdf2-dpapi.keyring.*}, the
 * one the password envelope uses, before any bean exists; values under an older key keep
 * decrypting after rotation; {@code ENC(dpapi:...)} off Windows fails with the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptKeyRingIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void keyRingValueWhenRingConfiguredThenDecryptedAfterRotationToo() throws Exception {
		Path dir = this.temp.resolve("ring");
		Path masterKeyFile = this.temp.resolve("master.key");
		Files.writeString(masterKeyFile, java.util.Base64.getEncoder().encodeToString(new byte[32]));
		MasterKeySource plain = MasterKeySources.file(masterKeyFile);
		KeyRingDirectory ring = new KeyRingDirectory(dir, plain);
		ring.init(Instant.now().minusSeconds(60));
		KeyRingProtector protector = KeyRingProtector.open(dir, plain, KeyRingOptions.defaults(), Clock.systemUTC());
		String old = EncryptedValues.encrypt(protector, "old-key-secret", null);
		String bound = EncryptedValues.encrypt(protector, "bound-secret", "app.bound");
		ring.addKey(Instant.now(), Duration.ZERO, null);
		KeyRingProtector rotated = KeyRingProtector.open(dir, plain, KeyRingOptions.defaults(), Clock.systemUTC());
		String fresh = EncryptedValues.encrypt(rotated, "new-key-secret", null);
		assertThat(rotated.currentEnvelope()).isNotEqualTo(protector.currentEnvelope());
		try (ConfigurableApplicationContext context = run("--pbkdf2-dpapi.keyring.directory=" + dir,
				"--pbkdf2-dpapi.keyring.master-key.source=file", "--pbkdf2-dpapi.keyring.master-key.file=" + masterKeyFile,
				"--app.old=" + old, "--app.fresh=" + fresh,
				"--app.bound=" + bound)) {
			assertThat(context.getEnvironment().getProperty("app.old")).isEqualTo("old-key-secret");
			assertThat(context.getEnvironment().getProperty("app.fresh")).isEqualTo("new-key-secret");
			assertThat(context.getEnvironment().getProperty("app.bound")).isEqualTo("bound-secret");
		}
	}

	@Test
	void keyRingValueWhenNoRingConfiguredThenFailsSayingHowToConfigure(CapturedOutput output) {
		Path elsewhere = this.temp.resolve("other-ring");
		MasterKeySource elsewhereKey = MasterKeySources.key(new byte[32], "test master key");
		new KeyRingDirectory(elsewhere, elsewhereKey).init(Instant.now());
		String value = EncryptedValues.encrypt(KeyRingProtector.open(elsewhere, elsewhereKey,
				KeyRingOptions.defaults(), Clock.systemUTC()), "never-shown", null);
		assertThatException().isThrownBy(() -> run("--app.secret=" + value));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("app.secret")
			.contains("pbkdf2-dpapi.keyring.directory")
			.doesNotContain(value);
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void dpapiValueOffWindowsThenFailsAsUnavailable(CapturedOutput output) {
		String value = EncryptedValues.encrypt(new WindowsOnlyDpapiStandIn(), "never-shown", null);
		assertThat(value).startsWith("ENC(dpapi:");
		assertThatException().isThrownBy(() -> run("--app.secret=" + value));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("app.secret").contains("dpapi")
			.contains("unavailable")
			.doesNotContain(value)
			.doesNotContain("never-shown");
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	/**
	 * Writes a well-formed {@code ENC(dpapi:...)} value as a Windows machine would (a DPAPI blob
	 * header; the rest is arbitrary: off Windows it is never opened).
	 */
	static final class WindowsOnlyDpapiStandIn implements SecretProtector {

		@Override
		public String scheme() {
			return "dpapi-cu";
		}

		@Override
		public String currentEnvelope() {
			return "dpapi-cu";
		}

		@Override
		public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
			// A DPAPI blob starts with version 1 and the provider GUID df9d8cd0-1501-11d1-8c7a-00c04fc297eb.
			byte[] blob = java.util.HexFormat.of().parseHex("01000000d08c9ddf0115d1118c7a00c04fc297eb" + "00".repeat(60));
			return blob;
		}

		@Override
		public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
			throw new UnsupportedOperationException();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
