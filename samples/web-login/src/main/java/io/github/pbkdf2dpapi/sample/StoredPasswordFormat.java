package io.github.pbkdf2dpapi.sample;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes how a stored password is hashed, for the admin page: the format id and, for our own
 * records, the parameters. Never the hash, the salt or the payload.
 */
final class StoredPasswordFormat {

	private static final Pattern PREFIX = Pattern.compile("^\\{([^}]+)\\}(.*)$", Pattern.DOTALL);

	private static final Pattern RECORD = Pattern.compile("^\\$p2d\\$v=(\\d+)\\$a=(\\w+),i=(\\d+),s=\\d+,l=\\d+,n=(\\w+),p=([^,]+),e=([^$]+)\\$");

	private StoredPasswordFormat() {
	}

	static String describe(String stored) {
		if (stored == null || stored.isEmpty()) {
			return "none";
		}
		Matcher prefix = PREFIX.matcher(stored);
		if (!prefix.matches()) {
			return "unprefixed legacy";
		}
		String id = prefix.group(1);
		Matcher record = RECORD.matcher(prefix.group(2));
		if (id.equals("pbkdf2-dpapi") && record.find()) {
			return id + " (" + record.group(2) + ", " + record.group(3) + " iterations, pepper " + record.group(5)
					+ ", envelope " + record.group(6) + ")";
		}
		return id;
	}

}
