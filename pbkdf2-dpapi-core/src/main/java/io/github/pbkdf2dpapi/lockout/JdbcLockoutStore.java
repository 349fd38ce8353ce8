package io.github.pbkdf2dpapi.lockout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.pbkdf2dpapi.jdbc.JdbcRetries;

/**
 * A {@link LockoutStore} in a relational database, shared by every instance of an application.
 * Plain JDBC on a {@link DataSource}; schemas for H2, PostgreSQL and MySQL ship as
 * {@code io/github/pbkdf2dpapi/lockout/schema-{h2,postgresql,mysql}.sql}.
 *
 * <h2>Atomicity</h2> {@link #update} runs in one transaction: {@code SELECT ... FOR UPDATE} locks
 * the row, the new state is computed and written, the transaction commits. Two instances that
 * count a failure for the same key at the same time are serialised by the row lock, so no update
 * is lost. When the row does not exist yet, both may try to insert it; the loser gets a
 * unique-key violation (or a deadlock on MySQL's gap locks), rolls back and retries, then finds
 * the row. Serialization failures, deadlocks and lock timeouts are retried the same way.
 *
 * <h2>Expiry</h2> Rows carry {@code expires_at}; {@link #purgeExpired(long)} deletes the expired
 * ones and should run periodically (the Spring Boot auto-configuration schedules it).
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class JdbcLockoutStore implements LockoutStore {

	/** Default table name. */
	public static final String DEFAULT_TABLE_NAME = "pbkdf2_dpapi_lockout";

	private static final Log logger = LogFactory.getLog(JdbcLockoutStore.class);

	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	private static final int MAX_ATTEMPTS = 50;

	private static final String COLUMNS = "lockout_key, failures, window_start, consecutive_failures, lockouts, "
			+ "locked_until, expires_at";

	private final DataSource dataSource;

	private final String tableName;

	private volatile Dialect dialect;

	/**
	 * Create a store on the default table, detecting the dialect on first use.
	 * @param dataSource the data source
	 */
	public JdbcLockoutStore(DataSource dataSource) {
		this(dataSource, DEFAULT_TABLE_NAME, null);
	}

	/**
	 * Create a store.
	 * @param dataSource the data source
	 * @param tableName the table, optionally schema-qualified
	 * @param dialect the dialect, or {@code null} to detect it from the database product name
	 */
	public JdbcLockoutStore(DataSource dataSource, String tableName, Dialect dialect) {
		if (dataSource == null) {
			throw new IllegalArgumentException("'dataSource' must not be null");
		}
		if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
			throw new IllegalArgumentException("Invalid pbkdf2-dpapi.lockout.jdbc.table-name '" + tableName
					+ "': must be an SQL identifier, optionally schema-qualified");
		}
		this.dataSource = dataSource;
		this.tableName = tableName;
		this.dialect = dialect;
	}

	/**
	 * Creates the table and its indexes if they do not exist, with the dialect's schema file.
	 */
	public void createSchemaIfMissing() {
		Dialect d = dialect();
		String script = d.schema().replace(DEFAULT_TABLE_NAME, this.tableName);
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements(script)) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw failure("creating the schema", ex);
		}
	}

	@Override
	public LockoutState get(String key) {
		String sql = "SELECT " + COLUMNS + " FROM " + this.tableName + " WHERE lockout_key = ?";
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setString(1, key);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? read(rs) : null;
			}
		}
		catch (SQLException ex) {
			throw failure("reading a key", ex);
		}
	}

	@Override
	public LockoutState update(String key, UnaryOperator<LockoutState> update) {
		SQLException last = null;
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			try {
				return tryUpdate(key, update);
			}
			catch (SQLException ex) {
				if (!JdbcRetries.isTransient(ex)) {
					throw failure("updating a key", ex);
				}
				last = ex;
				backOff(attempt);
			}
		}
		throw failure("updating a key (gave up after " + MAX_ATTEMPTS + " conflicting attempts)", last);
	}

	private LockoutState tryUpdate(String key, UnaryOperator<LockoutState> update) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				LockoutState current = null;
				try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
						+ this.tableName + " WHERE lockout_key = ? FOR UPDATE")) {
					ps.setString(1, key);
					try (ResultSet rs = ps.executeQuery()) {
						if (rs.next()) {
							current = read(rs);
						}
					}
				}
				LockoutState next = update.apply(current);
				if (current == null && next != null) {
					insert(connection, key, next);
				}
				else if (current != null && next == null) {
					delete(connection, key);
				}
				else if (current != null && !current.equals(next)) {
					write(connection, key, next);
				}
				connection.commit();
				return next;
			}
			catch (SQLException | RuntimeException ex) {
				JdbcRetries.rollbackQuietly(connection);
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	@Override
	public boolean delete(String key) {
		try (Connection connection = this.dataSource.getConnection()) {
			return delete(connection, key) > 0;
		}
		catch (SQLException ex) {
			throw failure("deleting a key", ex);
		}
	}

	@Override
	public List<LockoutState> findLocked(long now, int limit) {
		String sql = "SELECT " + COLUMNS + " FROM " + this.tableName
				+ " WHERE locked_until > ? ORDER BY locked_until DESC LIMIT " + Math.max(0, limit);
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setLong(1, now);
			List<LockoutState> states = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					states.add(read(rs));
				}
			}
			return states;
		}
		catch (SQLException ex) {
			throw failure("listing locked keys", ex);
		}
	}

	@Override
	public int purgeExpired(long now) {
		String sql = "DELETE FROM " + this.tableName + " WHERE expires_at <= ? AND locked_until <> ?";
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setLong(1, now);
			ps.setLong(2, LockoutState.PERMANENT);
			int removed = ps.executeUpdate();
			if (removed > 0 && logger.isDebugEnabled()) {
				logger.debug("Purged " + removed + " expired lockout rows");
			}
			return removed;
		}
		catch (SQLException ex) {
			throw failure("purging expired keys", ex);
		}
	}

	/**
	 * The dialect in use, detected on first call unless given.
	 * @return the dialect
	 */
	public Dialect dialect() {
		Dialect d = this.dialect;
		if (d == null) {
			try (Connection connection = this.dataSource.getConnection()) {
				d = Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
			}
			catch (SQLException ex) {
				throw failure("detecting the database", ex);
			}
			this.dialect = d;
		}
		return d;
	}

	private void insert(Connection connection, String key, LockoutState s) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(
				"INSERT INTO " + this.tableName + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			ps.setString(1, key);
			bind(ps, s, 2);
			ps.executeUpdate();
		}
	}

	private void write(Connection connection, String key, LockoutState s) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("UPDATE " + this.tableName
				+ " SET failures = ?, window_start = ?, consecutive_failures = ?, lockouts = ?, locked_until = ?,"
				+ " expires_at = ? WHERE lockout_key = ?")) {
			bind(ps, s, 1);
			ps.setString(7, key);
			ps.executeUpdate();
		}
	}

	private int delete(Connection connection, String key) throws SQLException {
		try (PreparedStatement ps = connection
			.prepareStatement("DELETE FROM " + this.tableName + " WHERE lockout_key = ?")) {
			ps.setString(1, key);
			return ps.executeUpdate();
		}
	}

	private static void bind(PreparedStatement ps, LockoutState s, int from) throws SQLException {
		ps.setInt(from, s.failures());
		ps.setLong(from + 1, s.windowStart());
		ps.setInt(from + 2, s.consecutiveFailures());
		ps.setInt(from + 3, s.lockouts());
		ps.setLong(from + 4, s.lockedUntil());
		ps.setLong(from + 5, s.expiresAt());
	}

	private static LockoutState read(ResultSet rs) throws SQLException {
		return new LockoutState(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
				rs.getLong(6), rs.getLong(7));
	}

	private static void backOff(int attempt) {
		try {
			JdbcRetries.pause(attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LockoutStoreException("Interrupted while retrying a lockout store update", ex);
		}
	}

	private LockoutStoreException failure(String operation, SQLException ex) {
		String detail = (ex != null) ? " (SQLState " + ex.getSQLState() + ", " + ex.getClass().getSimpleName() + ")"
				: "";
		return new LockoutStoreException("Lockout table '" + this.tableName + "' unavailable while " + operation
				+ detail, ex);
	}

	static List<String> statements(String script) {
		StringBuilder clean = new StringBuilder();
		for (String line : script.split("\n")) {
			String trimmed = line.trim();
			if (!trimmed.startsWith("--")) {
				clean.append(line).append('\n');
			}
		}
		List<String> statements = new ArrayList<>();
		for (String sql : clean.toString().split(";")) {
			if (!sql.isBlank()) {
				statements.add(sql.trim());
			}
		}
		return statements;
	}

	@Override
	public String toString() {
		return "JdbcLockoutStore[table=" + this.tableName + ", dialect=" + this.dialect + "]";
	}

	/**
	 * The databases whose schema ships with the store.
	 */
	public enum Dialect {

		/** H2 2.x. */
		H2("h2"),

		/** PostgreSQL 12 or later. */
		POSTGRESQL("postgresql"),

		/** MySQL 8 or later, MariaDB 10.5 or later (InnoDB). */
		MYSQL("mysql");

		private final String id;

		Dialect(String id) {
			this.id = id;
		}

		/**
		 * The classpath location of this dialect's schema.
		 * @return the resource path
		 */
		public String schemaLocation() {
			return "io/github/pbkdf2dpapi/lockout/schema-" + this.id + ".sql";
		}

		String schema() {
			try (InputStream in = JdbcLockoutStore.class.getClassLoader().getResourceAsStream(schemaLocation())) {
				if (in == null) {
					throw new IllegalStateException("Missing " + schemaLocation());
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + schemaLocation(), ex);
			}
		}

		/**
		 * Finds the dialect of a database.
		 * @param productName {@code DatabaseMetaData.getDatabaseProductName()}
		 * @return the dialect
		 * @throws IllegalArgumentException if the database has no shipped schema
		 */
		public static Dialect fromProductName(String productName) {
			String name = (productName != null) ? productName.toLowerCase(Locale.ROOT) : "";
			if (name.contains("h2")) {
				return H2;
			}
			if (name.contains("postgres")) {
				return POSTGRESQL;
			}
			if (name.contains("mysql") || name.contains("mariadb")) {
				return MYSQL;
			}
			throw new IllegalArgumentException("No lockout schema for database '" + productName
					+ "'; supported: H2, PostgreSQL, MySQL/MariaDB (set pbkdf2-dpapi.lockout.jdbc.dialect)");
		}

	}

}
