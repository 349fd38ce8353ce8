package io.github.pbkdf2dpapi.legacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoders;

/**
 * Factories for the legacy encoders of a {@link DelegatingPasswordEncoder}: everything needed to
 * verify old hashes, upgrade them at the next login, and verify records wrapped by the bulk
 * migration.
 *
 * <h2>Ids</h2>
 * <table>
 * <caption>Ids registered by {@link #all}</caption>
 * <tr><th>id</th><th>verifies</th></tr>
 * <tr><td>{@code aspnet}</td><td>ASP.NET Core Identity V2 and V3 ({@link AspNetIdentityPasswordEncoder})</td></tr>
 * <tr><td>{@code pbkdf2-salt-hash}</td><td>the article's {@code salt:hash} ({@link SaltHashPasswordEncoder})</td></tr>
 * <tr><td>{@code md5}, {@code sha1}, {@code sha256}, {@code sha512}, each also with
 * {@code -salt-before} and {@code -salt-after}</td><td>message digests, hex or Base64
 * ({@link DigestPasswordEncoder})</td></tr>
 * <tr><td>{@code MD5}, {@code SHA-1}, {@code SHA-256}</td><td>Spring Security's
 * {@code MessageDigestPasswordEncoder} values, kept as they are</td></tr>
 * <tr><td>{@code pbkdf2-dpapi-wrap:<digest format>}</td><td>wrapped digests
 * ({@link WrappingPasswordEncoder})</td></tr>
 * <tr><td>{@code bcrypt}</td><td>bcrypt with a cost cap ({@link BoundedBCryptPasswordEncoder})</td></tr>
 * <tr><td>{@code noop}</td><td>plain text, with equalised timing</td></tr>
 * </table>
 * Values without a prefix go to the encoder named by {@link LegacyOptions#unprefixedFormat()},
 * which {@link #createDelegatingPasswordEncoder} sets as the default for matches.
 *
 * <p>
 * Every fast path spends the cost of a current verification (see
 * {@link VerificationCostEqualizer}) unless {@link LegacyOptions#equalizeTiming()} is off.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class LegacyPasswordEncoders {

	/** What {@link #formatOf} answers for a {@code null} or empty value. */
	public static final String EMPTY = "empty";

	/** What {@link #formatOf} answers for a value without prefix when no format is configured. */
	public static final String UNPREFIXED = "unprefixed";

	/** The format reported for an {@code {id}} prefix that names no known format. */
	public static final String OTHER = "other";

	/** Spring Security's ids (see {@code PasswordEncoderFactories}) and ours. */
	private static final Set<String> KNOWN_PREFIXES = Set.of(Pbkdf2DpapiPasswordEncoder.ID, "bcrypt", "ldap", "MD4",
			"MD5", "noop", "pbkdf2", "pbkdf2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8", "SHA-1",
			"SHA-256", "sha256", "argon2", "argon2@SpringSecurity_v5_8");

	private static final Set<String> OTHER_IDS = Set.of(AspNetIdentityPasswordEncoder.ID, SaltHashPasswordEncoder.ID,
			"bcrypt", "noop", "MD5", "SHA-1", "SHA-256");

	private static final Log logger = LogFactory.getLog(LegacyPasswordEncoders.class);

	private LegacyPasswordEncoders() {
	}

	/**
	 * The legacy encoders by id, to add to a {@link DelegatingPasswordEncoder} (see
	 * {@link Pbkdf2DpapiPasswordEncoders#createDelegatingPasswordEncoder(Pbkdf2DpapiPasswordEncoder, Map)}).
	 * @param current the encoder of new passwords
	 * @param options the legacy options
	 * @return a new mutable map, in a stable order
	 */
	public static Map<String, PasswordEncoder> all(Pbkdf2DpapiPasswordEncoder current, LegacyOptions options) {
		return all(current, options, equalizer(current, options));
	}

	/**
	 * The encoder for values without prefix, to pass to
	 * {@link DelegatingPasswordEncoder#setDefaultPasswordEncoderForMatches(PasswordEncoder)}. With no
	 * {@link LegacyOptions#unprefixedFormat()} it never matches and logs why, instead of throwing
	 * as Spring Security's default does.
	 * @param current the encoder of new passwords
	 * @param options the legacy options
	 * @return the encoder
	 */
	public static PasswordEncoder unprefixedDefault(Pbkdf2DpapiPasswordEncoder current, LegacyOptions options) {
		VerificationCostEqualizer equalizer = equalizer(current, options);
		return unprefixedDefault(all(current, options, equalizer), options, equalizer);
	}

	/**
	 * A {@link DelegatingPasswordEncoder} that encodes with {@code current} under
	 * {@value Pbkdf2DpapiPasswordEncoder#ID}, verifies Spring Security's standard encoders and all
	 * legacy formats, and sends values without prefix to the configured unprefixed format.
	 * @param current the encoder of new passwords
	 * @param options the legacy options
	 * @return the delegating encoder
	 */
	public static DelegatingPasswordEncoder createDelegatingPasswordEncoder(Pbkdf2DpapiPasswordEncoder current,
			LegacyOptions options) {
		VerificationCostEqualizer equalizer = equalizer(current, options);
		Map<String, PasswordEncoder> encoders = all(current, options, equalizer);
		DelegatingPasswordEncoder delegating = Pbkdf2DpapiPasswordEncoders.createDelegatingPasswordEncoder(current,
				encoders);
		delegating.setDefaultPasswordEncoderForMatches(unprefixedDefault(encoders, options, equalizer));
		return delegating;
	}

	/**
	 * Whether a name is a format that {@link LegacyOptions#unprefixedFormat()} accepts.
	 * @param name the name
	 * @return whether it is known
	 */
	public static boolean isKnownFormat(String name) {
		return name != null && (OTHER_IDS.contains(name) || DigestFormat.isDigestFormat(name));
	}

	/**
	 * The canonical id of a format name: digest aliases such as {@code md5-hex} become
	 * {@code md5}; other ids are returned as they are.
	 * @param name a known format name
	 * @return the id under which {@link #all} registers its encoder
	 */
	public static String canonicalFormat(String name) {
		if (OTHER_IDS.contains(name)) {
			return name;
		}
		return DigestFormat.fromName(name).name();
	}

	/**
	 * The format of a stored value, for reports and metrics: the id of its {@code {id}} prefix when
	 * that id is a known format, {@value #OTHER} for any other prefix (a plain-text column may hold
	 * <code>{anything}</code>, which must not reach a report or a metric tag), the canonical
	 * unprefixed format for a value without one, {@value #UNPREFIXED} when none is configured, or
	 * {@value #EMPTY}. Never the value itself.
	 * @param stored the stored value
	 * @param unprefixedFormat the configured unprefixed format, or {@code null}
	 * @return the format
	 */
	public static String formatOf(String stored, String unprefixedFormat) {
		if (stored == null || stored.isEmpty()) {
			return EMPTY;
		}
		if (stored.startsWith("{")) {
			int end = stored.indexOf('}');
			if (end > 0) {
				String id = stored.substring(1, end);
				return isKnownPrefix(id) ? id : OTHER;
			}
		}
		return (unprefixedFormat != null) ? canonicalFormat(unprefixedFormat) : UNPREFIXED;
	}

	private static boolean isKnownPrefix(String id) {
		if (KNOWN_PREFIXES.contains(id) || isKnownFormat(id)) {
			return true;
		}
		return id.startsWith(WrappingPasswordEncoder.ID_PREFIX)
				&& isKnownFormat(id.substring(WrappingPasswordEncoder.ID_PREFIX.length()));
	}

	static Map<String, PasswordEncoder> all(Pbkdf2DpapiPasswordEncoder current, LegacyOptions options,
			VerificationCostEqualizer equalizer) {
		if (current == null) {
			throw new IllegalArgumentException("'current' must not be null");
		}
		if (options == null) {
			throw new IllegalArgumentException("'options' must not be null");
		}
		Map<String, PasswordEncoder> encoders = new LinkedHashMap<>();
		encoders.put(AspNetIdentityPasswordEncoder.ID,
				new AspNetIdentityPasswordEncoder(options.maxIterations(), equalizer));
		encoders.put(SaltHashPasswordEncoder.ID, new SaltHashPasswordEncoder(options.saltHashIterations(),
				options.saltHashTrimAndNormalize(), equalizer));
		for (LegacyDigest digest : LegacyDigest.values()) {
			for (SaltPosition position : SaltPosition.values()) {
				DigestFormat format = new DigestFormat(digest, position);
				encoders.put(format.name(), new DigestPasswordEncoder(format, equalizer));
			}
		}
		encoders.put("MD5", DigestPasswordEncoder.springSecurity(LegacyDigest.MD5, equalizer));
		encoders.put("SHA-1", DigestPasswordEncoder.springSecurity(LegacyDigest.SHA1, equalizer));
		encoders.put("SHA-256", DigestPasswordEncoder.springSecurity(LegacyDigest.SHA256, equalizer));
		for (LegacyDigest digest : LegacyDigest.values()) {
			for (SaltPosition position : SaltPosition.values()) {
				WrappingPasswordEncoder wrapping = new WrappingPasswordEncoder(new DigestFormat(digest, position),
						current, equalizer);
				encoders.put(wrapping.getId(), wrapping);
			}
		}
		encoders.put("bcrypt", new BoundedBCryptPasswordEncoder(new BCryptPasswordEncoder(), options.maxBcryptCost()));
		encoders.put("noop", new TimingEqualizingPasswordEncoder(noOp(), equalizer));
		return encoders;
	}

	private static PasswordEncoder unprefixedDefault(Map<String, PasswordEncoder> encoders, LegacyOptions options,
			VerificationCostEqualizer equalizer) {
		if (options.unprefixedFormat() == null) {
			return new NoUnprefixedFormatPasswordEncoder(equalizer);
		}
		return encoders.get(canonicalFormat(options.unprefixedFormat()));
	}

	private static VerificationCostEqualizer equalizer(Pbkdf2DpapiPasswordEncoder current, LegacyOptions options) {
		return (options != null && options.equalizeTiming() && current != null) ? new VerificationCostEqualizer(current)
				: VerificationCostEqualizer.none();
	}

	@SuppressWarnings("deprecation")
	private static PasswordEncoder noOp() {
		return NoOpPasswordEncoder.getInstance();
	}

	/**
	 * The default for matches when no unprefixed format is configured: never matches.
	 */
	private static final class NoUnprefixedFormatPasswordEncoder implements PasswordEncoder {

		private final VerificationCostEqualizer equalizer;

		NoUnprefixedFormatPasswordEncoder(VerificationCostEqualizer equalizer) {
			this.equalizer = equalizer;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			throw new UnsupportedOperationException("Passwords are encoded with {pbkdf2-dpapi}");
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			logger.warn("Stored password has no known {id} prefix and pbkdf2-dpapi.migration.unprefixed-format is "
					+ "not set; it cannot be verified");
			this.equalizer.spendVerification(rawPassword);
			return false;
		}

	}

}
