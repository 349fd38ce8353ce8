package io.github.pbkdf2dpapi.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import io.github.pbkdf2dpapi.legacy.LegacyPasswordEncoders;
import io.github.pbkdf2dpapi.legacy.WrappingPasswordEncoder;
import io.github.pbkdf2dpapi.legacy.migrate.JdbcHashMigrator;
import io.github.pbkdf2dpapi.legacy.migrate.MigrationListener;
import io.github.pbkdf2dpapi.legacy.migrate.MigrationOptions;
import io.github.pbkdf2dpapi.legacy.migrate.MigrationProgress;
import io.github.pbkdf2dpapi.legacy.migrate.MigrationReport;
import io.github.pbkdf2dpapi.legacy.migrate.MigrationResult;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code migrate}: wraps the legacy hashes of a JDBC table in {@code {pbkdf2-dpapi}} records
 * through {@link JdbcHashMigrator}, reports the accounts per format, or flags the accounts left
 * for a forced reset.
 *
 * <p>
 * Progress lines go to standard error, the summary to standard output. Neither ever holds a
 * password, a hash, a salt or the JDBC URL; format names that are not known ids (a {@code {...}}
 * prefix of a plain-text password, say) are shown as {@value #OTHER_FORMAT}.
 *
 * @author pbkdf2-dpapi
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
		description = { "Wrap every legacy hash of a JDBC table in a {pbkdf2-dpapi} record (\"double hash\"), in "
				+ "batches of one transaction each; re-running skips rows already wrapped, so it resumes after a crash.",
				"--report counts the accounts per format instead; --flag-for-reset marks every account not on "
						+ "{pbkdf2-dpapi} for a forced password reset.",
				"Use the application's encoder settings (iterations, pepper, envelope and key ring): the wrapped "
						+ "records are verified with them. Progress goes to standard error, the summary to standard "
						+ "output; passwords and hashes are never printed." })
final class MigrateCommand implements Callable<Integer> {

	/** What a format name that is not a known id is shown as. */
	static final String OTHER_FORMAT = "(other {id} prefix)";

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

	/** Spring Security's standard ids, which a report may meet besides ours. */
	private static final Set<String> SPRING_IDS = Set.of("bcrypt", "ldap", "MD4", "MD5", "noop", "pbkdf2",
			"pbkdf2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8", "SHA-1", "SHA-256", "sha256",
			"argon2", "argon2@SpringSecurity_v5_8");

	private final CliEnvironment env;

	@Mixin
	DatabaseOptions database;

	@Option(names = "--table", paramLabel = "TABLE", required = true,
			description = "Table holding the accounts, optionally schema.table.")
	String table;

	@Option(names = "--id-column", paramLabel = "COLUMN", required = true,
			description = "Unique, orderable key column; rows are read in its order.")
	String idColumn;

	@Option(names = "--hash-column", paramLabel = "COLUMN", required = true,
			description = "Column holding the stored password values.")
	String hashColumn;

	@Option(names = "--salt-column", paramLabel = "COLUMN",
			description = "Column holding the legacy salt of unprefixed salted digests.")
	String saltColumn;

	@Option(names = "--unprefixed-format", paramLabel = "FORMAT",
			description = "Format of values without a {id} prefix, as pbkdf2-dpapi.migration.unprefixed-format "
					+ "(md5, md5-salt-after, sha1, aspnet, ...).")
	String unprefixedFormat;

	@Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "" + MigrationOptions.DEFAULT_BATCH_SIZE,
			description = "Rows per batch and transaction (1 to 100000). Default: ${DEFAULT-VALUE}.")
	int batchSize;

	@Option(names = "--threads", paramLabel = "N",
			description = "Threads that hash a batch (1 to 256). Default: the number of processors.")
	Integer threads;

	@Option(names = "--dry-run", description = "Classify and count every row; hash and write nothing.")
	boolean dryRun;

	@Option(names = "--report", description = "Print how many accounts remain per format; write nothing.")
	boolean report;

	@Option(names = "--flag-for-reset", paramLabel = "COLUMN",
			description = "Set this boolean column to true on every row not on {pbkdf2-dpapi} (wrapped, legacy or "
					+ "empty), so the application forces a password reset; migrates nothing.")
	String flagColumn;

	@Mixin
	EncoderOptions encoder;

	@Option(names = "--envelope", paramLabel = "PROTECTOR", defaultValue = "none",
			description = "Envelope of the wrapped records, as the application's: none, keyring or dpapi. "
					+ "Default: ${DEFAULT-VALUE}.")
	String envelope;

	@Mixin
	KeyRingLocation location;

	MigrateCommand(CliEnvironment env) {
		this.env = env;
	}

	@Override
	public Integer call() {
		if (this.report && this.flagColumn != null) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "--report and --flag-for-reset are separate runs; give one");
		}
		if (this.dryRun && (this.report || this.flagColumn != null)) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "--dry-run applies to the migration only; --report "
					+ "writes nothing and shows the accounts --flag-for-reset would flag (all but pbkdf2-dpapi)");
		}
		if (this.threads != null && (this.threads < 1 || this.threads > 256)) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "--threads must be between 1 and 256");
		}
		int parallelism = (this.threads != null) ? this.threads
				: Math.min(Runtime.getRuntime().availableProcessors(), 256);
		MigrationOptions options = new MigrationOptions(this.table, this.idColumn, this.hashColumn, this.saltColumn,
				this.unprefixedFormat, this.batchSize, parallelism, this.dryRun);
		boolean migrating = !this.report && this.flagColumn == null;
		// A report or a reset flag hashes nothing: the key ring and pepper are not needed then.
		Pbkdf2DpapiPasswordEncoder current = migrating ? currentEncoder() : Pbkdf2DpapiPasswordEncoder.builder().build();
		DataSource dataSource = this.database.open(this.env);
		JdbcHashMigrator migrator = new JdbcHashMigrator(dataSource, current, options);
		if (this.report) {
			this.env.out().print(printable(migrator.report()).summary());
		}
		else if (this.flagColumn != null) {
			long flagged = migrator.flagForReset(this.flagColumn);
			this.env.out().printf(Locale.ROOT, "Flagged %d account(s) for a password reset: %s.%s set to true on "
					+ "every row not on {pbkdf2-dpapi}.%n", flagged, this.table, this.flagColumn);
		}
		else {
			MigrationResult result = migrator.migrate(progressPrinter());
			this.env.out().print(printable(result).summary());
		}
		return Pbkdf2DpapiCli.EXIT_OK;
	}

	private Pbkdf2DpapiPasswordEncoder currentEncoder() {
		SecretProtector protector = "none".equals(this.envelope.toLowerCase(Locale.ROOT)) ? null
				: ProtectCommand.protector(this.envelope, this.location, this.env);
		return this.encoder.encoder(protector, this.env);
	}

	/**
	 * Prints the first batch, then at most one line a second, and the last one.
	 */
	private MigrationListener progressPrinter() {
		Duration[] lastPrinted = new Duration[1];
		String prefix = this.dryRun ? "dry run: " : "";
		return (progress) -> {
			if (lastPrinted[0] == null || progress.processed() >= progress.total()
					|| progress.elapsed().minus(lastPrinted[0]).compareTo(PROGRESS_INTERVAL) >= 0) {
				this.env.err().println(prefix + progress);
				this.env.err().flush();
				lastPrinted[0] = progress.elapsed();
			}
		};
	}

	static MigrationReport printable(MigrationReport report) {
		return new MigrationReport(printable(report.byFormat()), report.total());
	}

	static MigrationResult printable(MigrationResult result) {
		return new MigrationResult(result.scanned(), result.wrapped(), result.rehashed(), result.alreadyWrapped(),
				result.current(), printable(result.notWrappable()), result.malformed(), result.empty(),
				result.changedConcurrently(), result.dryRun(), result.elapsed());
	}

	/**
	 * Formats are the text between the braces of a value's prefix, which for a plain-text column
	 * could be part of a password: only known ids are shown as they are.
	 */
	static Map<String, Long> printable(Map<String, Long> byFormat) {
		Map<String, Long> printable = new TreeMap<>();
		byFormat.forEach((format, count) -> printable.merge(printableFormat(format), count, Long::sum));
		return printable;
	}

	static String printableFormat(String format) {
		if (isKnown(format)) {
			return format;
		}
		if (format.startsWith(WrappingPasswordEncoder.ID_PREFIX)) {
			String inner = format.substring(WrappingPasswordEncoder.ID_PREFIX.length());
			return WrappingPasswordEncoder.ID_PREFIX + (isKnown(inner) ? inner : OTHER_FORMAT);
		}
		return OTHER_FORMAT;
	}

	private static boolean isKnown(String format) {
		return Pbkdf2DpapiPasswordEncoder.ID.equals(format) || LegacyPasswordEncoders.EMPTY.equals(format)
				|| LegacyPasswordEncoders.UNPREFIXED.equals(format) || SPRING_IDS.contains(format)
				|| LegacyPasswordEncoders.isKnownFormat(format);
	}

}
