package io.github.pbkdf2dpapi.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.pbkdf2dpapi.jdbc.JdbcRetries;

/**
 * An {@link AuditStore} in two tables: {@code pbkdf2_dpapi_audit} (the entries) and
 * {@code pbkdf2_dpapi_audit_state} (one signed row: anchor and head). Schemas for H2 and
 * PostgreSQL ship as {@code io/github/pbkdf2dpapi/audit/schema-{h2,postgresql}.sql}.
 *
 * <h2>Atomicity</h2> An append locks the state row ({@code SELECT ... FOR UPDATE}), inserts the
 * entry after the head, moves the head and commits, so instances sharing the database extend one
 * chain. The first append of all inserts the state row; a concurrent first append loses on the
 * primary key, rolls back and retries. A purge takes the same lock, deletes the old entries and
 * moves the anchor in one transaction.
 *
 * <h2>Append-only</h2> The application never updates or deletes an entry except through
 * {@link #purgeBefore}. Grant its database user {@code SELECT, INSERT} on the entries (plus
 * {@code DELETE} only for the role that runs the retention purge) and
 * {@code SELECT, INSERT, UPDATE} on the state row.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class JdbcAuditStore implements AuditStore {

	/** The entries table. */
	public static final String TABLE = "pbkdf2_dpapi_audit";

	/** The state table. */
	public static final String STATE_TABLE = "pbkdf2_dpapi_audit_state";

	private static final int MAX_ATTEMPTS = 50;

	private static final String COLUMNS = "sequence_number, occurred_at, event_type, principal, details, key_id, "
			+ "previous_mac, mac";

	private static final String STATE_COLUMNS = "anchor_sequence, anchor_previous_mac, head_sequence, head_mac, "
			+ "key_id, state_mac";

	private final DataSource dataSource;

	/**
	 * Create a store.
	 * @param dataSource the database
	 */
	public JdbcAuditStore(DataSource dataSource) {
		if (dataSource == null) {
			throw new IllegalArgumentException("'dataSource' must not be null");
		}
		this.dataSource = dataSource;
	}

	/**
	 * Creates the tables if they do not exist, with the schema of the detected database (H2 or
	 * PostgreSQL).
	 */
	public void createSchemaIfMissing() {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			String dialect = product.contains("postgres") ? "postgresql" : "h2";
			for (String sql : statements(schema(dialect))) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw failure("creating the schema", ex);
		}
	}

	@Override
	public AuditRecord append(AuditEvent event, Instant now, AuditKeys keys) {
		return inTransaction("appending an entry", (connection) -> {
			AuditState state = lockState(connection);
			boolean fresh = state == null;
			if (fresh) {
				state = AuditState.initial(keys);
			}
			AuditRecord entry = AuditRecord.next(keys, state.headSequence() + 1, state.headMac(), event, now);
			insert(connection, entry);
			writeState(connection, state.withHead(keys, entry), fresh);
			return entry;
		});
	}

	@Override
	public AuditState state() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement ps = connection
					.prepareStatement("SELECT " + STATE_COLUMNS + " FROM " + STATE_TABLE + " WHERE id = 1")) {
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? readState(rs) : null;
			}
		}
		catch (SQLException ex) {
			throw failure("reading the chain state", ex);
		}
	}

	@Override
	public void forEach(Consumer<AuditRecord> action) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement ps = connection
					.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY sequence_number")) {
			ps.setFetchSize(500);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					action.accept(new AuditRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
							rs.getString(4), AuditRecord.parseDetails(rs.getString(5)), rs.getString(6),
							rs.getString(7), rs.getString(8)));
				}
			}
		}
		catch (SQLException ex) {
			throw failure("reading entries", ex);
		}
	}

	@Override
	public int purgeBefore(Instant cutoff, AuditKeys keys) {
		return inTransaction("purging old entries", (connection) -> {
			AuditState state = lockState(connection);
			if (state == null) {
				return 0;
			}
			long firstKept = state.headSequence() + 1;
			String previous = state.headMac();
			try (PreparedStatement ps = connection.prepareStatement("SELECT sequence_number, previous_mac FROM "
					+ TABLE + " WHERE occurred_at >= ? ORDER BY sequence_number LIMIT 1")) {
				ps.setLong(1, cutoff.toEpochMilli());
				try (ResultSet rs = ps.executeQuery()) {
					if (rs.next()) {
						firstKept = rs.getLong(1);
						previous = rs.getString(2);
					}
				}
			}
			if (firstKept <= state.anchorSequence()) {
				return 0;
			}
			int removed;
			try (PreparedStatement ps = connection
				.prepareStatement("DELETE FROM " + TABLE + " WHERE sequence_number < ?")) {
				ps.setLong(1, firstKept);
				removed = ps.executeUpdate();
			}
			writeState(connection,
					AuditState.signed(keys, firstKept, previous, state.headSequence(), state.headMac()), false);
			return removed;
		});
	}

	private AuditState lockState(Connection connection) throws SQLException {
		try (PreparedStatement ps = connection
			.prepareStatement("SELECT " + STATE_COLUMNS + " FROM " + STATE_TABLE + " WHERE id = 1 FOR UPDATE")) {
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? readState(rs) : null;
			}
		}
	}

	private static AuditState readState(ResultSet rs) throws SQLException {
		return new AuditState(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6));
	}

	private void insert(Connection connection, AuditRecord e) throws SQLException {
		try (PreparedStatement ps = connection
			.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			ps.setLong(1, e.sequence());
			ps.setLong(2, e.occurredAt().toEpochMilli());
			ps.setString(3, e.type());
			ps.setString(4, e.principal());
			ps.setString(5, e.detailsString());
			ps.setString(6, e.keyId());
			ps.setString(7, e.previousMac());
			ps.setString(8, e.mac());
			ps.executeUpdate();
		}
	}

	private void writeState(Connection connection, AuditState s, boolean insert) throws SQLException {
		String sql = insert
				? "INSERT INTO " + STATE_TABLE + " (" + STATE_COLUMNS + ", id) VALUES (?, ?, ?, ?, ?, ?, 1)"
				: "UPDATE " + STATE_TABLE + " SET anchor_sequence = ?, anchor_previous_mac = ?, head_sequence = ?, "
						+ "head_mac = ?, key_id = ?, state_mac = ? WHERE id = 1";
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setLong(1, s.anchorSequence());
			ps.setString(2, s.anchorPreviousMac());
			ps.setLong(3, s.headSequence());
			ps.setString(4, s.headMac());
			ps.setString(5, s.keyId());
			ps.setString(6, s.mac());
			ps.executeUpdate();
		}
	}

	private <T> T inTransaction(String operation, SqlWork<T> work) {
		SQLException last = null;
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			try (Connection connection = this.dataSource.getConnection()) {
				boolean autoCommit = connection.getAutoCommit();
				connection.setAutoCommit(false);
				try {
					T result = work.run(connection);
					connection.commit();
					return result;
				}
				catch (SQLException | RuntimeException ex) {
					JdbcRetries.rollbackQuietly(connection);
					throw ex;
				}
				finally {
					connection.setAutoCommit(autoCommit);
				}
			}
			catch (SQLException ex) {
				if (!JdbcRetries.isTransient(ex)) {
					throw failure(operation, ex);
				}
				last = ex;
				backOff(attempt);
			}
		}
		throw failure(operation + " (gave up after " + MAX_ATTEMPTS + " conflicting attempts)", last);
	}

	private static void backOff(int attempt) {
		try {
			JdbcRetries.pause(attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while retrying an audit append", ex);
		}
	}

	private static IllegalStateException failure(String operation, SQLException ex) {
		String detail = (ex != null) ? " (SQLState " + ex.getSQLState() + ", " + ex.getClass().getSimpleName() + ")"
				: "";
		return new IllegalStateException("Audit tables unavailable while " + operation + detail, ex);
	}

	private static String schema(String dialect) {
		String location = "io/github/pbkdf2dpapi/audit/schema-" + dialect + ".sql";
		try (InputStream in = JdbcAuditStore.class.getClassLoader().getResourceAsStream(location)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + location);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + location, ex);
		}
	}

	private static List<String> statements(String script) {
		StringBuilder clean = new StringBuilder();
		for (String line : script.split("\n")) {
			if (!line.trim().startsWith("--")) {
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
		return "JdbcAuditStore[table=" + TABLE + "]";
	}

	@FunctionalInterface
	private interface SqlWork<T> {

		T run(Connection connection) throws SQLException;

	}

}
