package io.github.pbkdf2dpapi.cli;

/**
 * Exception thrown by a command to stop with a message on standard error and an exit code.
 *
 * @author pbkdf2-dpapi
 */
final class CliException extends RuntimeException {

	private final int exitCode;

	CliException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}
