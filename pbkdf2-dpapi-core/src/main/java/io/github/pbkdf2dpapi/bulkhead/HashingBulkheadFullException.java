package io.github.pbkdf2dpapi.bulkhead;

import java.time.Duration;

/**
 * Exception thrown when a password hash is refused because the {@link HashingBulkhead} had no
 * free permit within its maximum wait. It says nothing about the credentials: the login was not
 * checked at all, so it must be answered as a temporary service failure (HTTP 503 with
 * {@code Retry-After}), never as a wrong password, and must not count as a failed login.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class HashingBulkheadFullException extends RuntimeException {

	private final int maxConcurrent;

	private final Duration maxWait;

	/**
	 * Create a new exception.
	 * @param maxConcurrent the bulkhead's limit
	 * @param maxWait how long the caller waited
	 * @param cause an interruption, or {@code null}
	 */
	public HashingBulkheadFullException(int maxConcurrent, Duration maxWait, Throwable cause) {
		super("Password hashing is at capacity (" + maxConcurrent + " concurrent hashes, no permit within "
				+ maxWait.toMillis() + " ms); try again later", cause);
		this.maxConcurrent = maxConcurrent;
		this.maxWait = maxWait;
	}

	/**
	 * The bulkhead's limit.
	 * @return the number of hashes that may run at once
	 */
	public int getMaxConcurrent() {
		return this.maxConcurrent;
	}

	/**
	 * How long the caller waited for a permit.
	 * @return the maximum wait
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

	/**
	 * Finds a {@link HashingBulkheadFullException} in a chain of causes.
	 * @param ex an exception, or {@code null}
	 * @return the bulkhead exception, or {@code null} if there is none in the chain
	 */
	public static HashingBulkheadFullException find(Throwable ex) {
		int depth = 0;
		for (Throwable t = ex; t != null && depth < 32; t = t.getCause(), depth++) {
			if (t instanceof HashingBulkheadFullException full) {
				return full;
			}
		}
		return null;
	}

}
