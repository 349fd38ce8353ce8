package io.github.pbkdf2dpapi.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.legacy.LegacyOptions;
import io.github.pbkdf2dpapi.legacy.LegacyPasswordEncoders;
import io.github.pbkdf2dpapi.password.PepperRing;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.protect.KeyRingOptions;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.MasterKeySources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateCommand} and {@link DatabaseOptions}, in-process against an H2 table of
 * {@value #ROWS} accounts: unprefixed {@code md5(password + salt)} hex with a salt column (70 %),
 * {@code {sha256}} hex (10 %), {@code {noop}} plain text (10 %), {@code {aspnet}} values (5 %),
 * {@code null} (5 % minus one) and one plain-text value that looks like a prefix. Every run checks
 * that no password, hash, salt or credential reaches standard output or standard error.
 */
class MigrateCommandTests {

	static final int ROWS = 3000;

	static final String DB_PASSWORD = "db-Pa55-s3cret";

	static final String PEPPER = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	static final String ASPNET_V3 = "{aspnet}AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==";

	/** A plain-text password whose start looks like a {id} prefix. */
	static final String PREFIX_LIKE_PASSWORD = "{hunter2}tr0ub4dor";

	private final CliRunner cli = new CliRunner();

	private final Set<String> secrets = new LinkedHashSet<>();

	@TempDir
	Path temp;

	private String url;

	private String ring;

	private Connection connection;

	@BeforeEach
	void createDatabase() throws SQLException {
		this.url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.connection = DriverManager.getConnection(this.url, "sa", DB_PASSWORD);
		this.cli.environment.put("DB_PASSWORD", DB_PASSWORD);
		this.cli.environment.put("PEPPER", PEPPER);
		this.ring = this.temp.resolve("ring").toString();
		assertThat(this.cli.run("keyring", "init", "--dir", this.ring).code).isZero();
		this.secrets.addAll(List.of(DB_PASSWORD, PEPPER, CliRunner.MASTER_KEY, PREFIX_LIKE_PASSWORD, "hunter2"));
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
		this.connection.close();
	}

	@Test
	void migrateThenWrapsEveryDigestAndUsersLogInWithTheirPasswords() throws Exception {
		createTable("VARCHAR(512)");
		CliRunner.Result result = migrate();
		assertThat(result.code).as(result.toString()).isZero();
		assertThat(result.out).startsWith("Migration finished in ")
			.containsPattern("(?m)^  rows read: +3000$")
			.containsPattern("(?m)^  wrapped: +2400$")
			.containsPattern("(?m)^  plain text re-hashed: +300$")
			.containsPattern("(?m)^  left for login \\(aspnet\\): 150$")
			.containsPattern("(?m)^  left for login \\(\\(other \\{id\\} prefix\\)\\): 1$")
			.containsPattern("(?m)^  empty \\(skipped\\): +149$");
		assertThat(result.err).contains("3000/3000 rows (100.0 %)").contains("rows/s").contains("ETA");
		assertNoSecrets(result);

		Map<Long, String> stored = snapshot();
		PasswordEncoder login = loginEncoder();
		for (long id = 0; id < ROWS; id += 7) {
			String value = stored.get(id);
			switch ((int) (id % 20)) {
				case 9 -> assertThat(value).isEqualTo(ASPNET_V3);
				case 19 -> assertThat(value).isEqualTo((id == 19) ? PREFIX_LIKE_PASSWORD : null);
				default -> {
					String prefix = (id % 10 < 7) ? "{pbkdf2-dpapi-wrap:md5-salt-after}"
							: (id % 10 == 7) ? "{pbkdf2-dpapi-wrap:sha256}$p2d$" : "{pbkdf2-dpapi}$p2d$";
					assertThat(value).as("row %d", id).startsWith(prefix).contains(",p=p1,e=kr:");
					assertThat(login.matches(password(id), value)).as("row %d", id).isTrue();
					assertThat(login.matches(password(id) + "x", value)).isFalse();
				}
			}
		}
	}

	@Test
	void migrateWhenRunAgainThenSkipsWrappedRows() throws Exception {
		createTable("VARCHAR(512)");
		assertThat(migrate().code).isZero();
		Map<Long, String> afterFirst = snapshot();
		CliRunner.Result again = migrate();
		assertThat(again.code).as(again.toString()).isZero();
		assertThat(again.out).containsPattern("(?m)^  wrapped: +0$")
			.containsPattern("(?m)^  already wrapped: +2400$")
			.containsPattern("(?m)^  already pbkdf2-dpapi: +300$");
		assertThat(snapshot()).isEqualTo(afterFirst);
		assertNoSecrets(again);
	}

	@Test
	void migrateWhenDryRunThenCountsAndWritesNothing() throws Exception {
		createTable("VARCHAR(512)");
		Map<Long, String> before = snapshot();
		CliRunner.Result result = migrate("--dry-run");
		assertThat(result.code).as(result.toString()).isZero();
		assertThat(result.out).startsWith("Dry run (nothing written)")
			.containsPattern("(?m)^  wrapped: +2400$")
			.containsPattern("(?m)^  plain text re-hashed: +300$");
		assertThat(result.err).contains("dry run: 3000/3000 rows");
		assertThat(snapshot()).isEqualTo(before);
		assertNoSecrets(result);
	}

	@Test
	void reportThenCountsPerFormatWithoutEncoderSettings() throws Exception {
		createTable("VARCHAR(512)");
		CliRunner.Result before = this.cli.run(database("--report", "--unprefixed-format", "md5-salt-after"));
		assertThat(before.code).as(before.toString()).isZero();
		assertThat(before.out).startsWith("Accounts per password format (3000 rows)")
			.containsPattern("(?m)^  md5-salt-after +2100$")
			.containsPattern("(?m)^  sha256 +300$")
			.containsPattern("(?m)^  noop +300$")
			.containsPattern("(?m)^  aspnet +150$")
			.containsPattern("(?m)^  empty +149$")
			.containsPattern("(?m)^  \\(other \\{id\\} prefix\\) +1$")
			.contains("current: 0, wrapped (awaiting login): 0, legacy: 2851");
		assertNoSecrets(before);

		assertThat(migrate().code).isZero();
		CliRunner.Result after = this.cli.run(database("--report", "--unprefixed-format", "md5-salt-after"));
		assertThat(after.out).containsPattern("(?m)^  pbkdf2-dpapi-wrap:md5-salt-after +2100$")
			.containsPattern("(?m)^  pbkdf2-dpapi-wrap:sha256 +300$")
			.containsPattern("(?m)^  pbkdf2-dpapi +300$")
			.contains("current: 300, wrapped (awaiting login): 2400, legacy: 151");
		assertNoSecrets(after);
	}

	@Test
	void flagForResetThenFlagsEveryRowNotOnPbkdf2Dpapi() throws Exception {
		createTable("VARCHAR(512)");
		assertThat(migrate().code).isZero();
		CliRunner.Result result = this.cli.run(database("--flag-for-reset", "must_reset"));
		assertThat(result.code).as(result.toString()).isZero();
		// 2400 wrapped + 150 aspnet + 1 unknown prefix; null values are not flagged.
		assertThat(result.out).startsWith("Flagged 2551 account(s) for a password reset: accounts.must_reset");
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE must_reset")).isEqualTo(2551);
		assertThat(count("SELECT COUNT(*) FROM accounts WHERE must_reset AND password LIKE '{pbkdf2-dpapi}%'")).isZero();
		assertNoSecrets(result);
	}

	@Test
	void migrateWhenDatabasePasswordFromPromptThenConnects() throws Exception {
		createTable("VARCHAR(512)");
		List<String> prompts = new ArrayList<>();
		this.cli.prompt = (text) -> {
			prompts.add(text);
			return DB_PASSWORD.toCharArray();
		};
		CliRunner.Result result = this.cli.run("migrate", "--report", "--url", this.url, "--user", "sa", "--table",
				"accounts", "--id-column", "id", "--hash-column", "password");
		assertThat(result.code).as(result.toString()).isZero();
		assertThat(prompts).containsExactly("Database password");
		assertNoSecrets(result);
	}

	@Test
	void migrateWhenPasswordGivenAsArgumentThenRefusedWithoutRepeatingIt() throws Exception {
		createTable("VARCHAR(512)");
		CliRunner.Result result = this.cli.run("migrate", "--report", "--url", this.url, "--user", "sa", "--password",
				DB_PASSWORD, "--table", "accounts", "--id-column", "id", "--hash-column", "password");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("never taken from the command line").contains("--password-env");
		assertNoSecrets(result);
	}

	@Test
	void migrateWhenNoDriverForUrlThenDatabaseErrorNamingHowToAddOne() throws Exception {
		CliRunner.Result result = this.cli.run("migrate", "--report", "--url", "jdbc:nosuchdb://db/app?password=" + DB_PASSWORD,
				"--table", "accounts", "--id-column", "id", "--hash-column", "password");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR);
		assertThat(result.out).isEmpty();
		assertThat(result.err).startsWith("pbkdf2-dpapi: error: no JDBC driver accepts the jdbc:nosuchdb URL")
			.contains("java -cp pbkdf2-dpapi-cli-<version>-exec.jar")
			.contains("io.github.pbkdf2dpapi.cli.Pbkdf2DpapiCli migrate")
			.doesNotContain("\tat ")
			.doesNotContain("db/app");
		assertNoSecrets(result);
	}

	@Test
	void migrateWhenConnectionFailsThenDatabaseErrorWithoutUrlOrStackTrace() throws Exception {
		CliRunner.Result wrongPassword = this.cli.pipe("not-the-password\n", "migrate", "--report", "--url", this.url,
				"--user", "sa", "--table", "accounts", "--id-column", "id", "--hash-column", "password");
		assertThat(wrongPassword.code).isEqualTo(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR);
		assertThat(wrongPassword.err).startsWith("pbkdf2-dpapi: error: cannot connect to the jdbc:h2 database: ")
			.contains("SQL state 28000")
			.doesNotContain("not-the-password")
			.doesNotContain(this.url)
			.doesNotContain("\tat ");
		CliRunner.Result badUrl = this.cli.run(database("--report", "--url", this.url + ";NO_SUCH_SETTING=1"));
		assertThat(badUrl.code).isEqualTo(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR);
		assertThat(badUrl.err).startsWith("pbkdf2-dpapi: error: cannot connect to the jdbc:h2 database: ")
			.doesNotContain("NO_SUCH_SETTING");
		assertNoSecrets(wrongPassword);
		assertNoSecrets(badUrl);
	}

	@Test
	void migrateWhenTableOrColumnMissingThenDatabaseErrorWithoutStackTraceOrHash() throws Exception {
		createTable("VARCHAR(512)");
		CliRunner.Result table = migrate("--table", "no_such_table");
		assertThat(table.code).isEqualTo(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR);
		assertThat(table.err).startsWith("pbkdf2-dpapi: error: Migration of table no_such_table stopped: ")
			.contains("SQL state 42S02")
			.contains("check the table and column names")
			.doesNotContain("\tat ");
		CliRunner.Result column = this.cli.run(database("--report", "--hash-column", "pwd"));
		assertThat(column.code).isEqualTo(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR);
		assertThat(column.err).contains("Step 'report' on table accounts failed").contains("check the table and column");
		CliRunner.Result verbose = migrate("--table", "no_such_table", "--verbose");
		assertThat(verbose.code).isEqualTo(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR);
		assertThat(verbose.err).contains("MigrationException").contains("\tat ");
		assertNoSecrets(table);
		assertNoSecrets(column);
		assertNoSecrets(verbose);
	}

	@Test
	void migrateWhenColumnTooNarrowThenDatabaseErrorAndNothingWritten() throws Exception {
		createTable("VARCHAR(100)");
		Map<Long, String> before = snapshot();
		CliRunner.Result result = migrate();
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR);
		assertThat(result.err).contains("Column accounts.password holds 100 characters").contains("widen it first");
		assertThat(snapshot()).isEqualTo(before);
		assertNoSecrets(result);
	}

	@Test
	void migrateWhenOptionsInvalidThenUsageError() throws Exception {
		createTable("VARCHAR(512)");
		assertUsageError(this.cli.run(database("--report", "--flag-for-reset", "must_reset")), "separate runs");
		assertUsageError(this.cli.run(database("--dry-run", "--report")), "--dry-run applies to the migration only");
		assertUsageError(migrate("--threads", "0"), "--threads must be between 1 and 256");
		assertUsageError(migrate("--batch-size", "0"), "batch size must be between 1 and 100000");
		assertUsageError(migrate("--table", "accounts; DROP TABLE accounts"), "plain SQL identifier");
		assertUsageError(migrate("--unprefixed-format", "rot13"), "Unknown unprefixed format 'rot13'");
		assertUsageError(this.cli.run(database("--flag-for-reset", "x y")), "flag column must be a plain SQL identifier");
		this.cli.environment.remove("DB_PASSWORD");
		assertUsageError(this.cli.run(database("--report")), "environment variable DB_PASSWORD");
		assertThat(count("SELECT COUNT(*) FROM accounts")).isEqualTo(ROWS);
	}

	@Test
	void printableFormatWhenNotAKnownIdThenHidden() {
		assertThat(MigrateCommand.printableFormat("md5-salt-after")).isEqualTo("md5-salt-after");
		assertThat(MigrateCommand.printableFormat("pbkdf2-dpapi-wrap:sha1")).isEqualTo("pbkdf2-dpapi-wrap:sha1");
		assertThat(MigrateCommand.printableFormat("pbkdf2@SpringSecurity_v5_8")).isEqualTo("pbkdf2@SpringSecurity_v5_8");
		assertThat(MigrateCommand.printableFormat("hunter2")).isEqualTo(MigrateCommand.OTHER_FORMAT);
		assertThat(MigrateCommand.printableFormat("pbkdf2-dpapi-wrap:hunter2"))
			.isEqualTo("pbkdf2-dpapi-wrap:" + MigrateCommand.OTHER_FORMAT);
	}

	@Test
	void docsWhenMigrateCommandShownThenCliAcceptsIt() throws Exception {
		List<String> commands = new ArrayList<>();
		for (String doc : List.of("MIGRATION.md", "KEYS.md")) {
			String text = Files.readString(Path.of("..", "docs", doc)).replaceAll("\\\\\n\\s*", " ");
			Map<String, String> variables = new TreeMap<>();
			Matcher definition = Pattern.compile("(?m)^(DB|ENCODER)=\"([^\"]*)\"").matcher(text);
			while (definition.find()) {
				variables.put("$" + definition.group(1), definition.group(2));
			}
			Matcher command = Pattern.compile("(?m)(?:^pbkdf2-dpapi|Pbkdf2DpapiCli) (migrate .*)$").matcher(text);
			while (command.find()) {
				String line = command.group(1).replaceAll("\\s+#.*$", "");
				for (Map.Entry<String, String> variable : variables.entrySet()) {
					line = line.replace(variable.getKey(), variable.getValue());
				}
				commands.add(line);
			}
		}
		assertThat(commands).hasSize(6);
		for (String command : commands) {
			assertThat(command).as(command).doesNotContain("$").doesNotContain("...");
			// Throws a ParameterException for an unknown option or a missing required one.
			Pbkdf2DpapiCli.commandLine(CliEnvironment.system()).parseArgs(command.strip().split("\\s+"));
		}
	}

	private void assertUsageError(CliRunner.Result result, String message) {
		assertThat(result.code).as(result.toString()).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains(message).doesNotContain("\tat ");
		assertNoSecrets(result);
	}

	/** A migration with the encoder settings; {@code extra} options replace or add to them. */
	private CliRunner.Result migrate(String... extra) {
		List<String> args = new ArrayList<>(List.of("--batch-size", "500", "--threads", "2", "--unprefixed-format",
				"md5-salt-after", "--salt-column", "salt", "--iterations", "1000", "--pepper-id", "p1", "--pepper-env",
				"PEPPER", "--envelope", "keyring", "--dir", this.ring));
		override(args, extra);
		args.add("--allow-weak-parameters");
		return this.cli.run(database(args.toArray(new String[0])));
	}

	/** The command with the database options; {@code extra} options replace or add to them. */
	private String[] database(String... extra) {
		List<String> args = new ArrayList<>(List.of("--url", this.url, "--user", "sa", "--password-env", "DB_PASSWORD",
				"--table", "accounts", "--id-column", "id", "--hash-column", "password"));
		override(args, extra);
		args.add(0, "migrate");
		return args.toArray(new String[0]);
	}

	/** Options that take a value replace the value in {@code args}; others are appended. */
	private static void override(List<String> args, String... extra) {
		for (int i = 0; i < extra.length; i++) {
			int index = extra[i].startsWith("--") ? args.indexOf(extra[i]) : -1;
			if (index >= 0 && i + 1 < extra.length) {
				args.set(index + 1, extra[++i]);
			}
			else {
				args.add(extra[i]);
			}
		}
	}

	private void assertNoSecrets(CliRunner.Result result) {
		try {
			if (this.connection.getMetaData().getTables(null, null, "ACCOUNTS", null).next()) {
				snapshot().values().stream().filter((v) -> v != null).forEach(this.secrets::add);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		for (String secret : this.secrets) {
			assertThat(result.out).as("stdout").doesNotContain(secret);
			assertThat(result.err).as("stderr").doesNotContain(secret);
		}
	}

	private void createTable(String passwordType) throws SQLException, NoSuchAlgorithmException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, password " + passwordType
					+ ", salt VARCHAR(64), must_reset BOOLEAN DEFAULT FALSE NOT NULL)");
		}
		MessageDigest md5 = MessageDigest.getInstance("MD5");
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		try (PreparedStatement insert = this.connection
			.prepareStatement("INSERT INTO accounts (id, password, salt) VALUES (?, ?, ?)")) {
			for (long id = 0; id < ROWS; id++) {
				String password = password(id);
				String salt = null;
				String value;
				if (id % 20 == 9) {
					value = ASPNET_V3;
				}
				else if (id % 20 == 19) {
					value = (id == 19) ? PREFIX_LIKE_PASSWORD : null;
				}
				else if (id % 10 < 7) {
					salt = "salt-" + id + "-" + UUID.nameUUIDFromBytes(password.getBytes(StandardCharsets.UTF_8));
					value = hex(md5, password + salt);
					this.secrets.add(salt);
				}
				else if (id % 10 == 7) {
					value = "{sha256}" + hex(sha256, password);
				}
				else {
					value = "{noop}" + password;
				}
				this.secrets.add(password);
				insert.setLong(1, id);
				insert.setString(2, value);
				insert.setString(3, salt);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private static String password(long id) {
		return "pw-" + id + "-Correct-Horse";
	}

	private static String hex(MessageDigest digest, String text) {
		return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private Map<Long, String> snapshot() throws SQLException {
		Map<Long, String> rows = new TreeMap<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT id, password FROM accounts")) {
			while (rs.next()) {
				rows.put(rs.getLong(1), rs.getString(2));
			}
		}
		return rows;
	}

	private long count(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The application's encoder: same iterations, pepper and key ring as the migration. */
	private PasswordEncoder loginEncoder() {
		Pbkdf2DpapiPasswordEncoder current = Pbkdf2DpapiPasswordEncoder.builder()
			.iterations(1000)
			.allowWeakParameters(true)
			.peppers(PepperRing.of("p1", Map.of("p1", Base64.getDecoder().decode(PEPPER))))
			.protector(KeyRingProtector.open(Path.of(this.ring),
					MasterKeySources.environmentVariable("PBKDF2_DPAPI_MASTER_KEY", this.cli.environment::get),
					KeyRingOptions.defaults(), this.cli.clock))
			.build();
		return LegacyPasswordEncoders.createDelegatingPasswordEncoder(current,
				LegacyOptions.defaults().withUnprefixedFormat("md5-salt-after").withEqualizeTiming(false));
	}

}
