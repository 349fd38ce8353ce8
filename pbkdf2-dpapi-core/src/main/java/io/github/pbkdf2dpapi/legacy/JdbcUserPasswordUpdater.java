package io.github.pbkdf2dpapi.legacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Stores a re-hashed password at login, over plain JDBC, for a {@code JdbcUserDetailsManager}-style
 * table ({@code users(username, password, enabled)} by default; names configurable and checked by
 * {@link SqlIdentifiers}). This is the storage half of Spring Security's
 * {@code UserDetailsPasswordService}; the starter adapts it (core does not depend on
 * spring-security-core):
 *
 * <pre>
 * UserDetailsPasswordService service = (user, newPassword) -&gt; {
 * 	updater.updatePassword(user.getUsername(), user.getPassword(), newPassword);
 * 	return User.withUserDetails(user).password(newPassword).build();
 * };
 * </pre>
 *
 * <p>
 * By default the update is a compare-and-set ({@code ... WHERE username = ? AND password = ?}):
 * when the user changed the password in another session between loading and upgrading, the new
 * password is kept and the upgrade is dropped. Turn it off when the user query transforms the
 * stored value (for example adds a <code>{md5}</code> prefix in SQL). After a successful update the
 * {@link PasswordUpgradeListener} is told the old format. Errors become an
 * {@link IllegalStateException} naming the table and SQL state, never a value.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class JdbcUserPasswordUpdater {

	private static final Log logger = LogFactory.getLog(JdbcUserPasswordUpdater.class);

	private final DataSource dataSource;

	private final String table;

	private final String sql;

	private final boolean compareAndSet;

	private final String unprefixedFormat;

	private final PasswordUpgradeListener listener;

	private JdbcUserPasswordUpdater(Builder b) {
		this.dataSource = b.dataSource;
		this.table = SqlIdentifiers.table(b.table);
		String username = SqlIdentifiers.column(b.usernameColumn, "username column");
		String password = SqlIdentifiers.column(b.passwordColumn, "password column");
		this.compareAndSet = b.compareAndSet;
		this.sql = "UPDATE " + this.table + " SET " + password + " = ? WHERE " + username + " = ?"
				+ (this.compareAndSet ? " AND " + password + " = ?" : "");
		this.unprefixedFormat = b.unprefixedFormat;
		this.listener = b.listener;
	}

	/**
	 * A builder for the {@code users(username, password)} defaults.
	 * @param dataSource the data source
	 * @return the builder
	 */
	public static Builder builder(DataSource dataSource) {
		if (dataSource == null) {
			throw new IllegalArgumentException("'dataSource' must not be null");
		}
		return new Builder(dataSource);
	}

	/**
	 * Stores a new encoded password.
	 * @param username the user
	 * @param oldEncodedPassword the stored value the user logged in with (used for the
	 * compare-and-set and for the listener's format; may be {@code null})
	 * @param newEncodedPassword the new stored value
	 * @return whether a row was updated
	 * @throws IllegalStateException if the database reports an error
	 */
	public boolean updatePassword(String username, String oldEncodedPassword, String newEncodedPassword) {
		if (username == null || newEncodedPassword == null) {
			throw new IllegalArgumentException("'username' and 'newEncodedPassword' must not be null");
		}
		int rows;
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(this.sql)) {
			statement.setString(1, newEncodedPassword);
			statement.setString(2, username);
			if (this.compareAndSet) {
				statement.setString(3, oldEncodedPassword);
			}
			rows = statement.executeUpdate();
		}
		catch (SQLException ex) {
			// The driver's message may quote the new hash; only the SQL state is kept.
			throw new IllegalStateException("Could not store the upgraded password in table " + this.table + ": "
					+ SqlIdentifiers.describe(ex));
		}
		if (rows == 0) {
			logger.info("Upgraded password was not stored: the user no longer exists or its stored password changed "
					+ "since login" + (this.compareAndSet ? " (compare-and-set)" : ""));
			return false;
		}
		this.listener.upgraded(LegacyPasswordEncoders.formatOf(oldEncodedPassword, this.unprefixedFormat));
		return true;
	}

	@Override
	public String toString() {
		return "JdbcUserPasswordUpdater[" + this.table + "]";
	}

	/**
	 * Builds a {@link JdbcUserPasswordUpdater}.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private String table = "users";

		private String usernameColumn = "username";

		private String passwordColumn = "password";

		private boolean compareAndSet = true;

		private String unprefixedFormat;

		private PasswordUpgradeListener listener = PasswordUpgradeListener.none();

		private Builder(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		/**
		 * The table, default {@code users}.
		 * @param table the table, optionally {@code schema.table}
		 * @return this builder
		 */
		public Builder table(String table) {
			this.table = table;
			return this;
		}

		/**
		 * The username column, default {@code username}.
		 * @param column the column
		 * @return this builder
		 */
		public Builder usernameColumn(String column) {
			this.usernameColumn = column;
			return this;
		}

		/**
		 * The password column, default {@code password}.
		 * @param column the column
		 * @return this builder
		 */
		public Builder passwordColumn(String column) {
			this.passwordColumn = column;
			return this;
		}

		/**
		 * Whether to update only while the stored value is still the one the user logged in with,
		 * default {@code true}.
		 * @param compareAndSet whether to compare and set
		 * @return this builder
		 */
		public Builder compareAndSet(boolean compareAndSet) {
			this.compareAndSet = compareAndSet;
			return this;
		}

		/**
		 * The unprefixed format, to name the format of values without prefix in the listener.
		 * @param format the format, or {@code null}
		 * @return this builder
		 */
		public Builder unprefixedFormat(String format) {
			this.unprefixedFormat = format;
			return this;
		}

		/**
		 * The listener told about every stored upgrade.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(PasswordUpgradeListener listener) {
			this.listener = (listener != null) ? listener : PasswordUpgradeListener.none();
			return this;
		}

		/**
		 * Checks the names and builds the updater.
		 * @return the updater
		 * @throws IllegalArgumentException if a name is not a plain identifier or the unprefixed
		 * format is unknown
		 */
		public JdbcUserPasswordUpdater build() {
			if (this.unprefixedFormat != null && !LegacyPasswordEncoders.isKnownFormat(this.unprefixedFormat)) {
				throw new IllegalArgumentException("Unknown unprefixed format '" + this.unprefixedFormat + "'");
			}
			return new JdbcUserPasswordUpdater(this);
		}

	}

}
