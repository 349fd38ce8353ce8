package io.github.pbkdf2dpapi.lockout;

/**
 * Exception thrown when a {@link LockoutStore} cannot reach its backing store. The message names
 * the operation and the cause's type, never a key's owner.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class LockoutStoreException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message what failed, without usernames or addresses
	 * @param cause the underlying failure
	 */
	public LockoutStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
