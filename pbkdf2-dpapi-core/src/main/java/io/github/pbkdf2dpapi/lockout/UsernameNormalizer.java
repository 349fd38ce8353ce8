package io.github.pbkdf2dpapi.lockout;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a username as typed into the form under which its failures are counted. It must match
 * the way the user store compares usernames, or an attacker gets a fresh budget per spelling
 * ({@code Alice}, {@code ALICE}, {@code Ａｌｉｃｅ}).
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@FunctionalInterface
public interface UsernameNormalizer {

	/**
	 * Normalises a username.
	 * @param username the username as typed, never {@code null}
	 * @return the normalised username
	 */
	String normalize(String username);

	/**
	 * Unicode NFKC, then lower case ({@link Locale#ROOT}): the default, for stores that compare
	 * usernames case-insensitively (such as {@code InMemoryUserDetailsManager}).
	 * @return the normaliser
	 */
	static UsernameNormalizer lowercaseNfkc() {
		return (username) -> Normalizer.normalize(Normalizer.normalize(username, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
	}

	/**
	 * Unicode NFKC only, for stores that compare usernames case-sensitively.
	 * @return the normaliser
	 */
	static UsernameNormalizer nfkc() {
		return (username) -> Normalizer.normalize(username, Normalizer.Form.NFKC);
	}

	/**
	 * No normalisation.
	 * @return the normaliser
	 */
	static UsernameNormalizer none() {
		return (username) -> username;
	}

}
