package io.github.pbkdf2dpapi.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

/**
 * A {@link PasswordEncoder} that stores PBKDF2 hashes with a pepper inside an encryption envelope.
 *
 * <h2>Storage format</h2> One ASCII string (see {@link PasswordRecord} and {@code docs/FORMAT.md}):
 * <pre>
 * $p2d$v=1$a=sha256,i=600000,s=16,l=32,n=nfkc,p=p2,e=kr:7f3a$&lt;payload&gt;
 * </pre>
 * <ul>
 * <li>input = {@code HMAC-SHA256(pepper[p], UTF-8(normalise(password)))}, or the UTF-8 bytes when
 * {@code p=-};</li>
 * <li>hash = {@code PBKDF2(a, input, salt || ASCII(hashParameters), i, l)}, where hashParameters is
 * the header up to {@code ,e=} — so changing any parameter changes the hash;</li>
 * <li>payload = Base64 (no padding) of {@code protect(e, salt || hash, header)}, the header being
 * authenticated as associated data; with {@code e=none}, of {@code salt || hash} itself.</li>
 * </ul>
 *
 * <h2>Matching</h2> {@link #matches} never throws: a malformed record, an unknown pepper id, an
 * envelope that cannot be opened, a password longer than the maximum, or a record whose cost is
 * above {@code maxIterations} all log a short reason (never the value) and return {@code false}
 * before any hashing work.
 *
 * <h2>Upgrading</h2> {@link #upgradeEncoding} is {@code true} when a record differs from the
 * current settings in PRF, iteration count (lower), salt or hash length, normalisation, pepper id,
 * envelope tag (scheme or key) or format version.
 *
 * <p>
 * Immutable and thread-safe. Build one with {@link #builder()}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class Pbkdf2DpapiPasswordEncoder implements PasswordEncoder {

	/** The id under which a {@code DelegatingPasswordEncoder} stores our records. */
	public static final String ID = "pbkdf2-dpapi";

	/** Default iteration count for HMAC-SHA256 (OWASP, 2023). */
	public static final int DEFAULT_ITERATIONS = 600_000;

	/** Default iteration count for HMAC-SHA512 (OWASP, 2023). */
	public static final int DEFAULT_ITERATIONS_SHA512 = 210_000;

	/** Default salt length in bytes. */
	public static final int DEFAULT_SALT_LENGTH = 16;

	/** Default maximum password length in characters. */
	public static final int DEFAULT_MAX_LENGTH = 1024;

	/** Lowest iteration count accepted for HMAC-SHA256 unless weak parameters are allowed. */
	public static final int MIN_ITERATIONS_SHA256 = 100_000;

	/** Lowest iteration count accepted for HMAC-SHA512 unless weak parameters are allowed. */
	public static final int MIN_ITERATIONS_SHA512 = 35_000;

	/** Floor of the default cap on the iteration count of a stored record. */
	public static final int DEFAULT_MAX_ITERATIONS_FLOOR = 5_000_000;

	/** Smallest salt length accepted when verifying a record. */
	static final int MIN_RECORD_SALT_LENGTH = 8;

	/** Largest salt length accepted when verifying a record. */
	static final int MAX_RECORD_SALT_LENGTH = 64;

	/** Smallest hash length accepted when verifying a record. */
	static final int MIN_RECORD_HASH_LENGTH = 16;

	/** Largest hash length accepted when verifying a record. */
	static final int MAX_RECORD_HASH_LENGTH = 128;

	private static final Log logger = LogFactory.getLog(Pbkdf2DpapiPasswordEncoder.class);

	private static final SecureRandom SHARED_RANDOM = new SecureRandom();

	private final Pbkdf2Prf prf;

	private final int iterations;

	private final int saltLength;

	private final int hashLength;

	private final PasswordNormalization normalization;

	private final int maxLength;

	private final int maxIterations;

	private final PepperRing peppers;

	private final SecretProtector protector;

	private final Map<String, SecretProtector> protectorsByScheme;

	private final SecureRandom random;

	private final Pbkdf2Engine engine;

	private Pbkdf2DpapiPasswordEncoder(Builder b) {
		this.prf = b.prf;
		this.iterations = b.iterations;
		this.saltLength = b.saltLength;
		this.hashLength = (b.hashLength != null) ? b.hashLength : b.prf.hashLength();
		this.normalization = b.normalization;
		this.maxLength = b.maxLength;
		this.maxIterations = (b.maxIterations != null) ? b.maxIterations
				: (int) Math.min(Integer.MAX_VALUE, Math.max(10L * b.iterations, DEFAULT_MAX_ITERATIONS_FLOOR));
		this.peppers = b.peppers;
		this.protector = b.protector;
		Map<String, SecretProtector> byScheme = new LinkedHashMap<>(b.verifyOnlyProtectors);
		byScheme.put(b.protector.scheme(), b.protector);
		this.protectorsByScheme = Map.copyOf(byScheme);
		this.random = b.random;
		this.engine = b.engine;
	}

	/**
	 * A builder with the defaults: HMAC-SHA256, {@value #DEFAULT_ITERATIONS} iterations,
	 * {@value #DEFAULT_SALT_LENGTH}-byte salt, hash as long as the PRF output, NFKC, no pepper, no
	 * envelope, maximum password length {@value #DEFAULT_MAX_LENGTH}.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String encode(CharSequence rawPassword) {
		if (rawPassword == null) {
			throw new IllegalArgumentException("rawPassword must not be null");
		}
		if (rawPassword.length() > this.maxLength) {
			throw new IllegalArgumentException("Password is longer than the maximum of " + this.maxLength
					+ " characters (pbkdf2-dpapi.password.max-length)");
		}
		String envelope = this.protector.currentEnvelope();
		PasswordRecord template = new PasswordRecord(PasswordRecord.CURRENT_VERSION, this.prf, this.iterations,
				this.saltLength, this.hashLength, this.normalization, this.peppers.currentId(), envelope, "");
		byte[] salt = new byte[this.saltLength];
		this.random.nextBytes(salt);
		byte[] hash = hash(template, rawPassword, salt);
		byte[] saltAndHash = concat(salt, hash);
		byte[] payload = this.protector.protect(envelope, saltAndHash, template.headerBytes());
		String encoded = template.withPayload(base64(payload)).encoded();
		Arrays.fill(hash, (byte) 0);
		Arrays.fill(saltAndHash, (byte) 0);
		return encoded;
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
			return false;
		}
		if (rawPassword.length() > this.maxLength) {
			logger.debug("Password rejected without hashing: longer than the configured maximum length");
			return false;
		}
		PasswordRecord record;
		try {
			record = PasswordRecord.parse(encodedPassword);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Stored password cannot be verified: " + ex.getMessage());
			return false;
		}
		String refusal = checkCost(record);
		if (refusal != null) {
			logger.warn("Stored password rejected without hashing: " + refusal);
			return false;
		}
		if (!this.peppers.contains(record.pepperId())) {
			logger.warn("Stored password names pepper id '" + record.pepperId()
					+ "', which is not configured (pbkdf2-dpapi.password.pepper.secrets); it cannot be verified");
			return false;
		}
		byte[] saltAndHash = open(record);
		if (saltAndHash == null) {
			return false;
		}
		if (saltAndHash.length != record.saltLength() + record.hashLength()) {
			logger.warn("Stored password cannot be verified: payload length does not match its header");
			Arrays.fill(saltAndHash, (byte) 0);
			return false;
		}
		byte[] salt = Arrays.copyOfRange(saltAndHash, 0, record.saltLength());
		byte[] expected = Arrays.copyOfRange(saltAndHash, record.saltLength(), saltAndHash.length);
		byte[] actual = hash(record, rawPassword, salt);
		boolean equal = MessageDigest.isEqual(expected, actual);
		Arrays.fill(saltAndHash, (byte) 0);
		Arrays.fill(expected, (byte) 0);
		Arrays.fill(actual, (byte) 0);
		return equal;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		if (encodedPassword == null || encodedPassword.isEmpty()) {
			return false;
		}
		PasswordRecord record;
		try {
			record = PasswordRecord.parse(encodedPassword);
		}
		catch (IllegalArgumentException ex) {
			// Such a record never matches, so there is nothing to upgrade.
			return false;
		}
		return record.version() < PasswordRecord.CURRENT_VERSION || record.prf() != this.prf
				|| record.iterations() < this.iterations || record.saltLength() != this.saltLength
				|| record.hashLength() != this.hashLength || record.normalization() != this.normalization
				|| !record.pepperId().equals(this.peppers.currentId()) || !this.protector.scheme()
					.equals(schemeOf(record.envelope()))
				|| this.protector.isOutdated(record.envelope());
	}

	/**
	 * The iteration count written into new records.
	 * @return the iteration count
	 */
	public int getIterations() {
		return this.iterations;
	}

	/**
	 * The PRF of new records.
	 * @return the PRF
	 */
	public Pbkdf2Prf getPrf() {
		return this.prf;
	}

	/**
	 * The highest iteration count a stored record may ask for.
	 * @return the cap
	 */
	public int getMaxIterations() {
		return this.maxIterations;
	}

	/**
	 * The PBKDF2 engine that hashes and verifies.
	 * @return the engine
	 * @since 0.1.0
	 */
	public Pbkdf2Engine getEngine() {
		return this.engine;
	}

	/**
	 * The envelope protector of new records.
	 * @return the protector
	 */
	public SecretProtector getProtector() {
		return this.protector;
	}

	/**
	 * The pepper ring (ids only are exposed by it).
	 * @return the peppers
	 */
	public PepperRing getPeppers() {
		return this.peppers;
	}

	private String checkCost(PasswordRecord record) {
		if (record.iterations() > this.maxIterations) {
			return "iteration count " + record.iterations() + " is above the cap of " + this.maxIterations
					+ " (pbkdf2-dpapi.password.max-iterations)";
		}
		if (record.saltLength() < MIN_RECORD_SALT_LENGTH || record.saltLength() > MAX_RECORD_SALT_LENGTH) {
			return "salt length " + record.saltLength() + " is outside " + MIN_RECORD_SALT_LENGTH + ".."
					+ MAX_RECORD_SALT_LENGTH;
		}
		if (record.hashLength() < MIN_RECORD_HASH_LENGTH || record.hashLength() > MAX_RECORD_HASH_LENGTH) {
			return "hash length " + record.hashLength() + " is outside " + MIN_RECORD_HASH_LENGTH + ".."
					+ MAX_RECORD_HASH_LENGTH;
		}
		return null;
	}

	private byte[] open(PasswordRecord record) {
		byte[] payload;
		try {
			payload = Base64.getDecoder().decode(record.payload());
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Stored password cannot be verified: payload is not Base64");
			return null;
		}
		String scheme = schemeOf(record.envelope());
		if (SecretProtectors.none().scheme().equals(scheme)) {
			return SecretProtectors.none().unprotect(record.envelope(), payload, record.headerBytes());
		}
		SecretProtector p = this.protectorsByScheme.get(scheme);
		if (p == null) {
			logger.warn("Stored password uses envelope '" + record.envelope()
					+ "', but no protector for that scheme is configured (pbkdf2-dpapi.envelope.protector)");
			return null;
		}
		try {
			return p.unprotect(record.envelope(), payload, record.headerBytes());
		}
		catch (ProtectorException ex) {
			logger.warn("Stored password envelope cannot be opened: " + ex.getMessage());
			return null;
		}
		catch (RuntimeException ex) {
			logger.warn("Stored password envelope cannot be opened: unexpected " + ex.getClass().getSimpleName());
			return null;
		}
	}

	private byte[] hash(PasswordRecord record, CharSequence rawPassword, byte[] salt) {
		String normalized = record.normalization().apply(rawPassword);
		byte[] input = this.peppers.apply(record.pepperId(), normalized);
		byte[] params = record.hashParameters().getBytes(StandardCharsets.US_ASCII);
		byte[] pbkdf2Salt = concat(salt, params);
		try {
			return this.engine.derive(record.prf(), input, pbkdf2Salt, record.iterations(), record.hashLength());
		}
		finally {
			Arrays.fill(input, (byte) 0);
		}
	}

	static String schemeOf(String envelope) {
		int colon = envelope.indexOf(':');
		return (colon >= 0) ? envelope.substring(0, colon) : envelope;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "Pbkdf2DpapiPasswordEncoder[a=" + this.prf.id() + ", i=" + this.iterations + ", s=" + this.saltLength
				+ ", l=" + this.hashLength + ", n=" + this.normalization.id() + ", p=" + this.peppers.currentId()
				+ ", e=" + this.protector.currentEnvelope() + "; engine=" + this.engine.name() + "]";
	}

	/**
	 * Builds a {@link Pbkdf2DpapiPasswordEncoder}; every setting is validated in {@link #build()},
	 * which throws {@link InvalidEncoderSettingException} naming the setting.
	 */
	public static final class Builder {

		private Pbkdf2Prf prf = Pbkdf2Prf.HMAC_SHA256;

		private Integer explicitIterations;

		private int iterations;

		private int saltLength = DEFAULT_SALT_LENGTH;

		private Integer hashLength;

		private PasswordNormalization normalization = PasswordNormalization.NFKC;

		private int maxLength = DEFAULT_MAX_LENGTH;

		private Integer maxIterations;

		private boolean allowWeakParameters;

		private PepperRing peppers = PepperRing.none();

		private SecretProtector protector = SecretProtectors.none();

		private final Map<String, SecretProtector> verifyOnlyProtectors = new LinkedHashMap<>();

		private SecureRandom random = SHARED_RANDOM;

		private Pbkdf2Engine engine = Pbkdf2Engine.java();

		private Builder() {
		}

		/**
		 * The PRF of new records ({@code HMAC_SHA1} is refused: it verifies legacy data only).
		 * @param prf the PRF
		 * @return this builder
		 */
		public Builder prf(Pbkdf2Prf prf) {
			this.prf = prf;
			return this;
		}

		/**
		 * The iteration count of new records; defaults to {@value #DEFAULT_ITERATIONS} for
		 * HMAC-SHA256 and {@value #DEFAULT_ITERATIONS_SHA512} for HMAC-SHA512.
		 * @param iterations the count
		 * @return this builder
		 */
		public Builder iterations(int iterations) {
			this.explicitIterations = iterations;
			return this;
		}

		/**
		 * The salt length of new records.
		 * @param saltLength the length in bytes
		 * @return this builder
		 */
		public Builder saltLength(int saltLength) {
			this.saltLength = saltLength;
			return this;
		}

		/**
		 * The hash length of new records; defaults to the PRF's output length.
		 * @param hashLength the length in bytes
		 * @return this builder
		 */
		public Builder hashLength(int hashLength) {
			this.hashLength = hashLength;
			return this;
		}

		/**
		 * The normalisation of new records.
		 * @param normalization the normalisation
		 * @return this builder
		 */
		public Builder normalization(PasswordNormalization normalization) {
			this.normalization = normalization;
			return this;
		}

		/**
		 * The longest password accepted, in characters.
		 * @param maxLength the maximum length
		 * @return this builder
		 */
		public Builder maxLength(int maxLength) {
			this.maxLength = maxLength;
			return this;
		}

		/**
		 * The highest iteration count a stored record may ask for; defaults to the larger of ten
		 * times the iteration count and {@value #DEFAULT_MAX_ITERATIONS_FLOOR}.
		 * @param maxIterations the cap
		 * @return this builder
		 */
		public Builder maxIterations(int maxIterations) {
			this.maxIterations = maxIterations;
			return this;
		}

		/**
		 * Whether to accept parameters below the safe floors (tests and legacy imports only).
		 * @param allow whether weak parameters are allowed
		 * @return this builder
		 */
		public Builder allowWeakParameters(boolean allow) {
			this.allowWeakParameters = allow;
			return this;
		}

		/**
		 * The peppers.
		 * @param peppers the pepper ring
		 * @return this builder
		 */
		public Builder peppers(PepperRing peppers) {
			this.peppers = peppers;
			return this;
		}

		/**
		 * The envelope protector of new records (also used to verify records of its scheme).
		 * @param protector the protector
		 * @return this builder
		 */
		public Builder protector(SecretProtector protector) {
			this.protector = protector;
			return this;
		}

		/**
		 * An additional protector, used only to verify records of its scheme written before the
		 * current protector was chosen.
		 * @param protector the protector
		 * @return this builder
		 */
		public Builder verifyOnlyProtector(SecretProtector protector) {
			this.verifyOnlyProtectors.put(protector.scheme(), protector);
			return this;
		}

		/**
		 * The source of salts; defaults to one shared {@link SecureRandom}.
		 * @param random the random source
		 * @return this builder
		 */
		public Builder secureRandom(SecureRandom random) {
			this.random = random;
			return this;
		}

		/**
		 * The PBKDF2 engine; defaults to {@link Pbkdf2Engine#java()}. All engines give the same
		 * bytes, so records written with one verify with any other. See
		 * {@link io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engines#openSsl}.
		 * @param engine the engine
		 * @return this builder
		 */
		public Builder engine(Pbkdf2Engine engine) {
			this.engine = engine;
			return this;
		}

		/**
		 * Validates the settings and builds the encoder.
		 * @return the encoder
		 * @throws InvalidEncoderSettingException naming the first invalid setting
		 */
		public Pbkdf2DpapiPasswordEncoder build() {
			if (this.prf == null) {
				throw invalid("algorithm", "no PRF is set", "Set pbkdf2-dpapi.password.algorithm to sha256 or sha512.");
			}
			if (this.prf == Pbkdf2Prf.HMAC_SHA1) {
				throw invalid("algorithm", "HMAC-SHA1 only verifies legacy hashes",
						"Set pbkdf2-dpapi.password.algorithm to sha256 or sha512.");
			}
			this.iterations = (this.explicitIterations != null) ? this.explicitIterations
					: (this.prf == Pbkdf2Prf.HMAC_SHA512) ? DEFAULT_ITERATIONS_SHA512 : DEFAULT_ITERATIONS;
			if (this.iterations < 1) {
				throw invalid("iterations", "must be at least 1, was " + this.iterations,
						"Set pbkdf2-dpapi.password.iterations to " + DEFAULT_ITERATIONS + " or more.");
			}
			int floor = (this.prf == Pbkdf2Prf.HMAC_SHA512) ? MIN_ITERATIONS_SHA512 : MIN_ITERATIONS_SHA256;
			if (this.iterations < floor && !this.allowWeakParameters) {
				throw invalid("iterations",
						this.iterations + " is below the floor of " + floor + " for " + this.prf.id(),
						"Set pbkdf2-dpapi.password.iterations to at least " + floor + " (OWASP recommends "
								+ ((this.prf == Pbkdf2Prf.HMAC_SHA512) ? DEFAULT_ITERATIONS_SHA512 : DEFAULT_ITERATIONS)
								+ "), or set pbkdf2-dpapi.password.allow-weak-parameters=true for tests only.");
			}
			if (this.saltLength < (this.allowWeakParameters ? MIN_RECORD_SALT_LENGTH : DEFAULT_SALT_LENGTH)
					|| this.saltLength > MAX_RECORD_SALT_LENGTH) {
				throw invalid("salt-length", "must be between " + DEFAULT_SALT_LENGTH + " and "
						+ MAX_RECORD_SALT_LENGTH + " bytes, was " + this.saltLength,
						"Set pbkdf2-dpapi.password.salt-length to " + DEFAULT_SALT_LENGTH + " or more.");
			}
			int hash = (this.hashLength != null) ? this.hashLength : this.prf.hashLength();
			int minHash = this.allowWeakParameters ? MIN_RECORD_HASH_LENGTH : this.prf.hashLength();
			if (hash < minHash || hash > MAX_RECORD_HASH_LENGTH) {
				throw invalid("hash-length", "must be between " + minHash + " and " + MAX_RECORD_HASH_LENGTH
						+ " bytes for " + this.prf.id() + ", was " + hash,
						"Set pbkdf2-dpapi.password.hash-length to " + this.prf.hashLength() + " (the PRF's output length).");
			}
			if (this.normalization == null) {
				throw invalid("normalization", "no normalisation is set",
						"Set pbkdf2-dpapi.password.normalization to nfkc, nfc or none.");
			}
			if (this.maxLength < 8 || this.maxLength > 65_536) {
				throw invalid("max-length", "must be between 8 and 65536 characters, was " + this.maxLength,
						"Set pbkdf2-dpapi.password.max-length to " + DEFAULT_MAX_LENGTH + ".");
			}
			if (this.maxIterations != null && this.maxIterations < this.iterations) {
				throw invalid("max-iterations",
						this.maxIterations + " is below the iteration count " + this.iterations,
						"Set pbkdf2-dpapi.password.max-iterations above pbkdf2-dpapi.password.iterations or remove it.");
			}
			if (this.peppers == null || this.protector == null || this.random == null || this.engine == null) {
				throw new IllegalArgumentException("peppers, protector, secureRandom and engine must not be null");
			}
			return new Pbkdf2DpapiPasswordEncoder(this);
		}

		private static InvalidEncoderSettingException invalid(String setting, String reason, String action) {
			return new InvalidEncoderSettingException(setting, reason, action);
		}

	}

}
