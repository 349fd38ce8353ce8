package io.github.pbkdf2dpapi.autoconfigure.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.pbkdf2dpapi.audit.AuditEvent;
import io.github.pbkdf2dpapi.audit.AuditRecord;
import io.github.pbkdf2dpapi.audit.AuditStore;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.SecretProtector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeyRotationAuditor}.
 */
class KeyRotationAuditorTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Pbkdf2DpapiPasswordEncoderAutoConfiguration.class,
				AuditAutoConfiguration.class))
		.withPropertyValues("pbkdf2-dpapi.password.iterations=1000", "pbkdf2-dpapi.password.allow-weak-parameters=true",
				"pbkdf2-dpapi.password.budget.check=false");

	@Test
	void checkWhenPrimaryKeyChangesThenKeyRotatedRecordedWithIdsOnly() throws Exception {
		Path masterKey = this.temp.resolve("master.key");
		java.nio.file.Files.writeString(masterKey, java.util.Base64.getEncoder().encodeToString(new byte[32]));
		this.contextRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=keyring",
					"pbkdf2-dpapi.keyring.directory=" + this.temp.resolve("ring"),
					"pbkdf2-dpapi.keyring.create-if-missing=true", "pbkdf2-dpapi.keyring.master-key.source=file",
					"pbkdf2-dpapi.keyring.master-key.file=" + masterKey)
			.run((context) -> {
				KeyRotationAuditor auditor = context.getBean(KeyRotationAuditor.class);
				KeyRingProtector ring = (KeyRingProtector) context.getBean(SecretProtector.class);
				String before = ring.currentEnvelope();
				assertThat(auditor.check()).isFalse();
				ring.getDirectory().addKey(Instant.now(), Duration.ZERO, null);
				ring.reload();
				assertThat(auditor.check()).isTrue();
				assertThat(auditor.check()).isFalse();
				List<AuditRecord> records = new ArrayList<>();
				context.getBean(AuditStore.class).forEach(records::add);
				assertThat(records).filteredOn((record) -> AuditEvent.KEY_ROTATED.equals(record.type()))
					.singleElement()
					.satisfies((record) -> assertThat(record.detailsString()).contains(before.replace(":", "%3A"))
						.contains(ring.currentEnvelope().replace(":", "%3A")));
			});
	}

	@Test
	void noProtectorThenNoAuditor() {
		this.contextRunner.withUserConfiguration(OwnEncoder.class)
			.run((context) -> assertThat(context).doesNotHaveBean(KeyRotationAuditor.class));
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class OwnEncoder {

		@org.springframework.context.annotation.Bean
		@SuppressWarnings("deprecation")
		org.springframework.security.crypto.password.PasswordEncoder passwordEncoder() {
			return org.springframework.security.crypto.password.NoOpPasswordEncoder.getInstance();
		}

	}

}
