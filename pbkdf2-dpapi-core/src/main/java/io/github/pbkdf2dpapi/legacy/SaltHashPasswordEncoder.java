package io.github.pbkdf2dpapi.legacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * Verifies (never produces) the format of the article's C# sample: {@code <salt>:<hash>}, both
 * Base64, the hash being PBKDF2-HMAC-SHA256 ({@code Rfc2898DeriveBytes}) at an iteration count the
 * application configured (the article uses {@value #DEFAULT_ITERATIONS}), for example
 * {@code Of19z8jQhzaARCCTuKHDyQ==:IRxCwobgZpY9YRcAvV0g/1vuORj7Lsdx3QFtmZv5q3A=}.
 *
 * <p>
 * The record does not carry its iteration count, so it is configured here. The article normalises
 * with {@code password.Trim().Normalize(NormalizationForm.FormC)} before hashing; that is the
 * default ({@code trimAndNormalize}), and it must match what the old application did. Salt and hash
 * lengths are read from the value (8 to 64 bytes each).
 *
 * <p>
 * Malformed values log a short reason (never the value) and do not match. The
 * {@link VerificationCostEqualizer} tops the work up to that of a current verification.
 * {@link #upgradeEncoding} is always {@code true}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class SaltHashPasswordEncoder implements PasswordEncoder {

	/** The id under which the factory registers this encoder. */
	public static final String ID = "pbkdf2-salt-hash";

	/** The article's iteration count. */
	public static final int DEFAULT_ITERATIONS = 10_000;

	private static final int MIN_PART_LENGTH = 8;

	private static final int MAX_PART_LENGTH = 64;

	private static final Log logger = LogFactory.getLog(SaltHashPasswordEncoder.class);

	private final int iterations;

	private final boolean trimAndNormalize;

	private final VerificationCostEqualizer equalizer;

	/**
	 * Create an encoder.
	 * @param iterations the iteration count the old application used
	 * @param trimAndNormalize whether the old application trimmed the password and applied NFC
	 * @param equalizer tops the cost up to that of a current verification
	 */
	public SaltHashPasswordEncoder(int iterations, boolean trimAndNormalize, VerificationCostEqualizer equalizer) {
		if (iterations < 1) {
			throw new IllegalArgumentException("'iterations' must be at least 1");
		}
		if (equalizer == null) {
			throw new IllegalArgumentException("'equalizer' must not be null");
		}
		this.iterations = iterations;
		this.trimAndNormalize = trimAndNormalize;
		this.equalizer = equalizer;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		throw new UnsupportedOperationException(
				"salt:hash values are verified only; new passwords are encoded with {pbkdf2-dpapi}");
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		byte[][] parts = (rawPassword != null && encodedPassword != null) ? parse(encodedPassword) : null;
		if (parts == null) {
			this.equalizer.spendVerification(rawPassword);
			return false;
		}
		String password = rawPassword.toString();
		if (this.trimAndNormalize) {
			password = Normalizer.normalize(password.trim(), Normalizer.Form.NFC);
		}
		byte[] input = password.getBytes(StandardCharsets.UTF_8);
		byte[] actual = this.equalizer.engine().derive(Pbkdf2Prf.HMAC_SHA256, input, parts[0], this.iterations, parts[1].length);
		boolean equal = MessageDigest.isEqual(parts[1], actual);
		Arrays.fill(input, (byte) 0);
		Arrays.fill(actual, (byte) 0);
		this.equalizer.spendRemainder(Pbkdf2Prf.HMAC_SHA256, this.iterations, parts[1].length);
		return equal;
	}

	private static byte[][] parse(String encoded) {
		int colon = encoded.indexOf(':');
		if (colon < 0 || encoded.length() > 256) {
			logger.warn("Stored salt:hash password cannot be verified: not '<Base64 salt>:<Base64 hash>'");
			return null;
		}
		try {
			byte[] salt = Base64.getDecoder().decode(encoded.substring(0, colon));
			byte[] hash = Base64.getDecoder().decode(encoded.substring(colon + 1));
			if (salt.length < MIN_PART_LENGTH || salt.length > MAX_PART_LENGTH || hash.length < MIN_PART_LENGTH
					|| hash.length > MAX_PART_LENGTH) {
				logger.warn("Stored salt:hash password cannot be verified: salt or hash is not " + MIN_PART_LENGTH
						+ " to " + MAX_PART_LENGTH + " bytes");
				return null;
			}
			return new byte[][] { salt, hash };
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Stored salt:hash password cannot be verified: salt or hash is not Base64");
			return null;
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return true;
	}

	@Override
	public String toString() {
		return "SaltHashPasswordEncoder[i=" + this.iterations + ", trimAndNormalize=" + this.trimAndNormalize + "]";
	}

}
