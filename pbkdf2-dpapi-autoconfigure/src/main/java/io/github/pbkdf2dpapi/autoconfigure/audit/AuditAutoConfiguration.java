package io.github.pbkdf2dpapi.autoconfigure.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.StringUtils;

import io.github.pbkdf2dpapi.audit.AuditKeys;
import io.github.pbkdf2dpapi.audit.AuditStore;
import io.github.pbkdf2dpapi.audit.AuditTrail;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.audit.InMemoryAuditStore;
import io.github.pbkdf2dpapi.audit.JdbcAuditStore;
import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderDecorator;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the audit trail: an HMAC-chained
 * {@link AuditTrail} in memory and the log ({@code pbkdf2-dpapi.audit.store=log}) or in database
 * tables ({@code jdbc}), fed by Spring Security's authentication events and the lockout events,
 * with a retention purge.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration(after = Pbkdf2DpapiPasswordEncoderAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(AuditTrail.class)
@ConditionalOnBooleanProperty(name = "pbkdf2-dpapi.audit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public final class AuditAutoConfiguration {

	private static final Log logger = LogFactory.getLog(AuditAutoConfiguration.class);

	/** Order of the upgrade-tracking decorator: inside metrics, outside the bulkhead. */
	static final int DECORATOR_ORDER = 50;

	@Bean
	@ConditionalOnMissingBean
	AuditKeys auditKeys(AuditProperties properties) {
		if (properties.getKeys().isEmpty()) {
			if (properties.getStore() == AuditProperties.StoreType.JDBC) {
				throw new IllegalStateException("pbkdf2-dpapi.audit.keys must be set when pbkdf2-dpapi.audit.store=jdbc, "
						+ "with the same value on every instance (use ENC(...) or an environment variable)");
			}
			logger.info("pbkdf2-dpapi: audit entries are signed with a random per-process key; set "
					+ "pbkdf2-dpapi.audit.keys to verify them later");
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			return AuditKeys.of("process", secret);
		}
		Map<String, byte[]> secrets = new LinkedHashMap<>();
		properties.getKeys().forEach((id, value) -> secrets.put(id, decode(id, value)));
		String current = StringUtils.hasText(properties.getCurrentKey()) ? properties.getCurrentKey()
				: (secrets.size() == 1) ? secrets.keySet().iterator().next() : null;
		try {
			return AuditKeys.of(current, secrets);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid pbkdf2-dpapi.audit.keys / current-key: " + ex.getMessage());
		}
	}

	private static byte[] decode(String id, String value) {
		try {
			return Base64.getDecoder().decode((value != null) ? value.trim() : "");
		}
		catch (IllegalArgumentException ex) {
			// The decoder's message may quote a character of the key: not propagated.
			throw new IllegalStateException("pbkdf2-dpapi.audit.keys." + id + " is not valid Base64");
		}
	}

	@Bean
	@ConditionalOnMissingBean(AuditStore.class)
	@ConditionalOnProperty(name = "pbkdf2-dpapi.audit.store", havingValue = "log", matchIfMissing = true)
	InMemoryAuditStore auditStore(AuditProperties properties) {
		return new InMemoryAuditStore(properties.getMaxEntriesInMemory());
	}

	@Bean
	@ConditionalOnMissingBean
	AuditTrail auditTrail(AuditStore auditStore, AuditKeys auditKeys, ObjectProvider<Clock> clock) {
		return new AuditTrail(auditStore, auditKeys, clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	AuditPurger auditPurger(AuditTrail auditTrail, AuditProperties properties) {
		return new AuditPurger(auditTrail, properties.getRetention(), properties.getPurgeInterval());
	}

	@Bean
	@ConditionalOnBean(SecretProtector.class)
	KeyRotationAuditor keyRotationAuditor(AuditTrail auditTrail, SecretProtector secretProtector,
			AuditProperties properties) {
		return new KeyRotationAuditor(auditTrail, secretProtector, properties.getKeyCheckInterval());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataSource.class)
	@ConditionalOnProperty(name = "pbkdf2-dpapi.audit.store", havingValue = "jdbc")
	@ConditionalOnSingleCandidate(DataSource.class)
	static class JdbcStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(AuditStore.class)
		JdbcAuditStore auditStore(DataSource dataSource, AuditProperties properties) {
			JdbcAuditStore store = new JdbcAuditStore(dataSource);
			if (properties.isInitializeSchema()) {
				store.createSchemaIfMissing();
			}
			return store;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.security.authentication.event.AbstractAuthenticationEvent",
			"org.springframework.security.web.authentication.WebAuthenticationDetails" })
	static class SecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuditAuthenticationEventListener auditAuthenticationEventListener(AuditTrail auditTrail) {
			return new AuditAuthenticationEventListener(auditTrail);
		}

		@Bean
		@Order(DECORATOR_ORDER)
		Pbkdf2DpapiPasswordEncoderDecorator passwordUpgradeAuditDecorator() {
			return PasswordUpgradeTracker::decorate;
		}

	}

}
