package io.github.pbkdf2dpapi.autoconfigure.lockout;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.pbkdf2dpapi.lockout.JdbcLockoutStore;
import io.github.pbkdf2dpapi.lockout.LockoutStore;
import io.github.pbkdf2dpapi.lockout.LoginThrottle;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the JDBC lockout store, shared by every
 * instance of an application ({@code pbkdf2-dpapi.lockout.store=jdbc}).
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration(before = LockoutAutoConfiguration.class,
		afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ LoginThrottle.class, DataSource.class })
@ConditionalOnBooleanProperty(name = "pbkdf2-dpapi.lockout.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "pbkdf2-dpapi.lockout.store", havingValue = "jdbc")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(LockoutProperties.class)
public final class LockoutJdbcStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(LockoutStore.class)
	JdbcLockoutStore lockoutStore(DataSource dataSource, LockoutProperties lockout) {
		LockoutProperties.Jdbc jdbc = lockout.getJdbc();
		JdbcLockoutStore store = new JdbcLockoutStore(dataSource, jdbc.getTableName(), jdbc.getDialect());
		if (jdbc.isInitializeSchema()) {
			store.createSchemaIfMissing();
		}
		return store;
	}

	@Bean
	@ConditionalOnMissingBean
	JdbcLockoutStorePurger jdbcLockoutStorePurger(ObjectProvider<LoginThrottle> loginThrottle,
			LockoutProperties lockout) {
		return new JdbcLockoutStorePurger(loginThrottle, lockout.getJdbc().getPurgeInterval());
	}

}
