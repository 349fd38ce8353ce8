package io.github.pbkdf2dpapi.cli;

import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.pbkdf2dpapi.legacy.migrate.MigrationException;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;

/**
 * The {@code pbkdf2-dpapi} command line tool: key ring management, {@code ENC(...)} values,
 * password hashing and verification, and iteration count calibration.
 *
 * <p>
 * Exit codes: {@value #EXIT_OK} success; {@value #EXIT_NO_MATCH} {@code verify}: the password
 * does not match; {@value #EXIT_USAGE} invalid command line or input; {@value #EXIT_KEY_ERROR} key
 * ring, master key or protector error; {@value #EXIT_FAILURE} any other failure;
 * {@value #EXIT_DATABASE_ERROR} {@code migrate}: database error. Errors are
 * printed on standard error without a stack trace unless {@code --verbose} is given.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@Command(name = "pbkdf2-dpapi", mixinStandardHelpOptions = true, versionProvider = Pbkdf2DpapiCli.Version.class,
		description = "Manage key rings and encrypted values, hash and verify passwords, migrate legacy hashes "
				+ "for pbkdf2-dpapi.",
		subcommands = { KeyringCommand.class, ProtectCommand.class, UnprotectCommand.class, EncCommand.class,
				HashCommand.class, VerifyCommand.class, CalibrateCommand.class, MigrateCommand.class,
				AuditCommand.class })
public final class Pbkdf2DpapiCli implements Callable<Integer> {

	/** Exit code of success. */
	public static final int EXIT_OK = 0;

	/** Exit code of {@code verify} when the password does not match. */
	public static final int EXIT_NO_MATCH = 1;

	/** Exit code of an invalid command line or input. */
	public static final int EXIT_USAGE = 2;

	/** Exit code of a key ring, master key or protector error. */
	public static final int EXIT_KEY_ERROR = 3;

	/** Exit code of any other failure. */
	public static final int EXIT_FAILURE = 4;

	/**
	 * Exit code of a database error in {@code migrate} (driver, connection, table or column).
	 * @since 0.1.0
	 */
	public static final int EXIT_DATABASE_ERROR = 5;

	private static final Map<String, String> EXIT_CODES = exitCodes();

	@CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
			description = "Print stack traces of errors.")
	boolean verbose;

	Pbkdf2DpapiCli() {
	}

	/**
	 * Runs the tool and exits the JVM with its exit code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(execute(CliEnvironment.system(), args));
	}

	static int execute(CliEnvironment env, String... args) {
		CommandLine commandLine = commandLine(env);
		int code = commandLine.execute(args);
		env.out().flush();
		env.err().flush();
		return code;
	}

	static CommandLine commandLine(CliEnvironment env) {
		CommandLine commandLine = new CommandLine(new Pbkdf2DpapiCli(), new Factory(env));
		commandLine.setOut(env.out());
		commandLine.setErr(env.err());
		commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
			boolean verbose = parseResult.expandedArgs().contains("--verbose");
			return report(env, ex, verbose);
		});
		commandLine.setParameterExceptionHandler(Pbkdf2DpapiCli::reportUsage);
		applyExitCodeList(commandLine);
		return commandLine;
	}

	private static void applyExitCodeList(CommandLine commandLine) {
		commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
		for (CommandLine sub : commandLine.getSubcommands().values()) {
			applyExitCodeList(sub);
		}
	}

	private static Map<String, String> exitCodes() {
		Map<String, String> codes = new LinkedHashMap<>();
		codes.put(" " + EXIT_OK, "Success.");
		codes.put(" " + EXIT_NO_MATCH, "verify: the password does not match; audit verify: the chain is broken.");
		codes.put(" " + EXIT_USAGE, "Invalid command line or input.");
		codes.put(" " + EXIT_KEY_ERROR, "Key ring, master key or protector error (message on standard error).");
		codes.put(" " + EXIT_FAILURE, "Any other failure.");
		codes.put(" " + EXIT_DATABASE_ERROR, "migrate, audit verify: database error (driver, connection, table or column).");
		return codes;
	}

	private static int report(CliEnvironment env, Exception ex, boolean verbose) {
		int code;
		if (ex instanceof CliException) {
			code = ((CliException) ex).exitCode();
		}
		else if (ex instanceof ProtectorException) {
			code = EXIT_KEY_ERROR;
		}
		else if (ex instanceof MigrationException) {
			// Names the table, the step and the SQL state; never a value (and carries no cause).
			code = EXIT_DATABASE_ERROR;
		}
		else if (ex instanceof IllegalArgumentException) {
			// Invalid settings (InvalidEncoderSettingException and friends) name the setting, never a secret.
			code = EXIT_USAGE;
		}
		else {
			code = EXIT_FAILURE;
		}
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		env.err().println("pbkdf2-dpapi: error: " + message);
		if (verbose) {
			ex.printStackTrace(env.err());
		}
		else if (code == EXIT_FAILURE) {
			env.err().println("(run with --verbose for details)");
		}
		env.err().flush();
		return code;
	}

	private static int reportUsage(ParameterException ex, String[] args) {
		CommandLine cl = ex.getCommandLine();
		cl.getErr().println("pbkdf2-dpapi: error: " + ex.getMessage());
		cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
		cl.getErr().flush();
		return EXIT_USAGE;
	}

	@Override
	public Integer call() {
		throw new CliException(EXIT_USAGE, "missing command: keyring, protect, unprotect, enc, hash, verify, calibrate "
				+ "or migrate (see pbkdf2-dpapi --help)");
	}

	/**
	 * Creates commands, giving those that take one the {@link CliEnvironment}.
	 */
	private static final class Factory implements CommandLine.IFactory {

		private final CliEnvironment env;

		Factory(CliEnvironment env) {
			this.env = env;
		}

		@Override
		public <K> K create(Class<K> type) throws Exception {
			try {
				Constructor<K> constructor = type.getDeclaredConstructor(CliEnvironment.class);
				constructor.setAccessible(true);
				return constructor.newInstance(this.env);
			}
			catch (NoSuchMethodException ex) {
				// Not a command that needs the environment: picocli's own factory creates it.
				return CommandLine.defaultFactory().create(type);
			}
		}

	}

	/**
	 * The version from the jar manifest.
	 */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = Pbkdf2DpapiCli.class.getPackage().getImplementationVersion();
			return new String[] { "pbkdf2-dpapi " + ((version != null) ? version : "(development build)") };
		}

	}

}
