package io.github.pbkdf2dpapi.autoconfigure.password;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
	private static final Pattern PROPERTY = Pattern.compile("pbkdf2-dpapi\\.migration\\.[a-z.-]*[a-z]");

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

	private final Jdbc jdbc = new Jdbc();

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

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	LegacyOptions toOptions() {
		try {
			return new LegacyOptions(this.unprefixedFormat, this.maxIterations, this.maxBcryptCost,
					this.saltHash.getIterations(), this.saltHash.isTrimAndNormalize(), this.equalizeTiming);
		}
		catch (IllegalArgumentException ex) {
			// LegacyOptions names the offending property in every message.
			String message = ex.getMessage();
			Matcher named = PROPERTY.matcher(message);
			String property = named.find() ? named.group() : "pbkdf2-dpapi.migration";
			throw new InvalidPbkdf2DpapiPropertyException(property, message,
					"Change " + property + " as the reason says (see docs/MIGRATION.md).");
		}
	}

	/**
	 * The user table in which passwords upgraded at login are stored.
	 */
	public static class Jdbc {

		/**
		 * Whether to store passwords upgraded at login in the table below (a
		 * UserDetailsPasswordService bean).
		 */
		private boolean enabled;

		/**
		 * Table of the users.
		 */
		private String table = "users";

		/**
		 * Column of the username.
		 */
		private String usernameColumn = "username";

		/**
		 * Column of the stored password.
		 */
		private String passwordColumn = "password";

		/**
		 * Whether the update only applies when the stored value is still the one that was
		 * verified, so a password changed meanwhile is kept.
		 */
		private boolean compareAndSet = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public String getUsernameColumn() {
			return this.usernameColumn;
		}

		public void setUsernameColumn(String usernameColumn) {
			this.usernameColumn = usernameColumn;
		}

		public String getPasswordColumn() {
			return this.passwordColumn;
		}

		public void setPasswordColumn(String passwordColumn) {
			this.passwordColumn = passwordColumn;
		}

		public boolean isCompareAndSet() {
			return this.compareAndSet;
		}

		public void setCompareAndSet(boolean compareAndSet) {
			this.compareAndSet = compareAndSet;
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
