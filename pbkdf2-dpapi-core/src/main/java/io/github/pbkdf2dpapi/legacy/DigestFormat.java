package io.github.pbkdf2dpapi.legacy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A legacy message-digest password format: a {@link LegacyDigest} and a {@link SaltPosition}.
 *
 * <p>
 * Its {@link #name()} is the digest id followed by the salt suffix: {@code md5},
 * {@code sha1-salt-after}, {@code sha256-salt-before}. The password and the salt are taken as
 * UTF-8 strings, not normalised and not trimmed (old systems did neither), and concatenated before
 * digesting.
 *
 * @param digest the digest
 * @param saltPosition where the salt goes
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record DigestFormat(LegacyDigest digest, SaltPosition saltPosition) {

	/**
	 * Create a format.
	 * @param digest the digest
	 * @param saltPosition where the salt goes
	 */
	public DigestFormat {
		if (digest == null) {
			throw new IllegalArgumentException("'digest' must not be null");
		}
		if (saltPosition == null) {
			throw new IllegalArgumentException("'saltPosition' must not be null");
		}
	}

	/**
	 * The canonical name, for example {@code md5} or {@code sha1-salt-after}.
	 * @return the name
	 */
	public String name() {
		return this.digest.id() + this.saltPosition.suffix();
	}

	/**
	 * Whether this format uses a salt.
	 * @return whether it is salted
	 */
	public boolean salted() {
		return this.saltPosition != SaltPosition.NONE;
	}

	/**
	 * Computes the legacy digest of a password.
	 * @param rawPassword the password as typed
	 * @param salt the salt, ignored when the format is unsalted (may then be {@code null})
	 * @return the digest bytes
	 */
	public byte[] digest(CharSequence rawPassword, String salt) {
		byte[] password = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
		if (!salted()) {
			return this.digest.digest(password);
		}
		byte[] saltBytes = ((salt != null) ? salt : "").getBytes(StandardCharsets.UTF_8);
		return (this.saltPosition == SaltPosition.BEFORE) ? this.digest.digest(saltBytes, password)
				: this.digest.digest(password, saltBytes);
	}

	/**
	 * Parses a format name. Besides the canonical names this accepts the encodings as decoration
	 * ({@code md5-hex}, {@code sha1-base64}: both encodings are always accepted when verifying) and
	 * JCA spellings ({@code sha-256}).
	 * @param name the name (case-insensitive)
	 * @return the format
	 * @throws IllegalArgumentException if the name is not a digest format
	 */
	public static DigestFormat fromName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Digest format name must not be empty");
		}
		String n = name.trim().toLowerCase(Locale.ROOT);
		SaltPosition position = SaltPosition.NONE;
		for (SaltPosition p : SaltPosition.values()) {
			if (p != SaltPosition.NONE && n.endsWith(p.suffix())) {
				position = p;
				n = n.substring(0, n.length() - p.suffix().length());
			}
		}
		if (n.endsWith("-hex")) {
			n = n.substring(0, n.length() - 4);
		}
		else if (n.endsWith("-base64")) {
			n = n.substring(0, n.length() - 7);
		}
		return new DigestFormat(LegacyDigest.fromId(n), position);
	}

	/**
	 * Whether {@link #fromName(String)} accepts a name.
	 * @param name the name
	 * @return whether it names a digest format
	 */
	public static boolean isDigestFormat(String name) {
		try {
			fromName(name);
			return true;
		}
		catch (IllegalArgumentException ex) {
			// Not a digest format name: another kind of format, or unknown.
			return false;
		}
	}

}
