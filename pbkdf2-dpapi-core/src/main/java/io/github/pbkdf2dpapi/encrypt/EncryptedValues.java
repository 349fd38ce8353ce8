package io.github.pbkdf2dpapi.encrypt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * Encrypts and decrypts configuration values of the form {@code ENC(<scheme>:<data>)} (see
 * {@link EncryptedValue} for the format). The CLI's {@code protect} command and the Spring Boot
 * {@code EnvironmentPostProcessor} both use this class, so values written by one are read by the
 * other.
 *
 * <pre class="code">
 * SecretProtector protector = SecretProtectors.aesGcm("k1", key);
 * String value = EncryptedValues.encrypt(protector, "s3cret", "spring.datasource.password");
 * // ENC(aes:AQEGYWVzOmsx...)
 * String plain = EncryptedValues.decrypt(protector, EncryptedValue.parse(value, "ENC(", ")"),
 * 		"SPRING_DATASOURCE_PASSWORD");
 * </pre>
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class EncryptedValues {

	/** The default prefix of an encrypted value. */
	public static final String DEFAULT_PREFIX = "ENC(";

	/** The default suffix of an encrypted value. */
	public static final String DEFAULT_SUFFIX = ")";

	private EncryptedValues() {
	}

	/**
	 * Encrypts {@code plaintext} under the protector's current envelope.
	 * @param protector the protector, whose {@link #textScheme(String) scheme} is written in the
	 * value
	 * @param plaintext the value to encrypt
	 * @param boundTo the property name the value may only be read under, or {@code null} for a
	 * value that decrypts under any name
	 * @return the encrypted value, e.g. {@code ENC(aes:AQEG...)}
	 * @throws ProtectorException when the protector cannot encrypt
	 */
	public static String encrypt(SecretProtector protector, String plaintext, String boundTo) {
		return encrypt(protector, plaintext, boundTo, DEFAULT_PREFIX, DEFAULT_SUFFIX);
	}

	/**
	 * Encrypts {@code plaintext} under the protector's current envelope, with another prefix
	 * and suffix than {@code ENC(} and {@code )}.
	 * @param protector the protector
	 * @param plaintext the value to encrypt
	 * @param boundTo the property name the value may only be read under, or {@code null}
	 * @param prefix the prefix
	 * @param suffix the suffix
	 * @return the encrypted value
	 * @throws ProtectorException when the protector cannot encrypt
	 */
	public static String encrypt(SecretProtector protector, String plaintext, String boundTo, String prefix,
			String suffix) {
		if (protector == null) {
			throw new IllegalArgumentException("'protector' must not be null");
		}
		if (plaintext == null) {
			throw new IllegalArgumentException("'plaintext' must not be null");
		}
		String canonicalName = (boundTo != null) ? canonicalName(boundTo) : null;
		String envelope = protector.currentEnvelope();
		EncryptedValue header = EncryptedValue.create(textScheme(protector.scheme()), envelope, boundTo != null);
		byte[] data = plaintext.getBytes(StandardCharsets.UTF_8);
		try {
			byte[] ciphertext = protector.protect(envelope, data, header.associatedData(canonicalName));
			return header.withCiphertext(ciphertext).format(prefix, suffix);
		}
		finally {
			Arrays.fill(data, (byte) 0);
		}
	}

	/**
	 * The scheme written in a value for a protector: its {@link SecretProtector#scheme() scheme}
	 * up to the first {@code -}, so that DPAPI ({@code dpapi-cu}, {@code dpapi-lm}) is written
	 * {@code dpapi}; the full envelope tag, scope included, is in the payload.
	 * @param scheme the protector's scheme
	 * @return the scheme of its values
	 */
	public static String textScheme(String scheme) {
		int dash = scheme.indexOf('-');
		return (dash > 0) ? scheme.substring(0, dash) : scheme;
	}

	/**
	 * Decrypts a parsed value.
	 * @param protector the protector of the value's {@link EncryptedValue#scheme() scheme}
	 * @param value the parsed value
	 * @param propertyName the name the value is read under; required when the value is
	 * {@linkplain EncryptedValue#isBound() bound}
	 * @return the plaintext
	 * @throws ProtectorException when the value cannot be decrypted: wrong key, tampered, copied
	 * from another property, unknown or revoked key, protector unavailable
	 */
	public static String decrypt(SecretProtector protector, EncryptedValue value, String propertyName) {
		String canonicalName = null;
		if (value.isBound()) {
			if (propertyName == null) {
				throw new ProtectorException(Reason.MALFORMED, value.envelope(),
						"the value is bound to a property name and was read without one");
			}
			canonicalName = canonicalName(propertyName);
		}
		byte[] plaintext = protector.unprotect(value.envelope(), value.ciphertext(),
				value.associatedData(canonicalName));
		try {
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		finally {
			Arrays.fill(plaintext, (byte) 0);
		}
	}

	/**
	 * Whether {@code value} has the form {@code ENC(...)}.
	 * @param value the value, may be {@code null}
	 * @return whether it is meant to be decrypted
	 * @see EncryptedValue#isEncrypted(CharSequence, String, String)
	 */
	public static boolean isEncrypted(CharSequence value) {
		return EncryptedValue.isEncrypted(value, DEFAULT_PREFIX, DEFAULT_SUFFIX);
	}

	/**
	 * The canonical form of a property name, the one bound into a value's associated data. The
	 * same property written as {@code spring.datasource.password} (YAML, properties, command
	 * line, system property) or {@code SPRING_DATASOURCE_PASSWORD} (environment variable) has
	 * the same canonical form, {@code spring.datasource.password}.
	 * <ul>
	 * <li>A name without {@code .}, {@code [} and lower-case letters is an environment variable
	 * name: it is split at {@code _}, and elements made of digits only become indexes
	 * ({@code MY_LIST_0_URL} is {@code my.list[0].url}).</li>
	 * <li>Any other name is split at {@code .}; {@code [...]} is an index, kept as written.</li>
	 * <li>Each element other than an index is lower-cased and keeps only the letters and digits
	 * ({@code myApp.api-key} is {@code myapp.apikey}), as Spring Boot's relaxed binding compares
	 * names.</li>
	 * </ul>
	 * @param name a property name
	 * @return its canonical form
	 * @throws IllegalArgumentException when the name has no letter or digit
	 */
	public static String canonicalName(String name) {
		if (name == null) {
			throw new IllegalArgumentException("'name' must not be null");
		}
		List<String> elements = isEnvironmentVariableName(name) ? environmentElements(name) : dottedElements(name);
		StringBuilder canonical = new StringBuilder(name.length());
		for (String element : elements) {
			if (element.startsWith("[")) {
				canonical.append(element);
				continue;
			}
			String uniform = uniform(element);
			if (!uniform.isEmpty()) {
				if (canonical.length() > 0) {
					canonical.append('.');
				}
				canonical.append(uniform);
			}
		}
		if (canonical.length() == 0) {
			throw new IllegalArgumentException("'name' must contain a letter or digit");
		}
		return canonical.toString();
	}

	private static boolean isEnvironmentVariableName(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '.' || c == '[' || Character.isLowerCase(c)) {
				return false;
			}
		}
		return true;
	}

	private static List<String> environmentElements(String name) {
		List<String> elements = new ArrayList<>();
		for (String part : name.split("_")) {
			if (part.isEmpty()) {
				continue;
			}
			elements.add(part.chars().allMatch(Character::isDigit) && !elements.isEmpty() ? "[" + part + "]" : part);
		}
		return elements;
	}

	private static List<String> dottedElements(String name) {
		List<String> elements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int i = 0;
		while (i < name.length()) {
			char c = name.charAt(i);
			if (c == '[') {
				int close = name.indexOf(']', i);
				if (close < 0) {
					close = name.length() - 1;
				}
				elements.add(current.toString());
				current.setLength(0);
				elements.add("[" + name.substring(i + 1, Math.max(i + 1, close)) + "]");
				i = close + 1;
				continue;
			}
			if (c == '.') {
				elements.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
			i++;
		}
		elements.add(current.toString());
		return elements;
	}

	private static String uniform(String element) {
		StringBuilder out = new StringBuilder(element.length());
		for (int i = 0; i < element.length(); i++) {
			char c = Character.toLowerCase(element.charAt(i));
			if (Character.isLetterOrDigit(c)) {
				out.append(c);
			}
		}
		return out.toString().toLowerCase(Locale.ROOT);
	}

}
