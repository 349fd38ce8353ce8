package io.github.pbkdf2dpapi.autoconfigure.password;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.pbkdf2dpapi.password.PasswordNormalization;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * Configuration properties for the pbkdf2-dpapi password encoder.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.password")
public class Pbkdf2DpapiPasswordProperties {

	/**
	 * Whether to auto-configure the pbkdf2-dpapi PasswordEncoder.
	 */
	private boolean enabled = true;

	/**
	 * PBKDF2 pseudo-random function of new records.
	 */
	private Algorithm algorithm = Algorithm.SHA256;

	/**
	 * PBKDF2 iteration count of new records. Defaults to 600000 for sha256 and 210000 for sha512
	 * (OWASP 2023).
	 */
	private Integer iterations;

	/**
	 * Salt length of new records, in bytes.
	 */
	private int saltLength = 16;

	/**
	 * Hash length of new records, in bytes. Defaults to the PRF's output length (32 for sha256, 64
	 * for sha512).
	 */
	private Integer hashLength;

	/**
	 * Unicode normalisation applied to passwords before hashing. Passwords are never trimmed.
	 */
	private PasswordNormalization normalization = PasswordNormalization.NFKC;

	/**
	 * Longest password accepted, in characters. Longer passwords fail without any hashing work.
	 */
	private int maxLength = 1024;

	/**
	 * Highest iteration count a stored record may ask for; records above it are rejected without
	 * hashing. Defaults to the larger of 10 times the iteration count and 5000000.
	 */
	private Integer maxIterations;

	/**
	 * Whether to accept parameters below the safe floors (iterations below 100000 for sha256,
	 * short salts or hashes). For tests only.
	 */
	private boolean allowWeakParameters;

	/**
	 * Target time of one hash. When set, the iteration count is chosen at start-up by timing this
	 * machine, never below 'iterations' (or its default), and the choice is logged.
	 */
	private Duration calibrateTo;

	/**
	 * PBKDF2 engine: 'java' (pure Java) or 'openssl' (OpenSSL's SHA-2 block functions through the
	 * FFM API; needs Java 22+, --enable-native-access=ALL-UNNAMED and libcrypto 3, and falls back to
	 * 'java' with a start-up warning otherwise). Both give the same hashes.
	 */
	private Engine engine = Engine.JAVA;

	/**
	 * Path of the libcrypto for the 'openssl' engine. When not set, libcrypto.so.3, libcrypto.so,
	 * libcrypto.3.dylib or libcrypto-3-x64.dll is searched on the system library path.
	 */
	private Path engineLibrary;

	private final Pepper pepper = new Pepper();

	private final Budget budget = new Budget();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Algorithm getAlgorithm() {
		return this.algorithm;
	}

	public void setAlgorithm(Algorithm algorithm) {
		this.algorithm = algorithm;
	}

	public Integer getIterations() {
		return this.iterations;
	}

	public void setIterations(Integer iterations) {
		this.iterations = iterations;
	}

	public int getSaltLength() {
		return this.saltLength;
	}

	public void setSaltLength(int saltLength) {
		this.saltLength = saltLength;
	}

	public Integer getHashLength() {
		return this.hashLength;
	}

	public void setHashLength(Integer hashLength) {
		this.hashLength = hashLength;
	}

	public PasswordNormalization getNormalization() {
		return this.normalization;
	}

	public void setNormalization(PasswordNormalization normalization) {
		this.normalization = normalization;
	}

	public int getMaxLength() {
		return this.maxLength;
	}

	public void setMaxLength(int maxLength) {
		this.maxLength = maxLength;
	}

	public Integer getMaxIterations() {
		return this.maxIterations;
	}

	public void setMaxIterations(Integer maxIterations) {
		this.maxIterations = maxIterations;
	}

	public boolean isAllowWeakParameters() {
		return this.allowWeakParameters;
	}

	public void setAllowWeakParameters(boolean allowWeakParameters) {
		this.allowWeakParameters = allowWeakParameters;
	}

	public Duration getCalibrateTo() {
		return this.calibrateTo;
	}

	public void setCalibrateTo(Duration calibrateTo) {
		this.calibrateTo = calibrateTo;
	}

	public Engine getEngine() {
		return this.engine;
	}

	public void setEngine(Engine engine) {
		this.engine = engine;
	}

	public Path getEngineLibrary() {
		return this.engineLibrary;
	}

	public void setEngineLibrary(Path engineLibrary) {
		this.engineLibrary = engineLibrary;
	}

	public Pepper getPepper() {
		return this.pepper;
	}

	public Budget getBudget() {
		return this.budget;
	}

	/**
	 * PBKDF2 pseudo-random functions for new records.
	 */
	public enum Algorithm {

		/** HMAC-SHA256. */
		SHA256(Pbkdf2Prf.HMAC_SHA256),

		/** HMAC-SHA512. */
		SHA512(Pbkdf2Prf.HMAC_SHA512);

		private final Pbkdf2Prf prf;

		Algorithm(Pbkdf2Prf prf) {
			this.prf = prf;
		}

		Pbkdf2Prf prf() {
			return this.prf;
		}

	}

	/**
	 * PBKDF2 engines.
	 */
	public enum Engine {

		/** The pure-Java engine. */
		JAVA,

		/** OpenSSL's SHA-2 block functions through the FFM API (Java 22+). */
		OPENSSL

	}

	/**
	 * The time budget of one hash, checked at start-up.
	 */
	public static class Budget {

		/**
		 * Whether to time one hash at start-up and warn when it falls outside the budget.
		 */
		private boolean check = true;

		/**
		 * Shortest acceptable time of one hash; faster hashes are faster to attack too.
		 */
		private Duration min = Duration.ofMillis(100);

		/**
		 * Longest acceptable time of one hash; slower hashes make a login flood exhaust the CPU.
		 */
		private Duration max = Duration.ofMillis(500);

		public boolean isCheck() {
			return this.check;
		}

		public void setCheck(boolean check) {
			this.check = check;
		}

		public Duration getMin() {
			return this.min;
		}

		public void setMin(Duration min) {
			this.min = min;
		}

		public Duration getMax() {
			return this.max;
		}

		public void setMax(Duration max) {
			this.max = max;
		}

	}

	/**
	 * Pepper settings.
	 */
	public static class Pepper {

		/**
		 * Id of the pepper used for new records; must be one of the ids under 'secrets'.
		 */
		private String current;

		/**
		 * Peppers by id, each the Base64 encoding of at least 32 random bytes. Store them as
		 * ENC(...) values, environment variables or credential files, never as plain text.
		 */
		private Map<String, String> secrets = new LinkedHashMap<>();

		public String getCurrent() {
			return this.current;
		}

		public void setCurrent(String current) {
			this.current = current;
		}

		public Map<String, String> getSecrets() {
			return this.secrets;
		}

		public void setSecrets(Map<String, String> secrets) {
			this.secrets = secrets;
		}

	}

}
