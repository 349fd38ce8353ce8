package io.github.pbkdf2dpapi.lockout;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the keys under which a {@link LockoutStore} keeps counters:
 * {@code HMAC-SHA256(server secret, kind || value)} in hex, prefixed by the kind ({@code a:}
 * account, {@code i:} client address, {@code p:} account seen from one address). The store
 * holds no plain usernames or addresses, and without the secret its keys cannot be matched
 * against a list of candidate usernames.
 *
 * <p>
 * IPv6 addresses are reduced to their first {@code ipv6PrefixLength} bits (64 by default), since
 * one client usually owns a whole /64.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class LockoutKeys {

	/** Smallest accepted secret, in bytes. */
	public static final int MIN_SECRET_LENGTH = 16;

	/** Prefix of account keys. */
	public static final String ACCOUNT_PREFIX = "a:";

	/** Prefix of client address keys. */
	public static final String ADDRESS_PREFIX = "i:";

	/** Prefix of (account, address) keys. */
	public static final String PAIR_PREFIX = "p:";

	private static final HexFormat HEX = HexFormat.of();

	private final SecretKeySpec key;

	/**
	 * The initialised HMAC, cloned for each key; created on first use, so that a store that is
	 * never consulted costs no JCE look-up at start-up.
	 */
	private volatile Mac prototype;

	private final UsernameNormalizer normalizer;

	private final int ipv6PrefixLength;

	/**
	 * Create keys with a secret.
	 * @param secret the server secret, at least {@value #MIN_SECRET_LENGTH} bytes; the same on
	 * every instance that shares a store
	 * @param normalizer how usernames are normalised
	 * @param ipv6PrefixLength bits of an IPv6 address that identify a client (1 to 128)
	 */
	public LockoutKeys(byte[] secret, UsernameNormalizer normalizer, int ipv6PrefixLength) {
		if (secret == null || secret.length < MIN_SECRET_LENGTH) {
			throw new IllegalArgumentException("Invalid pbkdf2-dpapi.lockout.secret: must be at least "
					+ MIN_SECRET_LENGTH + " bytes");
		}
		if (normalizer == null) {
			throw new IllegalArgumentException("'normalizer' must not be null");
		}
		if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
			throw new IllegalArgumentException(
					"Invalid pbkdf2-dpapi.rate-limit.ipv6-prefix-length '" + ipv6PrefixLength + "': must be 1 to 128");
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.normalizer = normalizer;
		this.ipv6PrefixLength = ipv6PrefixLength;
	}

	/**
	 * Keys with a random secret, for a single instance with an in-memory store.
	 * @param normalizer how usernames are normalised
	 * @return keys valid until the application stops
	 */
	public static LockoutKeys withRandomSecret(UsernameNormalizer normalizer) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			return new LockoutKeys(secret, normalizer, 64);
		}
		finally {
			Arrays.fill(secret, (byte) 0);
		}
	}

	/**
	 * The key of an account.
	 * @param username the username as typed
	 * @return the key
	 */
	public String account(String username) {
		return ACCOUNT_PREFIX + hmac("a\0" + normalizeUsername(username));
	}

	/**
	 * The key of a client address.
	 * @param address the client address ({@code HttpServletRequest.getRemoteAddr()})
	 * @return the key
	 */
	public String address(String address) {
		return ADDRESS_PREFIX + hmac("i\0" + normalizeAddress(address));
	}

	/**
	 * The key of an account seen from one client address.
	 * @param username the username as typed
	 * @param address the client address
	 * @return the key
	 */
	public String pair(String username, String address) {
		return PAIR_PREFIX + hmac("p\0" + normalizeUsername(username) + "\0" + normalizeAddress(address));
	}

	/**
	 * Normalises a username the way keys do.
	 * @param username the username as typed
	 * @return the normalised username
	 */
	public String normalizeUsername(String username) {
		return this.normalizer.normalize((username != null) ? username : "");
	}

	String normalizeAddress(String address) {
		if (address == null) {
			return "";
		}
		String trimmed = address.trim().toLowerCase(Locale.ROOT);
		if (trimmed.indexOf(':') < 0 || !isIpv6Literal(trimmed)) {
			return trimmed;
		}
		try {
			byte[] bytes = InetAddress.getByName(stripZone(trimmed)).getAddress();
			if (bytes.length != 16) {
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			for (int bit = this.ipv6PrefixLength; bit < 128; bit++) {
				bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
			}
			return InetAddress.getByAddress(bytes).getHostAddress() + "/" + this.ipv6PrefixLength;
		}
		catch (UnknownHostException ex) {
			// Not an address after all: count the string as it is.
			return trimmed;
		}
	}

	private static boolean isIpv6Literal(String s) {
		String candidate = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.' || c == '%'
					|| c == '[' || c == ']')) {
				return false;
			}
		}
		return true;
	}

	private static String stripZone(String s) {
		String candidate = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
		int zone = candidate.indexOf('%');
		return (zone >= 0) ? candidate.substring(0, zone) : candidate;
	}

	private Mac prototype() {
		Mac prototype = this.prototype;
		if (prototype == null) {
			synchronized (this) {
				prototype = this.prototype;
				if (prototype == null) {
					try {
						prototype = Mac.getInstance("HmacSHA256");
						prototype.init(this.key);
					}
					catch (GeneralSecurityException ex) {
						throw new IllegalStateException("HmacSHA256 is not available", ex);
					}
					this.prototype = prototype;
				}
			}
		}
		return prototype;
	}

	private String hmac(String value) {
		Mac mac;
		try {
			mac = (Mac) prototype().clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("HmacSHA256 cannot be cloned", ex);
		}
		return HEX.formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A short prefix of a key, for log lines.
	 * @param key a key
	 * @return the kind and the first 8 hex digits
	 */
	public static String abbreviate(String key) {
		return (key != null && key.length() > 10) ? key.substring(0, 10) + "…" : String.valueOf(key);
	}

	@Override
	public String toString() {
		return "LockoutKeys[ipv6PrefixLength=" + this.ipv6PrefixLength + "]";
	}

}
