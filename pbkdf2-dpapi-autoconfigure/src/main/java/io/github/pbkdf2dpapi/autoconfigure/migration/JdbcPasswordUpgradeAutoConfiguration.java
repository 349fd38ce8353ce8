package io.github.pbkdf2dpapi.autoconfigure.migration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;

import io.github.pbkdf2dpapi.autoconfigure.password.MigrationProperties;
import io.github.pbkdf2dpapi.legacy.JdbcUserPasswordUpdater;
import io.github.pbkdf2dpapi.legacy.PasswordUpgradeListener;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a
 * {@link UserDetailsPasswordService} for a custom JDBC user table
 * ({@code pbkdf2-dpapi.migration.jdbc.*}), so that Spring Security's {@code DaoAuthenticationProvider}
 * stores every password upgraded at login.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ UserDetailsPasswordService.class, DataSource.class })
@ConditionalOnBooleanProperty(name = "pbkdf2-dpapi.migration.jdbc.enabled")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(MigrationProperties.class)
public final class JdbcPasswordUpgradeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(UserDetailsPasswordService.class)
	JdbcUserDetailsPasswordService jdbcUserDetailsPasswordService(DataSource dataSource, MigrationProperties properties,
			ObjectProvider<PasswordUpgradeListener> listener) {
		MigrationProperties.Jdbc jdbc = properties.getJdbc();
		JdbcUserPasswordUpdater updater = JdbcUserPasswordUpdater.builder(dataSource)
			.table(jdbc.getTable())
			.usernameColumn(jdbc.getUsernameColumn())
			.passwordColumn(jdbc.getPasswordColumn())
			.compareAndSet(jdbc.isCompareAndSet())
			.unprefixedFormat(properties.getUnprefixedFormat())
			.listener(listener.getIfAvailable(PasswordUpgradeListener::none))
			.build();
		return new JdbcUserDetailsPasswordService(updater);
	}

}
