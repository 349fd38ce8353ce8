package io.github.pbkdf2dpapi.cli;

import java.util.ArrayList;
import java.util.List;

import io.github.pbkdf2dpapi.encrypt.EncryptedValues;

/**
 * Finds the {@code ENC(...)} values of a {@code .properties} file, reading keys, separators,
 * escapes, comments and continuation lines as {@link java.util.Properties} and Spring Boot do.
 *
 * @author pbkdf2-dpapi
 */
final class PropertiesEncScanner {

	private PropertiesEncScanner() {
	}

	/**
	 * Scans the lines of a properties file.
	 * @param lines the lines, without line terminators
	 * @return the values whose whole value is {@code ENC(...)}, in file order
	 */
	static List<EncEntry> scan(List<String> lines) {
		List<EncEntry> entries = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			int first = i;
			StringBuilder logical = new StringBuilder(stripLeading(lines.get(i)));
			boolean comment = logical.length() == 0 || logical.charAt(0) == '#' || logical.charAt(0) == '!';
			// A comment line never continues; any other line continues while it ends with an odd number of '\'.
			while (!comment && endsWithContinuation(logical) && i + 1 < lines.size()) {
				logical.setLength(logical.length() - 1);
				i++;
				logical.append(stripLeading(lines.get(i)));
			}
			if (!comment) {
				EncEntry entry = entry(logical.toString(), lines, first, i);
				if (entry != null) {
					entries.add(entry);
				}
			}
			i++;
		}
		return entries;
	}

	private static EncEntry entry(String logical, List<String> lines, int first, int last) {
		StringBuilder key = new StringBuilder();
		int i = 0;
		while (i < logical.length()) {
			char c = logical.charAt(i);
			if (c == '=' || c == ':' || isWhitespace(c)) {
				break;
			}
			i = unescape(logical, i, key);
		}
		while (i < logical.length() && isWhitespace(logical.charAt(i))) {
			i++;
		}
		if (i < logical.length() && (logical.charAt(i) == '=' || logical.charAt(i) == ':')) {
			i++;
		}
		StringBuilder value = new StringBuilder();
		while (i < logical.length()) {
			i = unescape(logical, i, value);
		}
		if (key.length() == 0 || !EncryptedValues.isEncrypted(value)) {
			return null;
		}
		return EncEntry.locate(key.toString(), value.toString().strip(), lines, first, last);
	}

	/** Appends the character at {@code i}, unescaped; returns the index after it. */
	private static int unescape(String text, int i, StringBuilder into) {
		char c = text.charAt(i);
		if (c != '\\' || i + 1 >= text.length()) {
			into.append(c);
			return i + 1;
		}
		char next = text.charAt(i + 1);
		switch (next) {
			case 't':
				into.append('\t');
				return i + 2;
			case 'n':
				into.append('\n');
				return i + 2;
			case 'r':
				into.append('\r');
				return i + 2;
			case 'f':
				into.append('\f');
				return i + 2;
			case 'u':
				if (i + 6 <= text.length()) {
					try {
						into.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
						return i + 6;
					}
					catch (NumberFormatException ex) {
						// Not a Unicode escape after all: kept as the letter 'u', as Spring Boot does.
					}
				}
				into.append('u');
				return i + 2;
			default:
				into.append(next);
				return i + 2;
		}
	}

	private static boolean endsWithContinuation(CharSequence line) {
		int backslashes = 0;
		for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
			backslashes++;
		}
		return backslashes % 2 == 1;
	}

	private static String stripLeading(String line) {
		int i = 0;
		while (i < line.length() && isWhitespace(line.charAt(i))) {
			i++;
		}
		return line.substring(i);
	}

	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\f';
	}

}
