package io.github.pbkdf2dpapi.lockout;

import java.time.Instant;

/**
 * What {@link LoginThrottle#recordFailure} did.
 *
 * @param accountLocked whether this failure locked the account
 * @param lockedUntil end of that lock ({@link Instant#MAX} if permanent), or {@code null}
 * @param permanent whether that lock is permanent
 * @param lockouts the account's number of lockouts since its last successful login
 * @param addressThrottled whether this failure throttled the client address
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record FailureOutcome(boolean accountLocked, Instant lockedUntil, boolean permanent, int lockouts,
		boolean addressThrottled) {

	static final FailureOutcome NOTHING = new FailureOutcome(false, null, false, 0, false);

}
