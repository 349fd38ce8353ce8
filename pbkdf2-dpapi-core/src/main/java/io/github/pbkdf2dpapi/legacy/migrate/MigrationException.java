package io.github.pbkdf2dpapi.legacy.migrate;

/**
 * Exception thrown when a migration cannot go on. The message names the table, the step and the
 * SQL state, never a value; the batch in progress was rolled back, and a re-run resumes.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class MigrationException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what failed, without values
	 */
	public MigrationException(String message) {
		super(message);
	}

}
