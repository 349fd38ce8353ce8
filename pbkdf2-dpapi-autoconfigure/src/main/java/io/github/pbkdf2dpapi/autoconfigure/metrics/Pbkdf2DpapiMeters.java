package io.github.pbkdf2dpapi.autoconfigure.metrics;

/**
 * Names and tag keys of the pbkdf2-dpapi meters (documented in {@code docs/OPERATIONS.md}). No
 * meter is tagged with a username, a client address or any stored value.
 */
final class Pbkdf2DpapiMeters {

	/** Timer of {@code PasswordEncoder.encode}, tags {@code outcome}, {@code format}. */
	static final String ENCODE = "pbkdf2dpapi.password.encode";

	/** Timer of {@code PasswordEncoder.matches}, tags {@code outcome}, {@code format}. */
	static final String MATCHES = "pbkdf2dpapi.password.matches";

	/** Counter of records due for an upgrade at a successful login, tag {@code from}. */
	static final String UPGRADES = "pbkdf2dpapi.password.upgrades";

	/** Counter of envelope failures, tags {@code operation}, {@code reason}. */
	static final String ENVELOPE_FAILURES = "pbkdf2dpapi.envelope.failures";

	/** Timer of the wait for a hashing slot, tag {@code outcome}. */
	static final String BULKHEAD_WAIT = "pbkdf2dpapi.bulkhead.wait";

	/** Counter of logins refused because no hashing slot became free. */
	static final String BULKHEAD_REJECTED = "pbkdf2dpapi.bulkhead.rejected";

	/** Gauge of the hashes running now. */
	static final String BULKHEAD_ACTIVE = "pbkdf2dpapi.bulkhead.active";

	/** Gauge of the logins waiting for a hashing slot now. */
	static final String BULKHEAD_WAITING = "pbkdf2dpapi.bulkhead.waiting";

	/** Counter of accounts locked by failed logins, tag {@code permanent}. */
	static final String LOCKOUT_LOCKED = "pbkdf2dpapi.lockout.locked";

	/** Counter of locks lifted by an administrator. */
	static final String LOCKOUT_UNLOCKED = "pbkdf2dpapi.lockout.unlocked";

	/** Counter of login attempts refused before hashing, tag {@code reason}. */
	static final String RATELIMIT_REJECTED = "pbkdf2dpapi.ratelimit.rejected";

	private Pbkdf2DpapiMeters() {
	}

}
