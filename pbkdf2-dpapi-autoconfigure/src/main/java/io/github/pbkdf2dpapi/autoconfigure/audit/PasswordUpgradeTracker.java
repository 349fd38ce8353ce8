package io.github.pbkdf2dpapi.autoconfigure.audit;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Notes, on the login's thread, that the encoder asked for a stored password to be upgraded, so
 * that the success event that follows can be audited as an upgrade too. Spring Security publishes
 * no event of its own for the re-hash. Cleared at every {@code matches}, so a login that failed
 * after the question leaves nothing behind for the next request on the thread.
 */
final class PasswordUpgradeTracker {

	private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

	private PasswordUpgradeTracker() {
	}

	static PasswordEncoder decorate(PasswordEncoder delegate) {
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return delegate.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				PENDING.remove();
				return delegate.matches(rawPassword, encodedPassword);
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				boolean upgrade = delegate.upgradeEncoding(encodedPassword);
				if (upgrade) {
					PENDING.set(formatOf(encodedPassword));
				}
				return upgrade;
			}

			@Override
			public String toString() {
				return delegate.toString();
			}

		};
	}

	/**
	 * Takes the pending upgrade of this thread.
	 * @return the stored format it upgrades from, or {@code null}
	 */
	static String take() {
		String from = PENDING.get();
		PENDING.remove();
		return from;
	}

	static String formatOf(String encodedPassword) {
		if (encodedPassword != null && encodedPassword.startsWith("{")) {
			int end = encodedPassword.indexOf('}');
			if (end > 1 && end <= 41 && encodedPassword.substring(1, end).matches("[A-Za-z0-9@._-]+")) {
				return encodedPassword.substring(1, end);
			}
		}
		return "none";
	}

}
