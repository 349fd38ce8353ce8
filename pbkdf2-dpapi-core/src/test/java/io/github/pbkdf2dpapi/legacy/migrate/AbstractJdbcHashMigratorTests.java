package io.github.pbkdf2dpapi.legacy.migrate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;

import io.github.pbkdf2dpapi.legacy.DigestFormat;
import io.github.pbkdf2dpapi.legacy.LegacyOptions;
import io.github.pbkdf2dpapi.legacy.LegacyPasswordEncoders;
import io.github.pbkdf2dpapi.password.PepperRing;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The 100,000-row migration scenario, run on each database by a subclass: completes, resumes after
 * a crash midway, loses no row, and every sampled user logs in with the original password.
 *
 * <p>
 * The table mixes what old databases hold: unprefixed salted MD5 hex with a salt column (70 %),
 * Spring Security {@code {SHA-1}{salt}} values (10 %), prefixed unsalted SHA-256 in Base64 (10 %),
 * already current {@code {pbkdf2-dpapi}} records (10 %, minus) and ASP.NET Identity values that
 * can only be upgraded at login (one row in 1000). PBKDF2 runs at 10 iterations so the test takes
 * seconds; the inner records still carry pepper and AES-GCM envelope.
 */
abstract class AbstractJdbcHashMigratorTests {

	static final int ROWS = 100_000;

	static final String ASPNET_V3 = "AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==";

	static final Pbkdf2DpapiPasswordEncoder CURRENT = Pbkdf2DpapiPasswordEncoder.builder()
		.iterations(10)
		.allowWeakParameters(true)
		.peppers(PepperRing.of("p1", Map.of("p1", "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))))
		.protector(SecretProtectors.aesGcm("k1", new byte[32]))
		.build();

	static final DelegatingPasswordEncoder LOGIN = LegacyPasswordEncoders.createDelegatingPasswordEncoder(CURRENT,
			LegacyOptions.defaults().withUnprefixedFormat("md5-salt-after").withEqualizeTiming(false));

	/**
	 * The database under test, with an empty schema.
	 */
	abstract DataSource dataSource();

	/**
	 * A fresh {@code accounts} table.
	 */
	void createTable(String name) throws SQLException {
		execute("DROP TABLE IF EXISTS " + name);
		execute("CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, username VARCHAR(64) NOT NULL, "
				+ "password VARCHAR(512), salt VARCHAR(64), must_reset BOOLEAN DEFAULT FALSE NOT NULL)");
	}

	@Test
	void migrateWhenHundredThousandRowsAndCrashMidwayThenResumesAndEveryoneLogsIn() throws SQLException {
		createTable("accounts");
		Expected expected = insertAccounts("accounts", ROWS);
		MigrationOptions options = MigrationOptions.of("accounts", "id", "password")
			.withSaltColumn("salt")
			.withUnprefixedFormat("md5-salt-after")
			.withBatchSize(1000)
			.withParallelism(2);
		MigrationReport before = migrator(options).report();
		assertThat(before.total()).isEqualTo(ROWS);
		assertThat(before.byFormat()).containsEntry("md5-salt-after", expected.md5)
			.containsEntry("SHA-1", expected.sha1)
			.containsEntry("sha256", expected.sha256)
			.containsEntry("pbkdf2-dpapi", expected.current)
			.containsEntry("aspnet", expected.aspnet);

		MigrationResult dry = migrator(options.withDryRun(true)).migrate(null);
		assertThat(dry.wrapped()).isEqualTo(expected.wrappable());
		assertThat(migrator(options).report()).isEqualTo(before);

		// First run: "killed" after 37 committed batches.
		AtomicInteger batches = new AtomicInteger();
		AtomicReference<MigrationProgress> last = new AtomicReference<>();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> migrator(options).migrate((p) -> {
			last.set(p);
			if (batches.incrementAndGet() == 37) {
				throw new IllegalStateException("simulated crash");
			}
		})).withMessage("simulated crash");
		assertThat(last.get().processed()).isEqualTo(37_000);
		assertThat(last.get().total()).isEqualTo(ROWS);
		assertThat(last.get().toString()).contains("37000/100000 rows").contains("rows/s").contains("ETA");
		MigrationReport midway = migrator(options).report();
		assertThat(midway.total()).isEqualTo(ROWS);
		assertThat(midway.wrapped()).isBetween(30_000L, 37_000L);

		// Second run: resumes, skipping what the first one wrapped.
		List<MigrationProgress> progress = new ArrayList<>();
		MigrationResult resumed = migrator(options).migrate(progress::add);
		assertThat(resumed.scanned()).isEqualTo(ROWS);
		assertThat(resumed.alreadyWrapped()).isEqualTo(midway.wrapped());
		assertThat(resumed.wrapped() + resumed.alreadyWrapped()).isEqualTo(expected.wrappable());
		assertThat(resumed.current()).isEqualTo(expected.current);
		assertThat(resumed.notWrappable()).containsExactly(Map.entry("aspnet", expected.aspnet));
		assertThat(resumed.malformed()).isZero();
		assertThat(resumed.changedConcurrently()).isZero();
		assertThat(progress).hasSize(ROWS / 1000);
		assertThat(progress.get(progress.size() - 1).processed()).isEqualTo(ROWS);
		assertThat(resumed.summary()).contains("wrapped:").doesNotContain("$p2d$");

		// Nothing lost, every legacy digest wrapped, counts add up.
		MigrationReport after = migrator(options).report();
		assertThat(after.total()).isEqualTo(ROWS);
		assertThat(count("SELECT COUNT(DISTINCT id) FROM accounts")).isEqualTo(ROWS);
		assertThat(after.wrapped()).isEqualTo(expected.wrappable());
		assertThat(after.current()).isEqualTo(expected.current);
		assertThat(after.legacy()).isEqualTo(expected.aspnet);
		assertThat(after.byFormat()).containsEntry("pbkdf2-dpapi-wrap:md5-salt-after", expected.md5)
			.containsEntry("pbkdf2-dpapi-wrap:sha1-salt-after", expected.sha1)
			.containsEntry("pbkdf2-dpapi-wrap:sha256", expected.sha256);

		// A third run has nothing left to do.
		assertThat(migrator(options).migrate(null).wrapped()).isZero();

		// Sampled users (and the crash boundary) log in with their original passwords.
		List<Long> sample = new ArrayList<>(List.of(1L, 36_999L, 37_000L, 37_001L, (long) ROWS));
		Random random = new Random(42);
		while (sample.size() < 205) {
			sample.add(1L + random.nextInt(ROWS));
		}
		for (long id : sample) {
			String stored = stored("accounts", id);
			assertThat(LOGIN.matches(password(id), stored)).as("user %d", id).isTrue();
			assertThat(LOGIN.matches(password(id) + "!", stored)).as("user %d", id).isFalse();
		}
	}

	MigrationResult migrate(String table) {
		return migrator(MigrationOptions.of(table, "id", "password")
			.withSaltColumn("salt")
			.withUnprefixedFormat("md5-salt-after")
			.withBatchSize(1000)
			.withParallelism(2)).migrate(null);
	}

	JdbcHashMigrator migrator(MigrationOptions options) {
		return new JdbcHashMigrator(dataSource(), CURRENT, options);
	}

	static String password(long id) {
		return (id % 1000 == 0) ? "my password" : "pw" + id + "\u00fc";
	}

	Expected insertAccounts(String table, int rows) throws SQLException {
		Expected expected = new Expected();
		DigestFormat md5 = DigestFormat.fromName("md5-salt-after");
		DigestFormat sha1 = DigestFormat.fromName("sha1-salt-after");
		DigestFormat sha256 = DigestFormat.fromName("sha256");
		try (Connection c = dataSource().getConnection();
				PreparedStatement insert = c.prepareStatement(
						"INSERT INTO " + table + " (id, username, password, salt) VALUES (?, ?, ?, ?)")) {
			c.setAutoCommit(false);
			for (long id = 1; id <= rows; id++) {
				String password = password(id);
				String salt = "s" + (id * 7919 % 100_000);
				String stored;
				String saltColumn = null;
				if (id % 1000 == 0) {
					stored = "{aspnet}" + ASPNET_V3;
					expected.aspnet++;
				}
				else if (id % 10 == 7) {
					String springSalt = "{" + salt + "}";
					stored = "{SHA-1}" + springSalt + hex(sha1.digest(password, springSalt));
					expected.sha1++;
				}
				else if (id % 10 == 8) {
					stored = "{sha256}" + java.util.Base64.getEncoder().encodeToString(sha256.digest(password, null));
					expected.sha256++;
				}
				else if (id % 10 == 9) {
					stored = "{pbkdf2-dpapi}" + CURRENT.encode(password);
					expected.current++;
				}
				else {
					stored = hex(md5.digest(password, salt));
					saltColumn = salt;
					expected.md5++;
				}
				insert.setLong(1, id);
				insert.setString(2, "user" + id);
				insert.setString(3, stored);
				insert.setString(4, saltColumn);
				insert.addBatch();
				if (id % 5000 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
			c.commit();
		}
		return expected;
	}

	String stored(String table, long id) throws SQLException {
		try (Connection c = dataSource().getConnection();
				PreparedStatement s = c.prepareStatement("SELECT password FROM " + table + " WHERE id = ?")) {
			s.setLong(1, id);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	long count(String sql) throws SQLException {
		try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	static String hex(byte[] bytes) {
		StringBuilder sb = new StringBuilder();
		for (byte b : bytes) {
			sb.append(String.format("%02x", b));
		}
		return sb.toString();
	}

	static final class Expected {

		long md5;

		long sha1;

		long sha256;

		long current;

		long aspnet;

		long wrappable() {
			return this.md5 + this.sha1 + this.sha256;
		}

	}

}
