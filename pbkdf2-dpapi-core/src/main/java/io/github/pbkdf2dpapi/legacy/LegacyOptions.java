package io.github.pbkdf2dpapi.legacy;

/**
 * Settings for verifying legacy hashes, as bound from {@code pbkdf2-dpapi.migration.*}.
 *
 * @param unprefixedFormat the format of stored values without a {@code {id}} prefix
 * ({@code unprefixed-format}): a digest format such as {@code md5}, {@code md5-hex},
 * {@code sha1-salt-after}, or {@code aspnet}, {@code pbkdf2-salt-hash}, {@code bcrypt},
 * {@code MD5}, {@code SHA-1}, {@code SHA-256}, {@code noop}; {@code null} when every value has a
 * prefix (unprefixed values then never match)
 * @param maxIterations the highest work factor (iterations times output blocks) a legacy PBKDF2
 * record may ask for ({@code max-iterations}, default {@value #DEFAULT_MAX_ITERATIONS})
 * @param maxBcryptCost the highest bcrypt cost accepted ({@code max-bcrypt-cost}, default
 * {@value BoundedBCryptPasswordEncoder#DEFAULT_MAX_COST})
 * @param saltHashIterations the iteration count of {@code {pbkdf2-salt-hash}} values
 * ({@code salt-hash.iterations}, default {@value SaltHashPasswordEncoder#DEFAULT_ITERATIONS})
 * @param saltHashTrimAndNormalize whether {@code {pbkdf2-salt-hash}} passwords were trimmed and
 * NFC-normalised, as in the article ({@code salt-hash.trim-and-normalize}, default {@code true})
 * @param equalizeTiming whether legacy verifications spend the cost of a current one
 * ({@code equalize-timing}, default {@code true})
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record LegacyOptions(String unprefixedFormat, int maxIterations, int maxBcryptCost, int saltHashIterations,
		boolean saltHashTrimAndNormalize, boolean equalizeTiming) {

	/** Default cap on the work factor of a legacy PBKDF2 record (ten times ASP.NET's current default). */
	public static final int DEFAULT_MAX_ITERATIONS = 1_000_000;

	/**
	 * Validates the options.
	 * @param unprefixedFormat the format of values without prefix, or {@code null}
	 * @param maxIterations the work-factor cap
	 * @param maxBcryptCost the bcrypt cost cap
	 * @param saltHashIterations the iteration count of {@code salt:hash} values
	 * @param saltHashTrimAndNormalize whether {@code salt:hash} passwords were trimmed and normalised
	 * @param equalizeTiming whether to equalise timing
	 */
	public LegacyOptions {
		if (unprefixedFormat != null && unprefixedFormat.isBlank()) {
			unprefixedFormat = null;
		}
		if (unprefixedFormat != null && !LegacyPasswordEncoders.isKnownFormat(unprefixedFormat)) {
			throw new IllegalArgumentException("Unknown pbkdf2-dpapi.migration.unprefixed-format '" + unprefixedFormat
					+ "'; expected md5, sha1, sha256, sha512 (optionally -hex, -base64, -salt-before, -salt-after), aspnet, "
					+ "pbkdf2-salt-hash, bcrypt, MD5, SHA-1, SHA-256 or noop");
		}
		if (maxIterations < 2_000) {
			throw new IllegalArgumentException("pbkdf2-dpapi.migration.max-iterations must be at least 2000, was "
					+ maxIterations);
		}
		if (maxBcryptCost < 4 || maxBcryptCost > 31) {
			throw new IllegalArgumentException("pbkdf2-dpapi.migration.max-bcrypt-cost must be between 4 and 31, was "
					+ maxBcryptCost);
		}
		if (saltHashIterations < 1) {
			throw new IllegalArgumentException("pbkdf2-dpapi.migration.salt-hash.iterations must be at least 1, was "
					+ saltHashIterations);
		}
	}

	/**
	 * The defaults: no unprefixed format, caps {@value #DEFAULT_MAX_ITERATIONS} and
	 * {@value BoundedBCryptPasswordEncoder#DEFAULT_MAX_COST}, the article's
	 * {@code salt:hash} settings, timing equalised.
	 * @return the default options
	 */
	public static LegacyOptions defaults() {
		return new LegacyOptions(null, DEFAULT_MAX_ITERATIONS, BoundedBCryptPasswordEncoder.DEFAULT_MAX_COST,
				SaltHashPasswordEncoder.DEFAULT_ITERATIONS, true, true);
	}

	/**
	 * A copy with another unprefixed format.
	 * @param format the format, or {@code null}
	 * @return the new options
	 */
	public LegacyOptions withUnprefixedFormat(String format) {
		return new LegacyOptions(format, this.maxIterations, this.maxBcryptCost, this.saltHashIterations,
				this.saltHashTrimAndNormalize, this.equalizeTiming);
	}

	/**
	 * A copy with another work-factor cap.
	 * @param cap the cap
	 * @return the new options
	 */
	public LegacyOptions withMaxIterations(int cap) {
		return new LegacyOptions(this.unprefixedFormat, cap, this.maxBcryptCost, this.saltHashIterations,
				this.saltHashTrimAndNormalize, this.equalizeTiming);
	}

	/**
	 * A copy with another bcrypt cost cap.
	 * @param cap the cap
	 * @return the new options
	 */
	public LegacyOptions withMaxBcryptCost(int cap) {
		return new LegacyOptions(this.unprefixedFormat, this.maxIterations, cap, this.saltHashIterations,
				this.saltHashTrimAndNormalize, this.equalizeTiming);
	}

	/**
	 * A copy with other {@code salt:hash} settings.
	 * @param iterations the iteration count
	 * @param trimAndNormalize whether passwords were trimmed and NFC-normalised
	 * @return the new options
	 */
	public LegacyOptions withSaltHash(int iterations, boolean trimAndNormalize) {
		return new LegacyOptions(this.unprefixedFormat, this.maxIterations, this.maxBcryptCost, iterations,
				trimAndNormalize, this.equalizeTiming);
	}

	/**
	 * A copy with timing equalisation on or off.
	 * @param equalize whether to equalise
	 * @return the new options
	 */
	public LegacyOptions withEqualizeTiming(boolean equalize) {
		return new LegacyOptions(this.unprefixedFormat, this.maxIterations, this.maxBcryptCost,
				this.saltHashIterations, this.saltHashTrimAndNormalize, equalize);
	}

}
