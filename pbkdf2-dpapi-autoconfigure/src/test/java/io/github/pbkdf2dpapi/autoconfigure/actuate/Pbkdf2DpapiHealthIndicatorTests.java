package io.github.pbkdf2dpapi.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;
import io.github.pbkdf2dpapi.protect.KeyedSecretProtector;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.ProtectorKeyInfo;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Pbkdf2DpapiHealthIndicator} and
 * {@link Pbkdf2DpapiHealthContributorAutoConfiguration}.
 */
class Pbkdf2DpapiHealthIndicatorTests {

	static final String PEPPER = "c2VjcmV0LXBlcHBlci12YWx1ZS0wMTIzNDU2Nzg5YWJjZGVm";

	static final String KEY = "a2V5LW1hdGVyaWFsLTAxMjM0NTY3ODlhYmNkZWYwMTI=";

	static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Pbkdf2DpapiPasswordEncoderAutoConfiguration.class,
				Pbkdf2DpapiHealthContributorAutoConfiguration.class))
		.withPropertyValues("pbkdf2-dpapi.envelope.protector=none", "pbkdf2-dpapi.password.iterations=1000", "pbkdf2-dpapi.password.allow-weak-parameters=true",
				"pbkdf2-dpapi.password.budget.check=false");

	@Test
	void healthWhenDefaultsThenUpWithRoundTripAndPepperWarning() {
		this.contextRunner.run((context) -> {
			Health health = context.getBean(Pbkdf2DpapiHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("scheme", "none")
				.containsEntry("envelope", "none")
				.containsEntry("roundTrip", "ok")
				.containsEntry("engine", "java")
				.containsKey("warnings");
		});
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_21)
	void healthWhenOpenSslEngineFellBackThenUpWithWarning() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.password.engine=openssl").run((context) -> {
			Health health = context.getBean(Pbkdf2DpapiHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("engine", "java");
			assertThat(health.getDetails().get("warnings").toString()).contains("the OpenSSL PBKDF2 engine is not used")
				.contains("needs 22+");
		});
	}

	@Test
	void healthWhenPepperAndAesKeyThenUpWithIdsOnly() {
		this.contextRunner
			.withPropertyValues("pbkdf2-dpapi.password.pepper.current=p1",
					"pbkdf2-dpapi.password.pepper.secrets.p1=" + PEPPER, "pbkdf2-dpapi.envelope.protector=aes-gcm",
					"pbkdf2-dpapi.envelope.aes-gcm.key-id=k1", "pbkdf2-dpapi.envelope.aes-gcm.key=" + KEY,
					"pbkdf2-dpapi.health.require-pepper=true")
			.run((context) -> {
				Health health = context.getBean(Pbkdf2DpapiHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("envelope", "aes:k1").doesNotContainKey("warnings");
				assertThat(health.toString()).contains("p1").doesNotContain(PEPPER).doesNotContain(KEY);
			});
	}

	@Test
	void healthWhenKeyRingThenUpWithPrimaryKeyIdAndDates(@TempDir Path temp) throws Exception {
		Path masterKey = temp.resolve("master.key");
		java.nio.file.Files.writeString(masterKey, java.util.Base64.getEncoder().encodeToString(new byte[32]));
		this.contextRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=keyring",
					"pbkdf2-dpapi.keyring.directory=" + temp.resolve("ring"), "pbkdf2-dpapi.keyring.create-if-missing=true",
					"pbkdf2-dpapi.keyring.master-key.source=file", "pbkdf2-dpapi.keyring.master-key.file=" + masterKey)
			.run((context) -> {
				Health health = context.getBean(Pbkdf2DpapiHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				String keyId = ((KeyRingProtector) context.getBean(SecretProtector.class)).getKeyRing().keys().get(0).id();
				assertThat(health.getDetails()).containsEntry("scheme", "kr").containsEntry("envelope", "kr:" + keyId);
				assertThat(health.toString()).contains(keyId).contains("primary");
			});
	}

	@Test
	void healthWhenPepperRequiredButMissingThenDown() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.health.require-pepper=true").run((context) -> {
			Health health = context.getBean(Pbkdf2DpapiHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails().get("problems").toString()).contains("no pepper");
		});
	}

	@Test
	void healthWhenProtectorFailsThenDownWithReasonOnly() {
		this.contextRunner.withUserConfiguration(TestConfigWithBrokenProtector.class).run((context) -> {
			Health health = context.getBean(Pbkdf2DpapiHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("roundTrip", "failed");
			assertThat(health.getDetails().get("problems").toString()).contains("unavailable").contains("k9");
		});
	}

	@Test
	void healthWhenPrimaryKeyExpiresSoonThenUpWithWarning() {
		ProtectorKeyInfo primary = new ProtectorKeyInfo("k2", NOW.minus(Duration.ofDays(300)), null,
				NOW.plus(Duration.ofDays(10)), false, true);
		ProtectorKeyInfo old = new ProtectorKeyInfo("k1", NOW.minus(Duration.ofDays(700)), null,
				NOW.minus(Duration.ofDays(300)), false, false);
		Health health = indicator(new TestKeyedProtector(List.of(old, primary))).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("warnings").toString()).contains("'k2' expires at 2026-01-11");
		assertThat(health.getDetails().get("keys").toString()).contains("id=k1").contains("id=k2");
	}

	@Test
	void healthWhenNoPrimaryKeyThenDown() {
		ProtectorKeyInfo revoked = new ProtectorKeyInfo("k1", NOW, null, null, true, true);
		Health health = indicator(new TestKeyedProtector(List.of(revoked))).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("problems").toString()).contains("no usable primary key");
	}

	@Test
	void healthIndicatorWhenDisabledThenNoBean() {
		this.contextRunner.withPropertyValues("management.health.pbkdf2dpapi.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(Pbkdf2DpapiHealthIndicator.class));
	}

	private static Pbkdf2DpapiHealthIndicator indicator(SecretProtector protector) {
		return new Pbkdf2DpapiHealthIndicator(protector, null, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30),
				false);
	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithBrokenProtector {

		@Bean
		SecretProtector brokenProtector() {
			return new TestKeyedProtector(List.of()) {

				@Override
				public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
					throw new ProtectorException(ProtectorException.Reason.UNAVAILABLE, "k9", "key store offline");
				}

			};
		}

	}

	static class TestKeyedProtector implements KeyedSecretProtector {

		private final SecretProtector delegate = SecretProtectors.none();

		private final List<ProtectorKeyInfo> keys;

		TestKeyedProtector(List<ProtectorKeyInfo> keys) {
			this.keys = keys;
		}

		@Override
		public List<ProtectorKeyInfo> keys() {
			return this.keys;
		}

		@Override
		public String scheme() {
			return "none";
		}

		@Override
		public String currentEnvelope() {
			return "none";
		}

		@Override
		public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
			return this.delegate.protect(envelope, plaintext, associatedData);
		}

		@Override
		public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
			return this.delegate.unprotect(envelope, ciphertext, associatedData);
		}

	}

}
