package io.github.pbkdf2dpapi.lockout;

import java.time.Instant;

/**
 * The answer of {@link LoginThrottle#check} before a password is hashed.
 *
 * @param verdict whether the attempt may proceed, and if not why
 * @param until end of the lock or throttle, {@code null} if allowed or unknown,
 * {@link Instant#MAX} for a permanent lock
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record LoginDecision(Verdict verdict, Instant until) {

	private static final LoginDecision ALLOWED = new LoginDecision(Verdict.ALLOWED, null);

	/**
	 * The decision that lets an attempt proceed.
	 * @return the decision
	 */
	public static LoginDecision allowed() {
		return ALLOWED;
	}

	/**
	 * Whether the attempt may proceed to the password check.
	 * @return {@code true} if allowed
	 */
	public boolean isAllowed() {
		return this.verdict == Verdict.ALLOWED;
	}

	/**
	 * Why an attempt is refused.
	 */
	public enum Verdict {

		/** The attempt proceeds. */
		ALLOWED,

		/** The account is locked. */
		ACCOUNT_LOCKED,

		/** The client address spent its failure budget. */
		ADDRESS_THROTTLED,

		/** The store could not be read and the configuration fails closed. */
		STORE_UNAVAILABLE

	}

}
