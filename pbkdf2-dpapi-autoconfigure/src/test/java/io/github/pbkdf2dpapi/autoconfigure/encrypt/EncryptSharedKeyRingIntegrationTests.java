package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.pbkdf2dpapi.autoconfigure.password.EnvelopeProperties;
import io.github.pbkdf2dpapi.autoconfigure.password.KeyRingProperties;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;
import io.github.pbkdf2dpapi.autoconfigure.password.SharedKeyRings;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.KeyRingOptions;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.KeyRings;
import io.github.pbkdf2dpapi.protect.MasterKeySources;
import io.github.pbkdf2dpapi.protect.SecretProtector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key ring that decrypts {@code ENC(kr:...)} values at start-up is the one the password
 * envelope uses: opened once, its plain-master-key warning logged once.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "plain key ring material relies on POSIX permissions")
class EncryptSharedKeyRingIntegrationTests {

	private static final String PLAIN_WARNING = "key ring material is stored UNPROTECTED";

	@TempDir
	Path temp;

	@Test
	void encValuesAndEnvelopeThenKeyRingOpenedOnce(CapturedOutput output) {
		Path dir = this.temp.resolve("ring");
		String secret = encrypt(dir, "db-secret");
		try (ConfigurableApplicationContext context = run("--pbkdf2-dpapi.keyring.directory=" + dir,
				"--pbkdf2-dpapi.keyring.master-key.source=plain",
				"--app.secret=" + secret)) {
			assertThat(context.getEnvironment().getProperty("app.secret")).isEqualTo("db-secret");
			SharedKeyRings keyRings = context.getBean(SharedKeyRings.class);
			SecretProtector envelope = context.getBean(SecretProtector.class);
			assertThat(keyRings.size()).isOne();
			assertThat(envelope).isInstanceOf(KeyRingProtector.class);
			assertThat(envelope.protect(envelope.currentEnvelope(), new byte[] { 1 }, new byte[0])).isNotEmpty();
			assertThat(countOccurrences(output.toString(), PLAIN_WARNING)).isOne();
		}
	}

	@Test
	void noEncValuesThenEnvelopeOpensTheRingItself(CapturedOutput output) {
		Path dir = this.temp.resolve("ring");
		encrypt(dir, "unused");
		try (ConfigurableApplicationContext context = run("--pbkdf2-dpapi.keyring.directory=" + dir,
				"--pbkdf2-dpapi.keyring.master-key.source=plain")) {
			assertThat(context.getBean(SecretProtector.class)).isInstanceOf(KeyRingProtector.class);
			assertThat(context.getBean(SharedKeyRings.class).size()).isOne();
			assertThat(countOccurrences(output.toString(), PLAIN_WARNING)).isOne();
		}
	}

	@Test
	void encryptDisabledThenNoSharedKeyRingsBeanAndEnvelopeStillOpened() {
		Path dir = this.temp.resolve("ring");
		encrypt(dir, "unused");
		try (ConfigurableApplicationContext context = run("--pbkdf2-dpapi.keyring.directory=" + dir,
				"--pbkdf2-dpapi.keyring.master-key.source=plain", "--pbkdf2-dpapi.encrypt.enabled=false")) {
			assertThat(context.getBeansOfType(SharedKeyRings.class)).isEmpty();
			assertThat(context.getBean(SecretProtector.class)).isInstanceOf(KeyRingProtector.class);
		}
	}

	@Test
	void sameSettingsThenSameRingOtherDirectoryThenItsOwn() {
		Path first = this.temp.resolve("first");
		Path second = this.temp.resolve("second");
		encrypt(first, "x");
		encrypt(second, "y");
		SharedKeyRings keyRings = new SharedKeyRings();
		EnvelopeProperties envelope = new EnvelopeProperties();
		KeyRingProtector a = keyRings.keyRing(envelope, plain(first), Clock.systemUTC());
		KeyRingProtector again = keyRings.keyRing(envelope, plain(first.resolve("..").resolve("first")),
				Clock.systemUTC());
		KeyRingProtector b = keyRings.keyRing(envelope, plain(second), Clock.systemUTC());
		KeyRingProperties reloadedOften = plain(first);
		reloadedOften.setReloadInterval(java.time.Duration.ofSeconds(1));
		KeyRingProtector c = keyRings.keyRing(envelope, reloadedOften, Clock.systemUTC());
		assertThat(again).isSameAs(a);
		assertThat(b).isNotSameAs(a);
		assertThat(c).isNotSameAs(a);
		assertThat(keyRings.size()).isEqualTo(3);
	}

	private static KeyRingProperties plain(Path dir) {
		KeyRingProperties properties = new KeyRingProperties();
		properties.setDirectory(dir);
		properties.getMasterKey().setSource(KeyRingProperties.Source.PLAIN);
		return properties;
	}

	private static String encrypt(Path dir, String value) {
		KeyRings.createIfMissing(dir, MasterKeySources.plainUnprotected(), Instant.now().minusSeconds(60));
		KeyRingProtector protector = KeyRingProtector.open(dir, MasterKeySources.plainUnprotected(),
				KeyRingOptions.defaults(), Clock.systemUTC());
		return EncryptedValues.encrypt(protector, value, null);
	}

	private static int countOccurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(java.util.Map.of("pbkdf2-dpapi.password.budget.check", "false"));
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ EncryptAutoConfiguration.class, Pbkdf2DpapiPasswordEncoderAutoConfiguration.class })
	static class Config {

	}

}
