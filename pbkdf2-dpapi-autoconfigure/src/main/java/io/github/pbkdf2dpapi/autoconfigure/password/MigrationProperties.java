package io.github.pbkdf2dpapi.autoconfigure.password;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.pbkdf2dpapi.legacy.BoundedBCryptPasswordEncoder;
import io.github.pbkdf2dpapi.legacy.LegacyOptions;
import io.github.pbkdf2dpapi.legacy.SaltHashPasswordEncoder;

/**
 * Configuration properties for verifying legacy hashes (MD5, SHA, ASP.NET Identity, the
 * article's {@code salt:hash}) until they are upgraded at login or migrated.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.migration")
public class MigrationProperties {

	/**
	 * Format of stored values that carry no {id} prefix, e.g. md5-hex, sha1-hex, sha256-base64,
	 * md5-salt-after, aspnet, pbkdf2-salt-hash, bcrypt. Unset: such values never match.
	 */
	private String unprefixedFormat;

	/**
	 * Highest work factor (iterations times output blocks) a legacy PBKDF2 record may ask for;
	 * above it the record is refused without hashing.
	 */
	private int maxIterations = LegacyOptions.DEFAULT_MAX_ITERATIONS;

	/**
	 * Highest bcrypt cost accepted; above it the record is refused without hashing.
	 */
	private int maxBcryptCost = BoundedBCryptPasswordEncoder.DEFAULT_MAX_COST;

	/**
	 * Whether verifying a fast legacy hash costs as much as a current verification, so that
	 * timing does not reveal which accounts still use an old format.
	 */
	private boolean equalizeTiming = true;

	private final SaltHash saltHash = new SaltHash();

	public String getUnprefixedFormat() {
		return this.unprefixedFormat;
	}

	public void setUnprefixedFormat(String unprefixedFormat) {
		this.unprefixedFormat = unprefixedFormat;
	}

	public int getMaxIterations() {
		return this.maxIterations;
	}

	public void setMaxIterations(int maxIterations) {
		this.maxIterations = maxIterations;
	}

	public int getMaxBcryptCost() {
		return this.maxBcryptCost;
	}

	public void setMaxBcryptCost(int maxBcryptCost) {
		this.maxBcryptCost = maxBcryptCost;
	}

	public boolean isEqualizeTiming() {
		return this.equalizeTiming;
	}

	public void setEqualizeTiming(boolean equalizeTiming) {
		this.equalizeTiming = equalizeTiming;
	}

	public SaltHash getSaltHash() {
		return this.saltHash;
	}

	LegacyOptions toOptions() {
		try {
			return new LegacyOptions(this.unprefixedFormat, this.maxIterations, this.maxBcryptCost,
					this.saltHash.getIterations(), this.saltHash.isTrimAndNormalize(), this.equalizeTiming);
		}
		catch (IllegalArgumentException ex) {
			String message = ex.getMessage();
			String property = message.contains("unprefixed-format") ? "pbkdf2-dpapi.migration.unprefixed-format"
					: message.contains("max-bcrypt-cost") ? "pbkdf2-dpapi.migration.max-bcrypt-cost"
							: message.contains("salt-hash") ? "pbkdf2-dpapi.migration.salt-hash.iterations"
									: "pbkdf2-dpapi.migration.max-iterations";
			throw new InvalidPbkdf2DpapiPropertyException(property, message,
					"Change " + property + " as the reason says (see docs/MIGRATION.md).");
		}
	}

	/**
	 * Settings of the article's {@code salt:hash} format ({pbkdf2-salt-hash}).
	 */
	public static class SaltHash {

		/**
		 * PBKDF2-HMAC-SHA256 iteration count the legacy application used.
		 */
		private int iterations = SaltHashPasswordEncoder.DEFAULT_ITERATIONS;

		/**
		 * Whether the legacy application trimmed and NFC-normalised passwords, as the article does.
		 */
		private boolean trimAndNormalize = true;

		public int getIterations() {
			return this.iterations;
		}

		public void setIterations(int iterations) {
			this.iterations = iterations;
		}

		public boolean isTrimAndNormalize() {
			return this.trimAndNormalize;
		}

		public void setTrimAndNormalize(boolean trimAndNormalize) {
			this.trimAndNormalize = trimAndNormalize;
		}

	}

}
