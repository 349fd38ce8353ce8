package io.github.pbkdf2dpapi.legacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.password.PasswordRecord;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

/**
 * Verifies "wrapped" legacy hashes: a legacy digest fed into our normal record, written in bulk
 * without knowing any password so that a stolen database stops exposing the weak digest on the day
 * of the migration (the article's "double hash" strategy).
 *
 * <h2>Storage format</h2>
 * <pre>
 * {pbkdf2-dpapi-wrap:md5}$p2d$v=1$a=sha256,i=600000,s=16,l=32,n=nfkc,p=p2,e=kr:7f3a$&lt;payload&gt;
 * {pbkdf2-dpapi-wrap:md5-salt-after}c2FsdA$p2d$v=1$...
 * </pre>
 * <ul>
 * <li>The id is {@value #ID_PREFIX} followed by the {@link DigestFormat#name() digest format}.</li>
 * <li>For a salted format, the legacy salt follows the id as Base64 (no padding) of its UTF-8
 * bytes, up to the {@code $} that starts the record; an unsalted format has nothing there.</li>
 * <li>The rest is an ordinary {@link Pbkdf2DpapiPasswordEncoder} record whose password is the
 * lower-case hex of the legacy digest. Pepper, envelope, normalisation (a no-op on hex) and header
 * binding therefore work exactly as for a plain {@code {pbkdf2-dpapi}} record.</li>
 * </ul>
 *
 * <h2>Matching</h2> The typed password is digested as the legacy system did, the digest is
 * hex-encoded, and the inner record is verified with the current encoder. Knowing the old digest
 * (from an earlier leak) does not help: it would have to be a preimage. {@link #upgradeEncoding}
 * is always {@code true}, so the next successful login stores a plain {@code {pbkdf2-dpapi}}
 * record. {@link #encode} is not supported: records are written by {@link #wrap(byte[], String)}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class WrappingPasswordEncoder implements PasswordEncoder {

	/** The start of every wrapping id. */
	public static final String ID_PREFIX = "pbkdf2-dpapi-wrap:";

	private static final Log logger = LogFactory.getLog(WrappingPasswordEncoder.class);

	private final DigestFormat format;

	private final Pbkdf2DpapiPasswordEncoder current;

	private final VerificationCostEqualizer equalizer;

	/**
	 * Create an encoder.
	 * @param format the legacy digest format that is wrapped
	 * @param current the encoder of the inner record (the application's current encoder)
	 * @param equalizer spends the cost of a verification when a malformed value is refused
	 */
	public WrappingPasswordEncoder(DigestFormat format, Pbkdf2DpapiPasswordEncoder current,
			VerificationCostEqualizer equalizer) {
		if (format == null) {
			throw new IllegalArgumentException("'format' must not be null");
		}
		if (current == null) {
			throw new IllegalArgumentException("'current' must not be null");
		}
		if (equalizer == null) {
			throw new IllegalArgumentException("'equalizer' must not be null");
		}
		this.format = format;
		this.current = current;
		this.equalizer = equalizer;
	}

	/**
	 * The id under which a {@code DelegatingPasswordEncoder} stores this format, for example
	 * {@code pbkdf2-dpapi-wrap:md5}.
	 * @return the id
	 */
	public String getId() {
		return ID_PREFIX + this.format.name();
	}

	/**
	 * The wrapped legacy format.
	 * @return the format
	 */
	public DigestFormat getFormat() {
		return this.format;
	}

	/**
	 * Wraps a legacy digest. Costs one encode with the current settings.
	 * @param legacyDigest the decoded legacy digest
	 * @param salt the legacy salt string (ignored for an unsalted format)
	 * @return the value to store, with its {@code {id}} prefix
	 */
	public String wrap(byte[] legacyDigest, String salt) {
		if (legacyDigest == null || legacyDigest.length != this.format.digest().length()) {
			throw new IllegalArgumentException("Legacy digest must be " + this.format.digest().length() + " bytes");
		}
		String saltPart = "";
		if (this.format.salted() && salt != null) {
			saltPart = Base64.getEncoder().withoutPadding().encodeToString(salt.getBytes(StandardCharsets.UTF_8));
		}
		return "{" + getId() + "}" + saltPart + this.current.encode(LegacyDigest.toHex(legacyDigest));
	}

	@Override
	public String encode(CharSequence rawPassword) {
		throw new UnsupportedOperationException(
				"Wrapped legacy hashes are written by the migration only; new passwords are encoded with {pbkdf2-dpapi}");
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
			this.equalizer.spendVerification(rawPassword);
			return false;
		}
		int start = encodedPassword.indexOf(PasswordRecord.MAGIC);
		String salt = null;
		String inner = null;
		if (start >= 0) {
			inner = encodedPassword.substring(start);
			try {
				PasswordRecord.parse(inner);
				salt = decodeSalt(encodedPassword.substring(0, start));
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Stored " + getId() + " password cannot be verified: " + ex.getMessage());
				salt = null;
			}
		}
		else {
			logger.warn("Stored " + getId() + " password cannot be verified: no " + PasswordRecord.MAGIC + " record");
		}
		if (salt == null) {
			this.equalizer.spendVerification(rawPassword);
			return false;
		}
		byte[] digest = this.format.digest(rawPassword, salt);
		String hex = LegacyDigest.toHex(digest);
		Arrays.fill(digest, (byte) 0);
		return this.current.matches(hex, inner);
	}

	private String decodeSalt(String encoded) {
		if (!this.format.salted()) {
			if (!encoded.isEmpty()) {
				throw new IllegalArgumentException("unsalted format has data before the record");
			}
			return "";
		}
		try {
			return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("salt is not Base64");
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return true;
	}

	@Override
	public String toString() {
		return "WrappingPasswordEncoder[" + getId() + "]";
	}

}
