package io.github.pbkdf2dpapi.password;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a password is normalised before hashing. Whatever is chosen is recorded in every record and
 * applied identically when verifying. Passwords are never trimmed.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public enum PasswordNormalization {

	/** Unicode NFKC, as NIST SP 800-63B recommends (the default). */
	NFKC("nfkc", Normalizer.Form.NFKC),

	/** Unicode NFC, as the article's C# code does. */
	NFC("nfc", Normalizer.Form.NFC),

	/** No normalisation: the password's UTF-8 bytes as typed. */
	NONE("none", null);

	private final String id;

	private final Normalizer.Form form;

	PasswordNormalization(String id, Normalizer.Form form) {
		this.id = id;
		this.form = form;
	}

	/**
	 * The id used in records and configuration.
	 * @return {@code nfkc}, {@code nfc} or {@code none}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Applies this normalisation.
	 * @param password the password as typed
	 * @return the normalised password
	 */
	public String apply(CharSequence password) {
		return (this.form != null) ? Normalizer.normalize(password, this.form) : password.toString();
	}

	/**
	 * Finds a normalisation by id.
	 * @param id {@code nfkc}, {@code nfc} or {@code none} (case-insensitive)
	 * @return the normalisation
	 * @throws IllegalArgumentException if the id is unknown
	 */
	public static PasswordNormalization fromId(String id) {
		if (id != null) {
			String lower = id.toLowerCase(Locale.ROOT);
			for (PasswordNormalization n : values()) {
				if (n.id.equals(lower)) {
					return n;
				}
			}
		}
		throw new IllegalArgumentException("Unknown normalization '" + id + "'; expected nfkc, nfc or none");
	}

}
