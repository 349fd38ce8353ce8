package io.github.pbkdf2dpapi.legacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link BCryptPasswordEncoder} that refuses, without hashing, a stored hash whose cost is above
 * a cap. A bcrypt hash names its own cost ({@code $2a$31$...} asks for 2<sup>31</sup> rounds), so
 * one edited row could otherwise pin a CPU for days on every login attempt.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class BoundedBCryptPasswordEncoder implements PasswordEncoder {

	/** Default highest cost accepted (Spring Security's default is 10). */
	public static final int DEFAULT_MAX_COST = 14;

	private static final Pattern COST = Pattern.compile("\\A\\$2[aby]?\\$(\\d\\d)\\$");

	private static final Log logger = LogFactory.getLog(BoundedBCryptPasswordEncoder.class);

	private final BCryptPasswordEncoder delegate;

	private final int maxCost;

	/**
	 * Create an encoder.
	 * @param delegate the bcrypt encoder that verifies hashes within the cap
	 * @param maxCost the highest cost accepted, 4 to 31
	 */
	public BoundedBCryptPasswordEncoder(BCryptPasswordEncoder delegate, int maxCost) {
		if (delegate == null) {
			throw new IllegalArgumentException("'delegate' must not be null");
		}
		if (maxCost < 4 || maxCost > 31) {
			throw new IllegalArgumentException("'maxCost' must be between 4 and 31, was " + maxCost);
		}
		this.delegate = delegate;
		this.maxCost = maxCost;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (encodedPassword != null) {
			Matcher m = COST.matcher(encodedPassword);
			if (m.find() && Integer.parseInt(m.group(1)) > this.maxCost) {
				logger.warn("Stored bcrypt password rejected without hashing: cost " + m.group(1)
						+ " is above the cap of " + this.maxCost + " (pbkdf2-dpapi.migration.max-bcrypt-cost)");
				return false;
			}
		}
		return this.delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	@Override
	public String toString() {
		return "BoundedBCryptPasswordEncoder[maxCost=" + this.maxCost + "]";
	}

}
