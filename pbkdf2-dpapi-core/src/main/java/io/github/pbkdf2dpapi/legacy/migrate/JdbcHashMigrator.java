package io.github.pbkdf2dpapi.legacy.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import io.github.pbkdf2dpapi.legacy.LegacyHashWrapper;
import io.github.pbkdf2dpapi.legacy.LegacyHashWrapper.Kind;
import io.github.pbkdf2dpapi.legacy.LegacyHashWrapper.Plan;
import io.github.pbkdf2dpapi.legacy.LegacyPasswordEncoders;
import io.github.pbkdf2dpapi.legacy.SqlIdentifiers;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

/**
 * Wraps every legacy hash of a JDBC table in our record, without knowing any password (the
 * "double hash" strategy; see {@link io.github.pbkdf2dpapi.legacy.WrappingPasswordEncoder}), and
 * reports how many accounts remain per format.
 *
 * <h2>How a run works</h2>
 * <ul>
 * <li>Rows are read in the order of the id column, {@code batchSize} at a time (keyset paging:
 * {@code WHERE id > last ORDER BY id}, with {@code setMaxRows}, which every driver supports).</li>
 * <li>Each value is classified by {@link LegacyHashWrapper}: digests are wrapped, {@code {noop}}
 * is hashed, wrapped and current values are skipped, other formats are left for login.</li>
 * <li>The batch is hashed on {@code parallelism} threads, then written in one transaction with
 * {@code UPDATE ... WHERE id = ? AND hash = ?}: a row a login upgraded meanwhile is left as it is.
 * After the commit the {@link MigrationListener} is told the progress.</li>
 * <li>A crash loses at most the batch in progress (rolled back). Re-running skips wrapped rows,
 * so it resumes where the crash happened and never wraps twice.</li>
 * <li>A dry run classifies and counts, and neither hashes nor writes.</li>
 * </ul>
 * Values, salts and hashes are never logged, printed or put in an exception.
 *
 * <h2>From a command line</h2>
 * <pre>
 * DataSource ds = JdbcHashMigrator.dataSource(url, user, password);
 * MigrationOptions options = MigrationOptions.of("users", "id", "password").withUnprefixedFormat("md5");
 * MigrationResult result = new JdbcHashMigrator(ds, encoder, options).migrate(System.out::println);
 * System.out.print(result.summary());
 * </pre>
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class JdbcHashMigrator {

	private final DataSource dataSource;

	private final MigrationOptions options;

	private final LegacyHashWrapper wrapper;

	private final LongSupplier nanoClock;

	private final String unprefixedFormat;

	/**
	 * Create a migrator.
	 * @param dataSource the database
	 * @param current the encoder of the inner records (the application's current settings,
	 * including pepper and envelope)
	 * @param options what to migrate
	 */
	public JdbcHashMigrator(DataSource dataSource, Pbkdf2DpapiPasswordEncoder current, MigrationOptions options) {
		this(dataSource, current, options, System::nanoTime);
	}

	JdbcHashMigrator(DataSource dataSource, Pbkdf2DpapiPasswordEncoder current, MigrationOptions options,
			LongSupplier nanoClock) {
		if (dataSource == null) {
			throw new IllegalArgumentException("'dataSource' must not be null");
		}
		if (options == null) {
			throw new IllegalArgumentException("'options' must not be null");
		}
		this.dataSource = dataSource;
		this.options = options;
		this.wrapper = new LegacyHashWrapper(current, options.unprefixedFormat());
		this.nanoClock = nanoClock;
		this.unprefixedFormat = options.unprefixedFormat();
	}

	/**
	 * A minimal {@link DataSource} over {@link java.sql.DriverManager}, for a command line.
	 * @param url the JDBC URL
	 * @param user the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @return the data source
	 */
	public static DataSource dataSource(String url, String user, String password) {
		return new DriverManagerDataSource(url, user, password);
	}

	/**
	 * Runs the migration (or the dry run).
	 * @param listener told the progress after every batch
	 * @return the counts
	 * @throws MigrationException if the database fails; the batch in progress is rolled back
	 */
	public MigrationResult migrate(MigrationListener listener) {
		MigrationListener progress = (listener != null) ? listener : MigrationListener.none();
		long start = this.nanoClock.getAsLong();
		Counts counts = new Counts();
		ExecutorService pool = (this.options.parallelism() > 1 && !this.options.dryRun())
				? Executors.newFixedThreadPool(this.options.parallelism(), JdbcHashMigrator::daemon) : null;
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				long total = count(connection);
				int width = this.options.dryRun() ? 0 : columnWidth(connection);
				Object lastId = null;
				while (true) {
					List<Row> rows = selectBatch(connection, lastId);
					if (rows.isEmpty()) {
						break;
					}
					lastId = rows.get(rows.size() - 1).id;
					List<Row> toWrite = classify(rows, counts);
					if (!this.options.dryRun() && !toWrite.isEmpty()) {
						hash(toWrite, pool, counts);
						write(connection, toWrite, width, counts);
					}
					connection.commit();
					counts.scanned += rows.size();
					progress.onProgress(new MigrationProgress(counts.scanned, Math.max(total, counts.scanned),
							counts.written(), elapsed(start)));
				}
			}
			catch (SQLException | RuntimeException ex) {
				rollback(connection);
				throw ex;
			}
			finally {
				restore(connection, autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Migration of table " + this.options.table() + " stopped: "
					+ SqlIdentifiers.describe(ex) + "; the batch in progress was rolled back, re-run to resume");
		}
		finally {
			if (pool != null) {
				pool.shutdownNow();
			}
		}
		return new MigrationResult(counts.scanned, counts.get(Kind.WRAPPABLE), counts.get(Kind.REHASHABLE),
				counts.get(Kind.ALREADY_WRAPPED), counts.get(Kind.CURRENT), counts.notWrappable,
				counts.get(Kind.MALFORMED), counts.get(Kind.EMPTY), counts.changed, this.options.dryRun(),
				elapsed(start));
	}

	/**
	 * Counts the rows per format (see {@link LegacyPasswordEncoders#formatOf}), reading the table
	 * in batches. Writes nothing.
	 * @return the report
	 * @throws MigrationException if the database fails
	 */
	public MigrationReport report() {
		Map<String, Long> byFormat = new HashMap<>();
		long[] total = new long[1];
		scan((connection, rows) -> {
			for (Row row : rows) {
				byFormat.merge(LegacyPasswordEncoders.formatOf(row.hash, this.unprefixedFormat), 1L, Long::sum);
			}
			total[0] += rows.size();
		}, "report");
		return new MigrationReport(byFormat, total[0]);
	}

	/**
	 * Sets a boolean flag column to {@code true} on every row that is not on {@code {pbkdf2-dpapi}}
	 * (wrapped, legacy or empty), so that the application can force those users to reset their
	 * password. Like a migration it works in committed batches and can be re-run.
	 * @param flagColumn the flag column, for example {@code must_reset_password}
	 * @return the number of rows flagged
	 * @throws MigrationException if the database fails
	 */
	public long flagForReset(String flagColumn) {
		String sql = "UPDATE " + this.options.table() + " SET " + SqlIdentifiers.column(flagColumn, "flag column")
				+ " = ? WHERE " + this.options.idColumn() + " = ? AND " + this.options.hashColumn() + " = ?";
		long[] flagged = new long[1];
		scan((connection, rows) -> {
			try (PreparedStatement update = connection.prepareStatement(sql)) {
				int pending = 0;
				for (Row row : rows) {
					if (row.hash != null && !Pbkdf2DpapiPasswordEncoder.ID
						.equals(LegacyPasswordEncoders.formatOf(row.hash, this.unprefixedFormat))) {
						update.setBoolean(1, true);
						update.setObject(2, row.id);
						update.setString(3, row.hash);
						update.addBatch();
						pending++;
					}
				}
				if (pending > 0) {
					flagged[0] += sum(update.executeBatch());
				}
			}
		}, "flag for reset");
		return flagged[0];
	}

	private void scan(BatchAction action, String step) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				Object lastId = null;
				while (true) {
					List<Row> rows = selectBatch(connection, lastId);
					if (rows.isEmpty()) {
						break;
					}
					lastId = rows.get(rows.size() - 1).id;
					action.accept(connection, rows);
					connection.commit();
				}
			}
			catch (SQLException | RuntimeException ex) {
				rollback(connection);
				throw ex;
			}
			finally {
				restore(connection, autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Step '" + step + "' on table " + this.options.table() + " failed: " + SqlIdentifiers.describe(ex));
		}
	}

	private List<Row> classify(List<Row> rows, Counts counts) {
		List<Row> toWrite = new ArrayList<>();
		for (Row row : rows) {
			Plan plan = this.wrapper.plan(row.hash, row.salt);
			counts.add(plan);
			if (plan.kind() == Kind.WRAPPABLE || plan.kind() == Kind.REHASHABLE) {
				row.plan = plan;
				toWrite.add(row);
			}
		}
		return toWrite;
	}

	private void hash(List<Row> rows, ExecutorService pool, Counts counts) {
		if (pool == null) {
			for (Row row : rows) {
				row.newHash = wrapOrNull(row.plan);
			}
		}
		else {
			List<Future<String>> futures = new ArrayList<>(rows.size());
			for (Row row : rows) {
				futures.add(pool.submit(() -> wrapOrNull(row.plan)));
			}
			for (int i = 0; i < rows.size(); i++) {
				try {
					rows.get(i).newHash = futures.get(i).get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new MigrationException("Migration of table " + this.options.table() + " was interrupted");
				}
				catch (ExecutionException ex) {
					throw new MigrationException("Hashing failed: " + ex.getCause().getClass().getSimpleName());
				}
			}
		}
		for (Row row : rows) {
			if (row.newHash == null) {
				// The current encoder refused the input (a plain-text password over its maximum length).
				counts.moveToMalformed(row.plan);
			}
		}
	}

	private String wrapOrNull(Plan plan) {
		try {
			return this.wrapper.wrap(plan);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private void write(Connection connection, List<Row> rows, int width, Counts counts) throws SQLException {
		String sql = "UPDATE " + this.options.table() + " SET " + this.options.hashColumn() + " = ? WHERE "
				+ this.options.idColumn() + " = ? AND " + this.options.hashColumn() + " = ?";
		try (PreparedStatement update = connection.prepareStatement(sql)) {
			int pending = 0;
			for (Row row : rows) {
				if (row.newHash == null) {
					continue;
				}
				if (width > 0 && row.newHash.length() > width) {
					throw new MigrationException("Column " + this.options.table() + "." + this.options.hashColumn()
							+ " holds " + width + " characters, but wrapped values need " + row.newHash.length()
							+ "; widen it first (for example VARCHAR(512) or TEXT). Nothing of this batch was written");
				}
				update.setString(1, row.newHash);
				update.setObject(2, row.id);
				update.setString(3, row.hash);
				update.addBatch();
				pending++;
			}
			if (pending > 0) {
				counts.changed += pending - sum(update.executeBatch());
			}
		}
	}

	private long count(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + this.options.table());
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private int columnWidth(Connection connection) throws SQLException {
		String sql = "SELECT " + this.options.hashColumn() + " FROM " + this.options.table() + " WHERE 1 = 0";
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			ResultSetMetaData meta = rs.getMetaData();
			int precision = meta.getPrecision(1);
			// Unbounded types (TEXT, CLOB) report 0 or a huge number: no check then.
			return (precision > 0 && precision < 1_000_000) ? precision : 0;
		}
	}

	private List<Row> selectBatch(Connection connection, Object lastId) throws SQLException {
		// setMaxRows alone leaves the planner unaware of the limit (PostgreSQL then sorts the whole
		// rest of the table for every batch), so the limit is written into the query as well.
		String limit = limitClause(connection);
		String columns = this.options.idColumn() + ", " + this.options.hashColumn()
				+ ((this.options.saltColumn() != null) ? ", " + this.options.saltColumn() : "");
		String sql = "SELECT " + columns + " FROM " + this.options.table()
				+ ((lastId != null) ? " WHERE " + this.options.idColumn() + " > ?" : "") + " ORDER BY "
				+ this.options.idColumn() + limit;
		List<Row> rows = new ArrayList<>(this.options.batchSize());
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setMaxRows(this.options.batchSize());
			statement.setFetchSize(Math.min(this.options.batchSize(), 1000));
			if (lastId != null) {
				statement.setObject(1, lastId);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(new Row(rs.getObject(1), rs.getString(2),
							(this.options.saltColumn() != null) ? rs.getString(3) : null));
				}
			}
		}
		return rows;
	}

	private String limitClause(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
		int n = this.options.batchSize();
		if (product.contains("mysql") || product.contains("mariadb") || product.contains("sqlite")) {
			return " LIMIT " + n;
		}
		if (product.contains("microsoft")) {
			return " OFFSET 0 ROWS FETCH NEXT " + n + " ROWS ONLY";
		}
		// SQL:2008, understood by PostgreSQL, H2, Oracle 12c+, DB2, Derby and HSQLDB.
		return " FETCH FIRST " + n + " ROWS ONLY";
	}

	private Duration elapsed(long start) {
		return Duration.ofNanos(this.nanoClock.getAsLong() - start);
	}

	private static long sum(int[] updateCounts) {
		long sum = 0;
		for (int n : updateCounts) {
			// Statement.SUCCESS_NO_INFO (-2): the driver does not say; count the row as written.
			sum += (n == java.sql.Statement.SUCCESS_NO_INFO) ? 1 : Math.max(0, n);
		}
		return sum;
	}

	private static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			// The original failure is what matters; the transaction dies with the connection anyway.
		}
	}

	private static void restore(Connection connection, boolean autoCommit) {
		try {
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			// A broken connection is closed next; nothing to restore.
		}
	}

	private static Thread daemon(Runnable task) {
		Thread thread = new Thread(task, "pbkdf2-dpapi-migrate");
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public String toString() {
		return "JdbcHashMigrator[" + this.options.table() + "." + this.options.hashColumn() + "]";
	}

	@FunctionalInterface
	private interface BatchAction {

		void accept(Connection connection, List<Row> rows) throws SQLException;

	}

	private static final class Row {

		final Object id;

		final String hash;

		final String salt;

		Plan plan;

		String newHash;

		Row(Object id, String hash, String salt) {
			this.id = id;
			this.hash = hash;
			this.salt = salt;
		}

	}

	private static final class Counts {

		final Map<Kind, Long> byKind = new EnumMap<>(Kind.class);

		final Map<String, Long> notWrappable = new HashMap<>();

		long scanned;

		long changed;

		void add(Plan plan) {
			this.byKind.merge(plan.kind(), 1L, Long::sum);
			if (plan.kind() == Kind.NOT_WRAPPABLE) {
				this.notWrappable.merge(plan.format(), 1L, Long::sum);
			}
		}

		void moveToMalformed(Plan plan) {
			this.byKind.merge(plan.kind(), -1L, Long::sum);
			this.byKind.merge(Kind.MALFORMED, 1L, Long::sum);
		}

		long get(Kind kind) {
			return this.byKind.getOrDefault(kind, 0L);
		}

		long written() {
			return get(Kind.WRAPPABLE) + get(Kind.REHASHABLE) - this.changed;
		}

	}

}
