package io.github.pbkdf2dpapi.lockout;

/**
 * The stored counters of one key (an account, a client address or an account seen from one
 * address). Immutable; times are epoch milliseconds so that every store keeps them the same way.
 *
 * @param key the hashed key, {@code a:}, {@code i:} or {@code p:} followed by 64 hex digits
 * @param failures failures in the current window
 * @param windowStart start of the current window
 * @param consecutiveFailures failures since the last successful login (accounts and pairs)
 * @param lockouts lockouts since the last successful login (accounts)
 * @param lockedUntil end of the current lock or throttle, {@code 0} for none,
 * {@link #PERMANENT} for a permanent lock
 * @param expiresAt when the store may forget the key
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record LockoutState(String key, int failures, long windowStart, int consecutiveFailures, int lockouts,
		long lockedUntil, long expiresAt) {

	/** The {@code lockedUntil} value of a permanent lock. */
	public static final long PERMANENT = Long.MAX_VALUE;

	/**
	 * A fresh state.
	 * @param key the key
	 * @param now the current time
	 * @return a state with no failures
	 */
	public static LockoutState empty(String key, long now) {
		return new LockoutState(key, 0, now, 0, 0, 0, now);
	}

	/**
	 * Whether the key is locked (or throttled) at {@code now}.
	 * @param now the current time
	 * @return {@code true} if locked
	 */
	public boolean isLocked(long now) {
		return this.lockedUntil > now;
	}

	/**
	 * Whether the lock is permanent.
	 * @return {@code true} if only an administrator can lift it
	 */
	public boolean isPermanent() {
		return this.lockedUntil == PERMANENT;
	}

	/**
	 * Whether the store may forget this state at {@code now}.
	 * @param now the current time
	 * @return {@code true} if expired
	 */
	public boolean isExpired(long now) {
		return this.expiresAt <= now && !isPermanent();
	}

}
