package io.github.pbkdf2dpapi.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.pbkdf2dpapi.legacy.SqlIdentifiers;
import io.github.pbkdf2dpapi.legacy.migrate.JdbcHashMigrator;
import picocli.CommandLine.Option;

/**
 * Options that open a JDBC database; the password comes from an environment variable or a no-echo
 * prompt, never from the command line.
 *
 * <p>
 * The URL is never printed: it may carry credentials as parameters. Messages name its
 * sub-protocol ({@code jdbc:postgresql}) only.
 *
 * @author pbkdf2-dpapi
 */
final class DatabaseOptions {

	static final String ADD_DRIVER_HINT = "the executable jar includes the H2 and PostgreSQL drivers; add another with "
			+ "java -cp pbkdf2-dpapi-cli-<version>-exec.jar" + java.io.File.pathSeparator + "<driver>.jar "
			+ Pbkdf2DpapiCli.class.getName() + " migrate ... (see docs/MIGRATION.md)";

	private static final Pattern SUBPROTOCOL = Pattern.compile("(?is)jdbc:([a-z0-9_-]{1,40})(:.*)?");

	@Option(names = "--url", paramLabel = "JDBC_URL", required = true,
			description = "JDBC URL of the database, for example jdbc:postgresql://db:5432/app. "
					+ "H2 and PostgreSQL drivers are included; see docs/MIGRATION.md to add another.")
	String url;

	@Option(names = "--user", paramLabel = "USER", description = "Database user.")
	String user;

	@Option(names = "--password-env", paramLabel = "VARIABLE",
			description = "Environment variable holding the database password. Without it, the password of --user "
					+ "is read from a no-echo prompt, or from standard input when it is not a terminal.")
	String passwordVariable;

	/** Only there to refuse a password on the command line without repeating it. */
	@Option(names = "--password", hidden = true, arity = "0..1", paramLabel = "IGNORED")
	String passwordArgument;

	/**
	 * Checks that a driver accepts the URL, reads the password and opens (and closes) a first
	 * connection, so that a wrong URL or password stops the command before any work.
	 * @param env the environment
	 * @return the data source
	 */
	DataSource open(CliEnvironment env) {
		if (this.passwordArgument != null) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "the database password is never taken from the command "
					+ "line (shell history, process list); use --password-env VARIABLE or the prompt");
		}
		if (this.passwordVariable != null && this.user == null) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "--password-env needs --user");
		}
		try {
			DriverManager.getDriver(this.url);
		}
		catch (SQLException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR,
					"no JDBC driver accepts the " + subprotocol() + " URL; " + ADD_DRIVER_HINT);
		}
		DataSource dataSource = JdbcHashMigrator.dataSource(this.url, this.user, password(env));
		try (Connection connection = dataSource.getConnection()) {
			return dataSource;
		}
		catch (SQLException ex) {
			// The driver's message may repeat the URL or the user; the SQL state is enough.
			throw new CliException(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR,
					"cannot connect to the " + subprotocol() + " database: " + SqlIdentifiers.describe(ex));
		}
	}

	private String password(CliEnvironment env) {
		if (this.passwordVariable != null) {
			String value = env.environment().apply(this.passwordVariable);
			if (value == null) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
						"environment variable " + this.passwordVariable + " (the database password) is not set");
			}
			return value;
		}
		if (this.user == null) {
			return null;
		}
		char[] password = env.readSecret("Database password");
		try {
			return new String(password);
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	/**
	 * The URL's sub-protocol ({@code jdbc:postgresql}), safe to print.
	 */
	String subprotocol() {
		Matcher matcher = SUBPROTOCOL.matcher(this.url.strip());
		return matcher.matches() ? "jdbc:" + matcher.group(1).toLowerCase(Locale.ROOT) : "(not jdbc:...)";
	}

}
