package io.github.pbkdf2dpapi.legacy;

import java.security.MessageDigest;
import java.util.Arrays;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Verifies (never produces) unsalted and salted message digests as found in old databases.
 *
 * <h2>Stored forms</h2>
 * <ul>
 * <li>{@linkplain #DigestPasswordEncoder(DigestFormat, VerificationCostEqualizer) Plain}: the
 * digest in hex (either case) or Base64, for example {@code 5f4dcc3b5aa765d61d8327deb882cf99}
 * ({@code md5} of {@code password}). A salted format carries its salt before the last {@code $}:
 * {@code <salt>$<digest>}, the salt being the legacy salt string as it was stored.</li>
 * <li>{@linkplain #springSecurity(LegacyDigest, VerificationCostEqualizer) Spring Security}'s
 * {@code MessageDigestPasswordEncoder}, kept as it is: {@code {salt}<digest>} or {@code <digest>},
 * where the digest is taken over {@code password + "{salt}"} (braces included).</li>
 * </ul>
 *
 * <h2>Matching</h2> Comparison is constant-time. A malformed value logs a short reason (never the
 * value) and does not match. Every call then spends the cost of a current verification through the
 * {@link VerificationCostEqualizer}, so that fast legacy hashes cannot be told apart by timing.
 * {@link #upgradeEncoding} is always {@code true}; {@link #encode} is not supported.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class DigestPasswordEncoder implements PasswordEncoder {

	/** Longest stored value accepted; longer values are rejected unread. */
	static final int MAX_STORED_LENGTH = 1024;

	private static final Log logger = LogFactory.getLog(DigestPasswordEncoder.class);

	private final DigestFormat format;

	private final boolean springSecurityLayout;

	private final VerificationCostEqualizer equalizer;

	/**
	 * An encoder for stored values {@code <digest>} or, for a salted format,
	 * {@code <salt>$<digest>}.
	 * @param format the digest and salt position
	 * @param equalizer spends the cost of a current verification after each check
	 */
	public DigestPasswordEncoder(DigestFormat format, VerificationCostEqualizer equalizer) {
		this(format, false, equalizer);
	}

	private DigestPasswordEncoder(DigestFormat format, boolean springSecurityLayout,
			VerificationCostEqualizer equalizer) {
		if (format == null) {
			throw new IllegalArgumentException("'format' must not be null");
		}
		if (equalizer == null) {
			throw new IllegalArgumentException("'equalizer' must not be null");
		}
		this.format = format;
		this.springSecurityLayout = springSecurityLayout;
		this.equalizer = equalizer;
	}

	/**
	 * An encoder for the values of Spring Security's {@code MessageDigestPasswordEncoder}
	 * ({@code {MD5}}, {@code {SHA-1}}, {@code {SHA-256}} in a {@code DelegatingPasswordEncoder}).
	 * @param digest the digest
	 * @param equalizer spends the cost of a current verification after each check
	 * @return the encoder
	 */
	public static DigestPasswordEncoder springSecurity(LegacyDigest digest, VerificationCostEqualizer equalizer) {
		return new DigestPasswordEncoder(new DigestFormat(digest, SaltPosition.AFTER), true, equalizer);
	}

	/**
	 * The format verified.
	 * @return the format
	 */
	public DigestFormat getFormat() {
		return this.format;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		throw new UnsupportedOperationException(
				"Legacy " + this.format.name() + " hashes are verified only; new passwords are encoded with {pbkdf2-dpapi}");
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		try {
			return check(rawPassword, encodedPassword);
		}
		finally {
			this.equalizer.spendVerification(rawPassword);
		}
	}

	private boolean check(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
			return false;
		}
		Parsed parsed = parse(encodedPassword, true);
		if (parsed == null) {
			return false;
		}
		byte[] actual = this.format.digest(rawPassword, parsed.salt);
		boolean equal = MessageDigest.isEqual(parsed.digest, actual);
		Arrays.fill(actual, (byte) 0);
		return equal;
	}

	/**
	 * Splits a stored value into salt and digest bytes.
	 * @param stored the stored value (without a {@code {id}} prefix)
	 * @param log whether to log why a value is malformed (bulk callers count instead)
	 * @return the salt (or {@code null}) and digest, or {@code null} if the value is malformed
	 */
	Parsed parse(String stored, boolean log) {
		String what = this.springSecurityLayout ? "Spring Security " + this.format.digest().algorithm()
				: this.format.name();
		if (stored.length() > MAX_STORED_LENGTH) {
			warn(log, "Stored " + what + " password cannot be verified: longer than " + MAX_STORED_LENGTH
					+ " characters");
			return null;
		}
		String salt = null;
		String digest = stored;
		if (this.springSecurityLayout) {
			if (stored.startsWith("{")) {
				int end = stored.indexOf('}');
				if (end < 0) {
					warn(log, "Stored " + what + " password cannot be verified: salt has no closing brace");
					return null;
				}
				salt = stored.substring(0, end + 1);
				digest = stored.substring(end + 1);
			}
			else {
				salt = "";
			}
		}
		else if (this.format.salted()) {
			int dollar = stored.lastIndexOf('$');
			if (dollar < 0) {
				warn(log, "Stored " + what + " password cannot be verified: no '<salt>$' before the digest");
				return null;
			}
			salt = stored.substring(0, dollar);
			digest = stored.substring(dollar + 1);
		}
		byte[] bytes = this.format.digest().decode(digest);
		if (bytes == null) {
			warn(log, "Stored " + what + " password cannot be verified: digest is not " + 2 * this.format.digest().length()
					+ " hex characters or " + this.format.digest().length() + " bytes in Base64");
			return null;
		}
		return new Parsed(salt, bytes);
	}

	private static void warn(boolean log, String message) {
		if (log) {
			logger.warn(message);
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return true;
	}

	@Override
	public String toString() {
		return "DigestPasswordEncoder[" + (this.springSecurityLayout ? "spring-security " : "") + this.format.name()
				+ "]";
	}

	/**
	 * A parsed stored value.
	 */
	static final class Parsed {

		final String salt;

		final byte[] digest;

		Parsed(String salt, byte[] digest) {
			this.salt = salt;
			this.digest = digest;
		}

	}

}
