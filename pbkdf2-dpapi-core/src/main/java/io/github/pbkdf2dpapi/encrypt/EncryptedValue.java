package io.github.pbkdf2dpapi.encrypt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;

/**
 * The parsed form of an encrypted configuration value, {@code ENC(<scheme>:<data>)}.
 *
 * <h2>Text</h2> {@code <prefix><scheme>:<data><suffix>}, by default {@code ENC(aes:AQEG...)}:
 * <ul>
 * <li>{@code scheme}: the {@link io.github.pbkdf2dpapi.protect.SecretProtector#scheme() scheme}
 * of the protector, {@code [a-z][a-z0-9-]*}, at most 32 characters ({@code aes}, {@code kr},
 * {@code dpapi});</li>
 * <li>{@code data}: the payload below in Base64url without padding; standard Base64 and padding
 * are accepted when reading.</li>
 * </ul>
 *
 * <h2>Payload, version 1</h2>
 *
 * <pre>
 * byte 0      0x01, the payload version
 * byte 1      flags: 0x01 = bound to a property name; every other bit is zero
 * byte 2      n = length of the envelope tag (1..255)
 * n bytes     envelope tag, ASCII: the protector's current envelope when the value was encrypted,
 *             e.g. "aes:k1", "kr:7f3a", "dpapi-cu"; it names the key id
 * rest        the protector's ciphertext
 * </pre>
 *
 * The associated data given to the protector is {@code "pbkdf2-dpapi-enc" 0x00}, then the whole
 * header (bytes 0 to 2+n), then {@code 0x00} and, for a bound value, the UTF-8
 * {@linkplain EncryptedValues#canonicalName(String) canonical name} of the property. Neither the
 * version, the flags, the envelope tag nor the property name can be changed without the
 * decryption failing.
 *
 * <p>
 * Instances hold no plaintext; {@link #toString()} shows the scheme, envelope and binding only.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class EncryptedValue {

	/** The payload version this class writes and reads. */
	public static final byte VERSION = 0x01;

	/** Flag of a value bound to its property name. */
	static final int FLAG_BOUND = 0x01;

	private static final int MAX_SCHEME_LENGTH = 32;

	private static final byte[] LABEL = "pbkdf2-dpapi-enc".getBytes(StandardCharsets.US_ASCII);

	private final String scheme;

	private final String envelope;

	private final boolean bound;

	private final byte[] header;

	private final byte[] ciphertext;

	private EncryptedValue(String scheme, String envelope, boolean bound, byte[] header, byte[] ciphertext) {
		this.scheme = scheme;
		this.envelope = envelope;
		this.bound = bound;
		this.header = header;
		this.ciphertext = ciphertext;
	}

	/**
	 * Whether {@code value}, without leading and trailing white space, starts with
	 * {@code prefix} and ends with {@code suffix}. Only such values are treated as encrypted:
	 * {@code "ENC(abc"} or {@code "xENC(abc)"} are plain values. A value that passes this test
	 * but does not {@linkplain #parse parse} is an error, not a plain value.
	 * @param value the value, may be {@code null}
	 * @param prefix the prefix, e.g. {@code ENC(}
	 * @param suffix the suffix, e.g. {@code )}
	 * @return whether the value is meant to be decrypted
	 */
	public static boolean isEncrypted(CharSequence value, String prefix, String suffix) {
		if (value == null) {
			return false;
		}
		int start = 0;
		int end = value.length();
		while (start < end && Character.isWhitespace(value.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(value.charAt(end - 1))) {
			end--;
		}
		if (end - start < prefix.length() + suffix.length() + 1) {
			return false;
		}
		return regionMatches(value, start, prefix) && regionMatches(value, end - suffix.length(), suffix);
	}

	private static boolean regionMatches(CharSequence value, int offset, String part) {
		for (int i = 0; i < part.length(); i++) {
			if (value.charAt(offset + i) != part.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Parses an encrypted value.
	 * @param value the value, for which {@link #isEncrypted} is true
	 * @param prefix the prefix, e.g. {@code ENC(}
	 * @param suffix the suffix, e.g. {@code )}
	 * @return the parsed value
	 * @throws ProtectorException with reason {@code MALFORMED} when the value is not in the
	 * format above; the message never repeats the value
	 */
	public static EncryptedValue parse(CharSequence value, String prefix, String suffix) {
		if (!isEncrypted(value, prefix, suffix)) {
			throw malformed(null, "the value does not have the form " + prefix + "<scheme>:<data>" + suffix);
		}
		String text = value.toString().strip();
		String inner = text.substring(prefix.length(), text.length() - suffix.length());
		int colon = inner.indexOf(':');
		if (colon < 1 || colon > MAX_SCHEME_LENGTH || !isScheme(inner, colon)) {
			throw malformed(null, "the value does not start with a scheme such as 'aes:', 'kr:' or 'dpapi:'");
		}
		String scheme = inner.substring(0, colon);
		byte[] payload = decode(inner.substring(colon + 1), scheme);
		if (payload.length < 4) {
			throw malformed(scheme, "the payload is too short");
		}
		if (payload[0] != VERSION) {
			throw malformed(scheme, "unknown payload version " + (payload[0] & 0xff) + " (this version reads "
					+ VERSION + "); a newer pbkdf2-dpapi may have written it");
		}
		int flags = payload[1] & 0xff;
		if ((flags & ~FLAG_BOUND) != 0) {
			throw malformed(scheme, "unknown flags in the payload");
		}
		int n = payload[2] & 0xff;
		if (n < 1 || payload.length < 3 + n + 1) {
			throw malformed(scheme, "the payload is truncated or its envelope tag length is invalid");
		}
		String envelope = new String(payload, 3, n, StandardCharsets.US_ASCII);
		if (!envelope.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			throw malformed(scheme, "the envelope tag is not printable ASCII");
		}
		byte[] header = Arrays.copyOf(payload, 3 + n);
		byte[] ciphertext = Arrays.copyOfRange(payload, 3 + n, payload.length);
		return new EncryptedValue(scheme, envelope, (flags & FLAG_BOUND) != 0, header, ciphertext);
	}

	static EncryptedValue create(String scheme, String envelope, boolean bound) {
		if (scheme == null || scheme.isEmpty() || scheme.length() > MAX_SCHEME_LENGTH
				|| !isScheme(scheme, scheme.length())) {
			throw new IllegalArgumentException("'scheme' must match [a-z][a-z0-9-]{0,31}");
		}
		byte[] tag = (envelope != null) ? envelope.getBytes(StandardCharsets.US_ASCII) : new byte[0];
		if (tag.length < 1 || tag.length > 255 || !envelope.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			throw new IllegalArgumentException("'envelope' must be 1 to 255 printable ASCII characters");
		}
		byte[] header = new byte[3 + tag.length];
		header[0] = VERSION;
		header[1] = (byte) (bound ? FLAG_BOUND : 0);
		header[2] = (byte) tag.length;
		System.arraycopy(tag, 0, header, 3, tag.length);
		return new EncryptedValue(scheme, envelope, bound, header, new byte[0]);
	}

	EncryptedValue withCiphertext(byte[] ciphertext) {
		return new EncryptedValue(this.scheme, this.envelope, this.bound, this.header, ciphertext.clone());
	}

	private static boolean isScheme(String text, int end) {
		if (text.charAt(0) < 'a' || text.charAt(0) > 'z') {
			return false;
		}
		for (int i = 1; i < end; i++) {
			char c = text.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return true;
	}

	private static byte[] decode(String data, String scheme) {
		String urlSafe = data.replace('+', '-').replace('/', '_');
		try {
			return Base64.getUrlDecoder().decode(urlSafe);
		}
		catch (IllegalArgumentException ex) {
			// The decoder's message may quote a character of the data: not propagated.
			throw malformed(scheme, "the data after '" + scheme + ":' is not valid Base64");
		}
	}

	private static ProtectorException malformed(String scheme, String detail) {
		return new ProtectorException(Reason.MALFORMED, null,
				(scheme != null) ? "scheme '" + scheme + "': " + detail : detail);
	}

	/**
	 * The associated data to give the protector.
	 * @param canonicalName the canonical name of the property, used only when the value is
	 * {@linkplain #isBound() bound}
	 * @return the associated data
	 */
	byte[] associatedData(String canonicalName) {
		byte[] name = this.bound ? canonicalName.getBytes(StandardCharsets.UTF_8) : new byte[0];
		ByteArrayOutputStream out = new ByteArrayOutputStream(LABEL.length + this.header.length + 2 + name.length);
		out.writeBytes(LABEL);
		out.write(0);
		out.writeBytes(this.header);
		out.write(0);
		out.writeBytes(name);
		return out.toByteArray();
	}

	/**
	 * Formats this value as text.
	 * @param prefix the prefix, e.g. {@code ENC(}
	 * @param suffix the suffix, e.g. {@code )}
	 * @return the text, e.g. {@code ENC(aes:AQEG...)}
	 */
	public String format(String prefix, String suffix) {
		byte[] payload = new byte[this.header.length + this.ciphertext.length];
		System.arraycopy(this.header, 0, payload, 0, this.header.length);
		System.arraycopy(this.ciphertext, 0, payload, this.header.length, this.ciphertext.length);
		return prefix + this.scheme + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + suffix;
	}

	/**
	 * The scheme written before the data, which selects the protector.
	 * @return the scheme, e.g. {@code aes}
	 */
	public String scheme() {
		return this.scheme;
	}

	/**
	 * The envelope tag the value was encrypted under. Compare it with
	 * {@link io.github.pbkdf2dpapi.protect.SecretProtector#isOutdated(String)} to find values
	 * that still use an old key.
	 * @return the envelope tag, e.g. {@code aes:k1}
	 */
	public String envelope() {
		return this.envelope;
	}

	/**
	 * The key id named by the envelope tag.
	 * @return the part of the envelope tag after the first {@code :}, or {@code null} when the
	 * tag has none (DPAPI)
	 */
	public String keyId() {
		int colon = this.envelope.indexOf(':');
		return (colon >= 0) ? this.envelope.substring(colon + 1) : null;
	}

	/**
	 * Whether the value only decrypts under the property name it was encrypted for.
	 * @return whether the value is bound to its property name
	 */
	public boolean isBound() {
		return this.bound;
	}

	/**
	 * The payload version.
	 * @return the version, {@value #VERSION}
	 */
	public int version() {
		return this.header[0];
	}

	byte[] ciphertext() {
		return this.ciphertext;
	}

	@Override
	public String toString() {
		return "EncryptedValue[scheme=" + this.scheme + ", envelope=" + this.envelope + ", bound=" + this.bound + "]";
	}

}
