package io.github.pbkdf2dpapi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shaded executable jar ({@code pbkdf2-dpapi-cli-<version>-exec.jar}) with
 * {@code java -jar}; run by maven-failsafe in {@code mvn verify}, after the jar is built.
 */
class CliJarIT {

	@TempDir
	Path temp;

	@Test
	void javaJarWhenShadedJarThenHelpVersionAndKeyRingWork() throws Exception {
		Path jar = Path.of(System.getProperty("cli.jar", "target/missing.jar"));
		assertThat(jar).as("the shaded jar built by the package phase").exists();
		Map<String, String> env = Map.of("PBKDF2_DPAPI_MASTER_KEY", CliRunner.MASTER_KEY);
		CliRunner.Result help = CliProcess.run(jar, env, "", "--help");
		assertThat(help.code).isZero();
		assertThat(help.out).contains("Usage: pbkdf2-dpapi").contains("Exit codes:");
		CliRunner.Result version = CliProcess.run(jar, env, "", "--version");
		assertThat(version.out).matches("(?s)pbkdf2-dpapi [0-9].*");
		String dir = this.temp.resolve("ring").toString();
		assertThat(CliProcess.run(jar, env, "", "keyring", "init", "--dir", dir).code).isZero();
		CliRunner.Result rotate = CliProcess.run(jar, env, "", "keyring", "rotate", "--dir", dir, "--activate-in", "0s");
		assertThat(rotate.code).isZero();
		CliRunner.Result list = CliProcess.run(jar, env, "", "keyring", "list", "--dir", dir);
		assertThat(list.code).isZero();
		assertThat(list.out.lines().filter((l) -> l.startsWith("* "))).hasSize(1);
		try (var files = Files.list(Path.of(dir))) {
			assertThat(files).hasSize(2);
		}
		CliRunner.Result hash = CliProcess.run(jar, env, "pw\n", "hash", "--iterations", "1000",
				"--allow-weak-parameters", "--envelope", "keyring", "--dir", dir);
		assertThat(hash.code).as(hash.toString()).isZero();
		assertThat(CliProcess.run(jar, env, "pw\n", "verify", "--dir", dir, hash.out.strip()).code).isZero();
		CliRunner.Result protect = CliProcess.run(jar, env, "s3cret\n", "protect", "--dir", dir, "--bind-to",
				"app.secret");
		assertThat(protect.code).as(protect.toString()).isZero();
		Path yaml = Files.writeString(this.temp.resolve("application.yml"),
				"app:\n  secret: " + protect.out.strip() + "\n");
		CliRunner.Result report = CliProcess.run(jar, env, "", "enc", "report", "--dir", dir, yaml.toString());
		assertThat(report.code).as(report.toString()).isZero();
		assertThat(report.out).containsPattern("app\\.secret +kr +\\S+ +yes +current").doesNotContain("s3cret");
	}

	@Test
	void javaJarWhenMigrateThenBundledH2AndPostgresqlDriversWork() throws Exception {
		Path jar = Path.of(System.getProperty("cli.jar", "target/missing.jar"));
		String url = "jdbc:h2:file:" + this.temp.resolve("db").toAbsolutePath();
		try (Connection connection = DriverManager.getConnection(url, "sa", "db-pw");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, password VARCHAR(512))");
			statement.execute("INSERT INTO users VALUES (1, '5f4dcc3b5aa765d61d8327deb882cf99'), (2, '{noop}pw')");
		}
		Map<String, String> env = Map.of("DB_PASSWORD", "db-pw");
		CliRunner.Result migrate = CliProcess.run(jar, env, "", "migrate", "--url", url, "--user", "sa",
				"--password-env", "DB_PASSWORD", "--table", "users", "--id-column", "id", "--hash-column", "password",
				"--unprefixed-format", "md5", "--iterations", "1000", "--allow-weak-parameters");
		assertThat(migrate.code).as(migrate.toString()).isZero();
		assertThat(migrate.out).containsPattern("(?m)^  wrapped: +1$").containsPattern("(?m)^  plain text re-hashed: +1$");
		assertThat(migrate.err).contains("2/2 rows (100.0 %)");
		// No server listens on port 1: the PostgreSQL driver is there and reports a failed connection.
		CliRunner.Result postgres = CliProcess.run(jar, env, "", "migrate", "--report", "--url",
				"jdbc:postgresql://127.0.0.1:1/app", "--user", "app", "--password-env", "DB_PASSWORD", "--table", "users",
				"--id-column", "id", "--hash-column", "password");
		assertThat(postgres.code).isEqualTo(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR);
		assertThat(postgres.err).startsWith("pbkdf2-dpapi: error: cannot connect to the jdbc:postgresql database")
			.doesNotContain("\tat ");
	}

}
