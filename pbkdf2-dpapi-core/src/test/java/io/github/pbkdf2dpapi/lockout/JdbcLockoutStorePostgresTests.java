package io.github.pbkdf2dpapi.lockout;

import javax.sql.DataSource;

import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.pbkdf2dpapi.testsupport.EmbeddedPostgresPools;

/**
 * Tests for {@link JdbcLockoutStore} on PostgreSQL (embedded).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the build pulls the embedded PostgreSQL binaries for Linux only")
class JdbcLockoutStorePostgresTests extends AbstractJdbcLockoutStoreTests {

	@RegisterExtension
	static final EmbeddedPostgresPools postgres = new EmbeddedPostgresPools();

	@Override
	DataSource newDataSource() {
		return postgres.newPool();
	}

	@Override
	JdbcLockoutStore.Dialect expectedDialect() {
		return JdbcLockoutStore.Dialect.POSTGRESQL;
	}

}
