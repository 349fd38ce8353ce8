package io.github.pbkdf2dpapi.legacy;

/**
 * Told when a stored password was re-hashed with the current settings at login, for counters and
 * metrics ("how many logins upgraded from which format").
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@FunctionalInterface
public interface PasswordUpgradeListener {

	/**
	 * Called after the new hash was stored.
	 * @param fromFormat the format of the old value, as {@link LegacyPasswordEncoders#formatOf}
	 * names it (for example {@code md5}, {@code aspnet}, {@code pbkdf2-dpapi-wrap:md5}, or
	 * {@code pbkdf2-dpapi} for a record with outdated parameters); never the value
	 */
	void upgraded(String fromFormat);

	/**
	 * A listener that does nothing.
	 * @return the listener
	 */
	static PasswordUpgradeListener none() {
		return (fromFormat) -> {
		};
	}

}
