package io.github.pbkdf2dpapi.legacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * Verifies (never produces) the hashes of ASP.NET Core Identity's {@code PasswordHasher}, as
 * stored Base64 in {@code AspNetUsers.PasswordHash}.
 *
 * <h2>Formats</h2> (from {@code PasswordHasher.cs}; all integers big-endian)
 * <ul>
 * <li>Version 2: {@code 0x00, salt (16 bytes), subkey (32 bytes)} &mdash; PBKDF2-HMAC-SHA1, 1000
 * iterations.</li>
 * <li>Version 3: {@code 0x01, prf (UInt32: 0 SHA-1, 1 SHA-256, 2 SHA-512), iteration count
 * (UInt32), salt length (UInt32), salt, subkey} &mdash; the subkey is the rest of the value; salt
 * and subkey are at least 16 bytes.</li>
 * </ul>
 * The password is taken as UTF-8 without normalisation, as .NET does.
 *
 * <h2>Bounded cost</h2> A version 3 record names its own work factor. A record whose iteration
 * count times output blocks is above {@code maxIterations}, or whose salt or subkey is longer than
 * {@value #MAX_PART_LENGTH} bytes, is refused without hashing. Refused and malformed values log a
 * short reason (never the value) and do not match.
 *
 * <h2>Timing</h2> After the check, the {@link VerificationCostEqualizer} tops the work up to that
 * of a current verification. {@link #upgradeEncoding} is always {@code true}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class AspNetIdentityPasswordEncoder implements PasswordEncoder {

	/** The id under which the factory registers this encoder. */
	public static final String ID = "aspnet";

	/** Longest salt or subkey accepted, in bytes. */
	public static final int MAX_PART_LENGTH = 256;

	private static final int V2_SALT_LENGTH = 16;

	private static final int V2_SUBKEY_LENGTH = 32;

	private static final int V2_ITERATIONS = 1000;

	private static final int V3_HEADER_LENGTH = 13;

	private static final int V3_MIN_PART_LENGTH = 16;

	private static final Log logger = LogFactory.getLog(AspNetIdentityPasswordEncoder.class);

	private final int maxIterations;

	private final VerificationCostEqualizer equalizer;

	/**
	 * Create an encoder.
	 * @param maxIterations the highest work factor (iterations times output blocks) a record may
	 * ask for
	 * @param equalizer tops the cost up to that of a current verification
	 */
	public AspNetIdentityPasswordEncoder(int maxIterations, VerificationCostEqualizer equalizer) {
		if (maxIterations < V2_ITERATIONS * 2) {
			throw new IllegalArgumentException("'maxIterations' must be at least " + V2_ITERATIONS * 2);
		}
		if (equalizer == null) {
			throw new IllegalArgumentException("'equalizer' must not be null");
		}
		this.maxIterations = maxIterations;
		this.equalizer = equalizer;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		throw new UnsupportedOperationException(
				"ASP.NET Identity hashes are verified only; new passwords are encoded with {pbkdf2-dpapi}");
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
			this.equalizer.spendVerification(rawPassword);
			return false;
		}
		Parsed parsed = parse(encodedPassword);
		if (parsed == null) {
			this.equalizer.spendVerification(rawPassword);
			return false;
		}
		byte[] password = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
		byte[] actual = this.equalizer.engine().derive(parsed.prf, password, parsed.salt, parsed.iterations, parsed.subkey.length);
		boolean equal = MessageDigest.isEqual(parsed.subkey, actual);
		Arrays.fill(password, (byte) 0);
		Arrays.fill(actual, (byte) 0);
		this.equalizer.spendRemainder(parsed.prf, parsed.iterations, parsed.subkey.length);
		return equal;
	}

	private Parsed parse(String encoded) {
		if (encoded.length() > 4 * ((V3_HEADER_LENGTH + 2 * MAX_PART_LENGTH + 2) / 3)) {
			logger.warn("Stored ASP.NET Identity password cannot be verified: value is too long");
			return null;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Stored ASP.NET Identity password cannot be verified: value is not Base64");
			return null;
		}
		if (bytes.length == 0) {
			logger.warn("Stored ASP.NET Identity password cannot be verified: value is empty");
			return null;
		}
		if (bytes[0] == 0x00) {
			if (bytes.length != 1 + V2_SALT_LENGTH + V2_SUBKEY_LENGTH) {
				logger.warn("Stored ASP.NET Identity V2 password cannot be verified: length is not "
						+ (1 + V2_SALT_LENGTH + V2_SUBKEY_LENGTH) + " bytes");
				return null;
			}
			return new Parsed(Pbkdf2Prf.HMAC_SHA1, V2_ITERATIONS, Arrays.copyOfRange(bytes, 1, 1 + V2_SALT_LENGTH),
					Arrays.copyOfRange(bytes, 1 + V2_SALT_LENGTH, bytes.length));
		}
		if (bytes[0] == 0x01) {
			return parseV3(bytes);
		}
		logger.warn("Stored ASP.NET Identity password cannot be verified: unknown format marker " + (bytes[0] & 0xff));
		return null;
	}

	private Parsed parseV3(byte[] bytes) {
		if (bytes.length < V3_HEADER_LENGTH + 2 * V3_MIN_PART_LENGTH) {
			logger.warn("Stored ASP.NET Identity V3 password cannot be verified: too short");
			return null;
		}
		long prfCode = readUInt32(bytes, 1);
		long iterations = readUInt32(bytes, 5);
		long saltLength = readUInt32(bytes, 9);
		Pbkdf2Prf prf = (prfCode == 0) ? Pbkdf2Prf.HMAC_SHA1
				: (prfCode == 1) ? Pbkdf2Prf.HMAC_SHA256 : (prfCode == 2) ? Pbkdf2Prf.HMAC_SHA512 : null;
		if (prf == null) {
			logger.warn("Stored ASP.NET Identity V3 password cannot be verified: unknown PRF " + prfCode);
			return null;
		}
		if (iterations < 1) {
			logger.warn("Stored ASP.NET Identity V3 password cannot be verified: iteration count is 0");
			return null;
		}
		if (saltLength < V3_MIN_PART_LENGTH || saltLength > MAX_PART_LENGTH
				|| saltLength > bytes.length - V3_HEADER_LENGTH - V3_MIN_PART_LENGTH) {
			logger.warn("Stored ASP.NET Identity V3 password cannot be verified: salt length " + saltLength
					+ " does not fit the value");
			return null;
		}
		int subkeyLength = bytes.length - V3_HEADER_LENGTH - (int) saltLength;
		if (subkeyLength > MAX_PART_LENGTH) {
			logger.warn("Stored ASP.NET Identity V3 password rejected without hashing: subkey is longer than "
					+ MAX_PART_LENGTH + " bytes");
			return null;
		}
		long blocks = (subkeyLength + prf.hashLength() - 1) / prf.hashLength();
		if (iterations * blocks > this.maxIterations) {
			logger.warn("Stored ASP.NET Identity V3 password rejected without hashing: work factor " + iterations
					+ " iterations x " + blocks + " blocks is above the cap of " + this.maxIterations
					+ " (pbkdf2-dpapi.migration.max-iterations)");
			return null;
		}
		int saltEnd = V3_HEADER_LENGTH + (int) saltLength;
		return new Parsed(prf, (int) iterations, Arrays.copyOfRange(bytes, V3_HEADER_LENGTH, saltEnd),
				Arrays.copyOfRange(bytes, saltEnd, bytes.length));
	}

	private static long readUInt32(byte[] b, int offset) {
		return ((long) (b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
				| (b[offset + 3] & 0xff);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return true;
	}

	@Override
	public String toString() {
		return "AspNetIdentityPasswordEncoder[maxIterations=" + this.maxIterations + "]";
	}

	private static final class Parsed {

		final Pbkdf2Prf prf;

		final int iterations;

		final byte[] salt;

		final byte[] subkey;

		Parsed(Pbkdf2Prf prf, int iterations, byte[] salt, byte[] subkey) {
			this.prf = prf;
			this.iterations = iterations;
			this.salt = salt;
			this.subkey = subkey;
		}

	}

}
