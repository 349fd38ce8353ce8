package io.github.pbkdf2dpapi.legacy;

import java.util.HashMap;
import java.util.Map;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

/**
 * Decides, for one stored value, what the bulk migration does with it, and produces the wrapped
 * value. Shared by {@code JdbcHashMigrator} and anything else that migrates hashes in bulk.
 *
 * <ul>
 * <li>{@code {pbkdf2-dpapi}}: {@link Kind#CURRENT}, left alone.</li>
 * <li>{@code {pbkdf2-dpapi-wrap:...}}: {@link Kind#ALREADY_WRAPPED}, left alone (this is what
 * makes a re-run resume where a crashed run stopped).</li>
 * <li>Message digests, prefixed ({@code {md5}}, {@code {sha1-salt-after}}, Spring Security's
 * {@code {MD5}}, {@code {SHA-1}}, {@code {SHA-256}}) or unprefixed with a digest
 * {@code unprefixedFormat}: {@link Kind#WRAPPABLE}. A salted format takes its salt from the
 * salt column when one is given, otherwise from the value ({@code <salt>$<digest>}).</li>
 * <li>{@code {noop}} plain text: {@link Kind#REHASHABLE}, hashed straight to {@code {pbkdf2-dpapi}}.</li>
 * <li>Anything else ({@code aspnet}, {@code bcrypt}, ...): {@link Kind#NOT_WRAPPABLE}: verified and
 * upgraded at login.</li>
 * </ul>
 *
 * <p>
 * Thread-safe; {@link #wrap(Plan)} may be called from several threads.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class LegacyHashWrapper {

	private static final String CURRENT_PREFIX = "{" + Pbkdf2DpapiPasswordEncoder.ID + "}";

	private final Pbkdf2DpapiPasswordEncoder current;

	private final String unprefixedFormat;

	private final Map<String, WrappingPasswordEncoder> wrappers = new HashMap<>();

	private final Map<String, DigestPasswordEncoder> parsers = new HashMap<>();

	/**
	 * Create a wrapper.
	 * @param current the encoder of the inner records
	 * @param unprefixedFormat the format of values without prefix, or {@code null}
	 */
	public LegacyHashWrapper(Pbkdf2DpapiPasswordEncoder current, String unprefixedFormat) {
		if (current == null) {
			throw new IllegalArgumentException("'current' must not be null");
		}
		if (unprefixedFormat != null && !LegacyPasswordEncoders.isKnownFormat(unprefixedFormat)) {
			throw new IllegalArgumentException("Unknown unprefixed format '" + unprefixedFormat + "'");
		}
		this.current = current;
		this.unprefixedFormat = (unprefixedFormat != null) ? LegacyPasswordEncoders.canonicalFormat(unprefixedFormat)
				: null;
		for (LegacyDigest digest : LegacyDigest.values()) {
			for (SaltPosition position : SaltPosition.values()) {
				DigestFormat format = new DigestFormat(digest, position);
				this.wrappers.put(format.name(),
						new WrappingPasswordEncoder(format, current, VerificationCostEqualizer.none()));
				this.parsers.put(format.name(), new DigestPasswordEncoder(format, VerificationCostEqualizer.none()));
			}
		}
		this.parsers.put("MD5", DigestPasswordEncoder.springSecurity(LegacyDigest.MD5, VerificationCostEqualizer.none()));
		this.parsers.put("SHA-1",
				DigestPasswordEncoder.springSecurity(LegacyDigest.SHA1, VerificationCostEqualizer.none()));
		this.parsers.put("SHA-256",
				DigestPasswordEncoder.springSecurity(LegacyDigest.SHA256, VerificationCostEqualizer.none()));
	}

	/**
	 * Classifies a stored value without hashing anything.
	 * @param stored the stored value
	 * @param saltColumn the value of a separate salt column, or {@code null}
	 * @return the plan
	 */
	public Plan plan(String stored, String saltColumn) {
		String format = LegacyPasswordEncoders.formatOf(stored, this.unprefixedFormat);
		if (LegacyPasswordEncoders.EMPTY.equals(format)) {
			return new Plan(Kind.EMPTY, format, null, null, null);
		}
		boolean prefixed = stored.startsWith("{" + format + "}");
		String body = prefixed ? stored.substring(format.length() + 2) : stored;
		if (Pbkdf2DpapiPasswordEncoder.ID.equals(format)) {
			return new Plan(Kind.CURRENT, format, null, null, null);
		}
		if (format.startsWith(WrappingPasswordEncoder.ID_PREFIX)) {
			return new Plan(Kind.ALREADY_WRAPPED, format, null, null, null);
		}
		if ("noop".equals(format)) {
			return new Plan(Kind.REHASHABLE, format, null, body, null);
		}
		DigestPasswordEncoder parser = this.parsers.get(format);
		if (parser == null) {
			return new Plan(Kind.NOT_WRAPPABLE, format, null, null, null);
		}
		DigestFormat digestFormat = parser.getFormat();
		DigestPasswordEncoder.Parsed parsed;
		if (!prefixed && digestFormat.salted() && saltColumn != null && !"MD5".equals(format)
				&& !format.startsWith("SHA-")) {
			byte[] digest = digestFormat.digest().decode(body);
			parsed = (digest != null) ? new DigestPasswordEncoder.Parsed(saltColumn, digest) : null;
		}
		else {
			parsed = parser.parse(body, false);
		}
		if (parsed == null) {
			return new Plan(Kind.MALFORMED, format, null, null, null);
		}
		boolean salted = parsed.salt != null && !parsed.salt.isEmpty();
		WrappingPasswordEncoder wrapper = this.wrappers
			.get(new DigestFormat(digestFormat.digest(), salted ? digestFormat.saltPosition() : SaltPosition.NONE)
				.name());
		return new Plan(Kind.WRAPPABLE, format, wrapper, parsed.salt, parsed.digest);
	}

	/**
	 * Produces the new stored value for a {@link Kind#WRAPPABLE} or {@link Kind#REHASHABLE} plan.
	 * Costs one encode with the current settings.
	 * @param plan the plan
	 * @return the value to store, with its {@code {id}} prefix
	 * @throws IllegalArgumentException if the plan is of another kind, or the current encoder
	 * refuses the input
	 */
	public String wrap(Plan plan) {
		if (plan.kind == Kind.WRAPPABLE) {
			return plan.wrapper.wrap(plan.digest, plan.salt);
		}
		if (plan.kind == Kind.REHASHABLE) {
			return CURRENT_PREFIX + this.current.encode(plan.salt);
		}
		throw new IllegalArgumentException("A " + plan.kind + " value is not wrapped");
	}

	/**
	 * What the migration does with a value.
	 */
	public enum Kind {

		/** A legacy digest, wrapped. */
		WRAPPABLE,

		/** Plain text ({@code {noop}}), hashed to {@code {pbkdf2-dpapi}}. */
		REHASHABLE,

		/** Already wrapped: skipped. */
		ALREADY_WRAPPED,

		/** Already {@code {pbkdf2-dpapi}}: skipped. */
		CURRENT,

		/** A format that can only be upgraded at login: skipped. */
		NOT_WRAPPABLE,

		/** A value that does not parse as its format: skipped. */
		MALFORMED,

		/** {@code null} or empty: skipped. */
		EMPTY

	}

	/**
	 * The decision for one value. Its {@link #toString()} shows the kind and format only.
	 */
	public static final class Plan {

		private final Kind kind;

		private final String format;

		private final WrappingPasswordEncoder wrapper;

		private final String salt;

		private final byte[] digest;

		Plan(Kind kind, String format, WrappingPasswordEncoder wrapper, String salt, byte[] digest) {
			this.kind = kind;
			this.format = format;
			this.wrapper = wrapper;
			this.salt = salt;
			this.digest = digest;
		}

		/**
		 * What is done.
		 * @return the kind
		 */
		public Kind kind() {
			return this.kind;
		}

		/**
		 * The format of the stored value (see {@link LegacyPasswordEncoders#formatOf}).
		 * @return the format
		 */
		public String format() {
			return this.format;
		}

		@Override
		public String toString() {
			return "Plan[" + this.kind + ", " + this.format + "]";
		}

	}

}
