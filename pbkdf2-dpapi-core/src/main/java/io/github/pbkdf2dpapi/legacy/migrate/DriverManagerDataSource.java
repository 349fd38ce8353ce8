package io.github.pbkdf2dpapi.legacy.migrate;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A {@link DataSource} that opens a new connection through {@link DriverManager} each time.
 */
final class DriverManagerDataSource implements DataSource {

	private final String url;

	private final String user;

	private final String password;

	DriverManagerDataSource(String url, String user, String password) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("'url' must not be empty");
		}
		this.url = url;
		this.user = user;
		this.password = password;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return (this.user != null) ? DriverManager.getConnection(this.url, this.user, this.password)
				: DriverManager.getConnection(this.url);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return DriverManager.getConnection(this.url, username, password);
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException("Not a wrapper for " + iface.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

	@Override
	public String toString() {
		// The URL may carry credentials as parameters: never shown.
		return "DriverManagerDataSource";
	}

}
