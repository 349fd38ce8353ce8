package io.github.pbkdf2dpapi.legacy;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Checks table and column names before they are put into SQL, for the JDBC helpers of this
 * package and of {@code legacy.migrate}: letters, digits and {@code _}, starting with a letter or
 * {@code _}, with at most one {@code schema.} qualifier for tables. Names are never quoted, so the
 * database applies its usual case rules.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class SqlIdentifiers {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private static final Pattern QUALIFIED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

	private SqlIdentifiers() {
	}

	/**
	 * Checks a column name.
	 * @param name the name
	 * @param what what the name is, for the message (for example {@code "hash column"})
	 * @return the name
	 * @throws IllegalArgumentException if the name is not a plain identifier
	 */
	public static String column(String name, String what) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("The " + what + " must be a plain SQL identifier (letters, digits, '_')");
		}
		return name;
	}

	/**
	 * Checks a table name, optionally qualified by a schema.
	 * @param name the name
	 * @return the name
	 * @throws IllegalArgumentException if the name is not a plain identifier
	 */
	public static String table(String name) {
		if (name == null || !QUALIFIED.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"The table must be a plain SQL identifier, optionally 'schema.table' (letters, digits, '_')");
		}
		return name;
	}

	/**
	 * Describes a database error without its message, which may quote the values involved (H2,
	 * for example, quotes a value that is too long for its column).
	 * @param ex the error
	 * @return the SQL state, vendor code and a hint for well-known states
	 */
	public static String describe(SQLException ex) {
		String state = ex.getSQLState();
		String hint = "";
		if ("22001".equals(state)) {
			hint = ": a value is too long for its column; widen the password column (VARCHAR(512) or TEXT)";
		}
		else if (state != null && state.startsWith("42")) {
			hint = ": check the table and column names";
		}
		else if (state != null && state.startsWith("08")) {
			hint = ": the connection failed";
		}
		return ex.getClass().getSimpleName() + " (SQL state " + state + ", vendor code " + ex.getErrorCode() + ")"
				+ hint;
	}

}
