package io.github.pbkdf2dpapi.autoconfigure.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;

import io.github.pbkdf2dpapi.audit.AuditEvent;
import io.github.pbkdf2dpapi.audit.AuditKeys;
import io.github.pbkdf2dpapi.audit.AuditRecord;
import io.github.pbkdf2dpapi.audit.AuditTrail;
import io.github.pbkdf2dpapi.audit.AuditVerifier;
import io.github.pbkdf2dpapi.audit.InMemoryAuditStore;
import io.github.pbkdf2dpapi.audit.JdbcAuditStore;
import io.github.pbkdf2dpapi.autoconfigure.lockout.AccountLockedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditAutoConfigurationTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AuditAutoConfiguration.class));

	@Test
	void defaultsThenLogStoreAndEventsChained(CapturedOutput output) {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.audit.keys.a1=" + KEY).run((context) -> {
			assertThat(context).hasSingleBean(InMemoryAuditStore.class).hasSingleBean(AuditTrail.class);
			publishLogins(context);
			List<AuditRecord> entries = new ArrayList<>();
			context.getBean(AuditTrail.class).getStore().forEach(entries::add);
			assertThat(entries).extracting(AuditRecord::type)
				.containsExactly(AuditEvent.AUTHENTICATION_SUCCESS, AuditEvent.AUTHENTICATION_FAILURE,
						AuditEvent.ACCOUNT_LOCKED);
			assertThat(entries.get(1).details()).containsEntry("reason", "BadCredentialsException");
			assertThat(context.getBean(AuditTrail.class).verify().valid()).isTrue();
			assertThat(AuditVerifier.verify(context.getBean(AuditTrail.class).getStore(), AuditKeys.of("a1", new byte[32]))
				.valid()).isTrue();
		});
		assertThat(output).contains("type=AUTHENTICATION_FAILURE principal=\"~").doesNotContain("alice")
			.doesNotContain("s3cret-pw");
	}

	@Test
	void withoutKeysThenPerProcessKey() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(AuditKeys.class).currentId()).isEqualTo("process");
			publishLogins(context);
			assertThat(context.getBean(AuditTrail.class).verify().entries()).isEqualTo(3);
		});
	}

	@Test
	void jdbcStoreThenTablesCreatedAndChainVerifiesFromDataSource() {
		this.contextRunner.withUserConfiguration(TestConfigWithDataSource.class)
			.withPropertyValues("pbkdf2-dpapi.audit.store=jdbc", "pbkdf2-dpapi.audit.keys.a1=" + KEY,
					"pbkdf2-dpapi.audit.initialize-schema=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcAuditStore.class).doesNotHaveBean(InMemoryAuditStore.class);
				publishLogins(context);
				assertThat(AuditVerifier.verify(context.getBean(DataSource.class), AuditKeys.of("a1", new byte[32]))
					.summary()).isEqualTo("audit chain valid: 3 entries, sequence 1 to 3");
			});
	}

	@Test
	void jdbcStoreWithoutKeysThenStartupFailsNamingTheProperty() {
		this.contextRunner.withUserConfiguration(TestConfigWithDataSource.class)
			.withPropertyValues("pbkdf2-dpapi.audit.store=jdbc")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("pbkdf2-dpapi.audit.keys"));
	}

	@Test
	void disabledThenNoAudit() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.audit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuditTrail.class));
	}

	private static void publishLogins(org.springframework.context.ApplicationContext context) {
		context.publishEvent(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated("alice",
				null, AuthorityUtils.createAuthorityList("ROLE_USER"))));
		context.publishEvent(new AuthenticationFailureBadCredentialsEvent(
				UsernamePasswordAuthenticationToken.unauthenticated("alice", "s3cret-pw"),
				new BadCredentialsException("Bad credentials")));
		context.publishEvent(new AccountLockedEvent(context, "alice", Instant.parse("2030-01-01T00:00:00Z"), false, 1));
	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithDataSource {

		@Bean
		DataSource dataSource() {
			JdbcDataSource dataSource = new JdbcDataSource();
			dataSource.setURL("jdbc:h2:mem:audit-autoconfig-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
			dataSource.setUser("sa");
			return dataSource;
		}

	}

}
