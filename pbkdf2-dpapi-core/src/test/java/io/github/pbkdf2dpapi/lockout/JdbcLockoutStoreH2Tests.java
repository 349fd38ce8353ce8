package io.github.pbkdf2dpapi.lockout;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * Tests for {@link JdbcLockoutStore} on H2.
 */
class JdbcLockoutStoreH2Tests extends AbstractJdbcLockoutStoreTests {

	private final List<HikariDataSource> pools = new ArrayList<>();

	@Override
	DataSource newDataSource() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:lockout;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		config.setUsername("sa");
		config.setMaximumPoolSize(8);
		HikariDataSource pool = new HikariDataSource(config);
		this.pools.add(pool);
		return pool;
	}

	@Override
	JdbcLockoutStore.Dialect expectedDialect() {
		return JdbcLockoutStore.Dialect.H2;
	}

	@AfterEach
	void closePools() {
		this.pools.forEach(HikariDataSource::close);
	}

}
