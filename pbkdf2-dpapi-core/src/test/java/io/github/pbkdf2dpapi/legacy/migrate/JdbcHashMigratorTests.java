package io.github.pbkdf2dpapi.legacy.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.api.Trigger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JdbcHashMigrator} on H2 (the 100,000-row scenario is in the base class).
 */
class JdbcHashMigratorTests extends AbstractJdbcHashMigratorTests {

	private JdbcDataSource dataSource;

	@BeforeEach
	void createDatabase() {
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

	@Override
	DataSource dataSource() {
		return this.dataSource;
	}

	@Test
	void migrateWhenDatabaseFailsInsideBatchThenRolledBackAndReRunCompletes() throws SQLException {
		createTable("small");
		Expected expected = insertAccounts("small", 10_000);
		FailingTrigger.updates.set(0);
		execute("CREATE TRIGGER fail_midway BEFORE UPDATE ON small FOR EACH ROW CALL \""
				+ FailingTrigger.class.getName() + "\"");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrate("small"))
			.withMessageContaining("small")
			.withMessageContaining("rolled back")
			.withMessageNotContaining("$p2d$");
		// About 900 of every 1000 rows are wrapped: the 5,500th update falls in the seventh batch. Six
		// whole batches are committed, the seventh is rolled back.
		long wrappedRows = count("SELECT COUNT(*) FROM small WHERE password LIKE '{pbkdf2-dpapi-wrap:%'");
		assertThat(wrappedRows).isEqualTo(count(
				"SELECT COUNT(*) FROM small WHERE id <= 6000 AND password NOT LIKE '{pbkdf2-dpapi}%' AND password NOT LIKE '{aspnet}%'"));
		assertThat(count("SELECT COUNT(*) FROM small WHERE id > 6000 AND password LIKE '{pbkdf2-dpapi-wrap:%'")).isZero();
		execute("DROP TRIGGER fail_midway");
		MigrationResult resumed = migrate("small");
		assertThat(resumed.alreadyWrapped()).isEqualTo(wrappedRows);
		assertThat(resumed.wrapped() + resumed.alreadyWrapped()).isEqualTo(expected.wrappable());
		assertThat(count("SELECT COUNT(*) FROM small")).isEqualTo(10_000);
		for (long id = 5990; id <= 7010; id += 17) {
			assertThat(LOGIN.matches(password(id), stored("small", id))).as("user %d", id).isTrue();
		}
	}

	@Test
	void flagForResetWhenNotCurrentThenFlagged() throws SQLException {
		createTable("flagged");
		Expected expected = insertAccounts("flagged", 2_000);
		MigrationOptions options = MigrationOptions.of("flagged", "id", "password")
			.withSaltColumn("salt")
			.withUnprefixedFormat("md5-salt-after");
		migrator(options).migrate(null);
		long flagged = migrator(options).flagForReset("must_reset");
		assertThat(flagged).isEqualTo(2_000 - expected.current);
		assertThat(count("SELECT COUNT(*) FROM flagged WHERE must_reset")).isEqualTo(flagged);
		assertThat(count("SELECT COUNT(*) FROM flagged WHERE must_reset AND password LIKE '{pbkdf2-dpapi}%'")).isZero();
	}

	@Test
	void migrateWhenColumnTooNarrowThenStopsBeforeWriting() throws SQLException {
		execute("CREATE TABLE narrow (id INT PRIMARY KEY, password VARCHAR(60))");
		execute("INSERT INTO narrow VALUES (1, '5f4dcc3b5aa765d61d8327deb882cf99')");
		MigrationOptions options = MigrationOptions.of("narrow", "id", "password").withUnprefixedFormat("md5");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator(options).migrate(null))
			.withMessageContaining("narrow.password holds 60 characters")
			.withMessageNotContaining("5f4dcc3b");
		assertThat(stored("narrow", 1)).isEqualTo("5f4dcc3b5aa765d61d8327deb882cf99");
	}

	@Test
	void migrateWhenMalformedAndEmptyAndUnprefixedWithoutFormatThenSkippedAndCounted() throws SQLException {
		execute("CREATE TABLE odd (id VARCHAR(10) PRIMARY KEY, password VARCHAR(512))");
		execute("INSERT INTO odd VALUES ('a', 'zz'), ('b', NULL), ('c', ''), ('d', '{md5}5f4dcc3b5aa765d61d8327deb882cf99'), "
				+ "('e', '{bcrypt}$2a$10$x'), ('f', '{noop}password')");
		MigrationResult result = migrator(MigrationOptions.of("odd", "id", "password").withParallelism(1)).migrate(null);
		assertThat(result.scanned()).isEqualTo(6);
		assertThat(result.wrapped()).isEqualTo(1);
		assertThat(result.rehashed()).isEqualTo(1);
		assertThat(result.empty()).isEqualTo(2);
		assertThat(result.notWrappable()).containsEntry("unprefixed", 1L).containsEntry("bcrypt", 1L);
		assertThat(LOGIN.matches("password", stored("odd", "d"))).isTrue();
		assertThat(stored("odd", "f")).startsWith("{pbkdf2-dpapi}$p2d$");
		assertThat(LOGIN.matches("password", stored("odd", "f"))).isTrue();
	}

	@Test
	void optionsWhenIdentifierIsNotPlainThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationOptions.of("users;", "id", "password"));
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationOptions.of("users", "id", "pass word"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MigrationOptions.of("users", "id", "password").withSaltColumn("1salt"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MigrationOptions.of("users", "id", "password").withUnprefixedFormat("crc32"));
		assertThatIllegalArgumentException().isThrownBy(() -> migrator(MigrationOptions.of("users", "id", "password"))
			.flagForReset("must reset"));
	}

	private String stored(String table, String id) throws SQLException {
		try (Connection c = dataSource().getConnection();
				java.sql.PreparedStatement s = c.prepareStatement("SELECT password FROM " + table + " WHERE id = ?")) {
			s.setString(1, id);
			try (java.sql.ResultSet rs = s.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	/**
	 * Fails the 5,500th update, in the middle of the seventh batch.
	 */
	public static class FailingTrigger implements Trigger {

		static final AtomicInteger updates = new AtomicInteger();

		@Override
		public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
			if (updates.incrementAndGet() == 5_500) {
				throw new SQLException("simulated failure", "58000");
			}
		}

	}

}
