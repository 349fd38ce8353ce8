package io.github.pbkdf2dpapi.audit;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * Tests for {@link JdbcAuditStore} on H2.
 */
class JdbcAuditStoreH2Tests extends AbstractJdbcAuditStoreTests {

	private final List<HikariDataSource> pools = new ArrayList<>();

	@Override
	DataSource newDataSource() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:audit;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
		config.setUsername("sa");
		config.setMaximumPoolSize(8);
		HikariDataSource pool = new HikariDataSource(config);
		this.pools.add(pool);
		return pool;
	}

	@AfterEach
	void closePools() {
		this.pools.forEach(HikariDataSource::close);
	}

}
