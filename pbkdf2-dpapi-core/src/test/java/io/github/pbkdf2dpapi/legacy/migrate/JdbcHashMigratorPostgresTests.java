package io.github.pbkdf2dpapi.legacy.migrate;

import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import java.io.IOException;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests for {@link JdbcHashMigrator} on PostgreSQL (embedded; the 100,000-row scenario is in the
 * base class).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the build pulls the embedded PostgreSQL binaries for Linux only")
class JdbcHashMigratorPostgresTests extends AbstractJdbcHashMigratorTests {

	private static EmbeddedPostgres postgres;

	private static DataSource dataSource;

	@BeforeAll
	static void startPostgres() throws IOException {
		// Durability is not under test: without fsync the 100,000-row scenario runs several times faster.
		postgres = EmbeddedPostgres.builder()
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("full_page_writes", "off")
			.start();
		dataSource = postgres.getDatabase("postgres", "postgres", Map.of("reWriteBatchedInserts", "true"));
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Override
	DataSource dataSource() {
		return dataSource;
	}

}
