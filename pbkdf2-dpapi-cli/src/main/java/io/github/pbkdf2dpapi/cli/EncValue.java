package io.github.pbkdf2dpapi.cli;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code ENC(<scheme>:<base64>)} value.
 *
 * @author pbkdf2-dpapi
 */
final class EncValue {

	private static final Pattern FORMAT = Pattern.compile("(?:ENC\\()?([a-z][a-z0-9-]*):([A-Za-z0-9+/=_-]+)\\)?");

	final String scheme;

	final byte[] ciphertext;

	private EncValue(String scheme, byte[] ciphertext) {
		this.scheme = scheme;
		this.ciphertext = ciphertext;
	}

	static String format(String scheme, byte[] ciphertext) {
		return "ENC(" + scheme + ":" + Base64.getEncoder().encodeToString(ciphertext) + ")";
	}

	static EncValue parse(String value) {
		String text = value.strip();
		Matcher m = FORMAT.matcher(text);
		boolean wrapped = text.startsWith("ENC(");
		if (!m.matches() || wrapped != text.endsWith(")")) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
					"the value is not of the form ENC(<scheme>:<base64>), e.g. ENC(kr:...) or ENC(dpapi:...)");
		}
		try {
			return new EncValue(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "the value's payload is not Base64");
		}
	}

}
