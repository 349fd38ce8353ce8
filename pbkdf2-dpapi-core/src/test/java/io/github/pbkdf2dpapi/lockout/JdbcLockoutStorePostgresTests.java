package io.github.pbkdf2dpapi.lockout;

import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests for {@link JdbcLockoutStore} on PostgreSQL (embedded).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the build pulls the embedded PostgreSQL binaries for Linux only")
class JdbcLockoutStorePostgresTests extends AbstractJdbcLockoutStoreTests {

	private static EmbeddedPostgres postgres;

	private final List<HikariDataSource> pools = new ArrayList<>();

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Override
	DataSource newDataSource() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setMaximumPoolSize(8);
		HikariDataSource pool = new HikariDataSource(config);
		this.pools.add(pool);
		return pool;
	}

	@Override
	JdbcLockoutStore.Dialect expectedDialect() {
		return JdbcLockoutStore.Dialect.POSTGRESQL;
	}

	@AfterEach
	void closePools() {
		this.pools.forEach(HikariDataSource::close);
	}

}
