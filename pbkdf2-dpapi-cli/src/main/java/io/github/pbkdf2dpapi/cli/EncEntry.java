package io.github.pbkdf2dpapi.cli;

import java.util.List;

/**
 * An {@code ENC(...)} value found in a configuration file: the property name it is read under,
 * the line it is on and the exact text of the value. Never printed as a whole: {@link #toString()}
 * shows the name and line only.
 *
 * @author pbkdf2-dpapi
 */
final class EncEntry {

	private final String name;

	private final int line;

	private final String token;

	private final boolean inPlace;

	private EncEntry(String name, int line, String token, boolean inPlace) {
		this.name = name;
		this.line = line;
		this.token = token;
		this.inPlace = inPlace;
	}

	/**
	 * Locates a value in the lines of its file.
	 * @param name the property name, as Spring Boot builds it
	 * @param token the value without leading and trailing white space, {@code ENC(...)}
	 * @param lines the lines of the file, without line terminators
	 * @param first the index of the first line the value may be on (0-based)
	 * @param last the index of the last line the value may be on (0-based)
	 * @return the entry; {@linkplain #isInPlace() in place} when exactly one of these lines
	 * holds the token exactly once
	 */
	static EncEntry locate(String name, String token, List<String> lines, int first, int last) {
		for (int i = Math.max(0, first); i <= Math.min(last, lines.size() - 1); i++) {
			String line = lines.get(i);
			int at = line.indexOf(token);
			if (at >= 0) {
				boolean once = line.indexOf(token, at + 1) < 0;
				return new EncEntry(name, i + 1, token, once);
			}
		}
		// Escaped, or split over several lines: the file can be read, but not rewritten token by token.
		return new EncEntry(name, first + 1, token, false);
	}

	/**
	 * The property name as written in the file, with its parents ({@code spring.datasource.password}).
	 * @return the name
	 */
	String name() {
		return this.name;
	}

	/**
	 * The line the value is on.
	 * @return the line number, from 1
	 */
	int line() {
		return this.line;
	}

	/**
	 * The value, {@code ENC(...)}.
	 * @return the value as written, without surrounding white space or quotes
	 */
	String token() {
		return this.token;
	}

	/**
	 * Whether the value is written verbatim, once, on {@link #line()}, so that it can be replaced
	 * there without touching anything else.
	 * @return whether the value can be rewritten in place
	 */
	boolean isInPlace() {
		return this.inPlace;
	}

	@Override
	public String toString() {
		return "EncEntry[" + this.name + " at line " + this.line + "]";
	}

}
