package io.github.pbkdf2dpapi.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retrying short transactions that lost a race with another node: which SQL errors are worth a
 * retry, a short randomised pause, and a rollback that never hides the original failure.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class JdbcRetries {

	private JdbcRetries() {
	}

	/**
	 * Whether a failure is a conflict that a new attempt can resolve: a constraint violation
	 * (SQLState class 23, a concurrent insert of the same key), a serialization failure or
	 * deadlock (class 40), a lock timeout ({@code HYT00}), or the vendor codes for the same (H2
	 * 90131 concurrent update and 50200 lock timeout, MySQL 1205 lock wait timeout and 1213
	 * deadlock).
	 * @param ex the failure, with its causes and chained exceptions
	 * @return whether to retry
	 */
	public static boolean isTransient(SQLException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				String state = sql.getSQLState();
				if (state != null && (state.startsWith("23") || state.startsWith("40") || state.equals("HYT00"))) {
					return true;
				}
				int code = sql.getErrorCode();
				if (code == 90131 || code == 50200 || code == 1205 || code == 1213) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Sleeps a random 1 to about 20 ms, growing with the attempt, so that competing nodes do not
	 * retry in lockstep.
	 * @param attempt the number of the attempt that failed, from 0
	 * @throws InterruptedException if the thread is interrupted
	 */
	public static void pause(int attempt) throws InterruptedException {
		Thread.sleep(ThreadLocalRandom.current().nextInt(1, 2 + Math.min(attempt, 10) * 2));
	}

	/**
	 * Rolls back, ignoring a failure to do so: the original failure matters more, and the
	 * connection is closed next anyway.
	 * @param connection the connection
	 */
	public static void rollbackQuietly(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			// Deliberately ignored, see above.
		}
	}

}
