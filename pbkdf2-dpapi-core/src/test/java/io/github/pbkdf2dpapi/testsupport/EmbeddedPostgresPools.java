package io.github.pbkdf2dpapi.testsupport;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded PostgreSQL for one test class, and connection pools to it that are closed after
 * each test. Register it in a static field with {@code @RegisterExtension}.
 */
public final class EmbeddedPostgresPools implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

	private EmbeddedPostgres postgres;

	private final List<HikariDataSource> pools = new ArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.postgres = EmbeddedPostgres.builder().start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.pools.forEach(HikariDataSource::close);
		this.pools.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	/**
	 * A new pool of up to 8 connections, closed after the current test.
	 * @return the pool
	 */
	public DataSource newPool() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.postgres.getJdbcUrl("postgres", "postgres"));
		config.setMaximumPoolSize(8);
		HikariDataSource pool = new HikariDataSource(config);
		this.pools.add(pool);
		return pool;
	}

}
