package io.github.pbkdf2dpapi.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as {@code 300ms}, {@code 30s}, {@code 15m}, {@code 1h}, {@code 90d} or ISO-8601
 * ({@code PT1H}).
 *
 * @author pbkdf2-dpapi
 */
final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern SIMPLE = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

	@Override
	public Duration convert(String value) {
		return parse(value);
	}

	static Duration parse(String value) {
		String text = value.strip().toLowerCase(Locale.ROOT);
		Matcher m = SIMPLE.matcher(text);
		if (m.matches()) {
			long n = Long.parseLong(m.group(1));
			switch (m.group(2)) {
				case "ms":
					return Duration.ofMillis(n);
				case "s":
					return Duration.ofSeconds(n);
				case "m":
					return Duration.ofMinutes(n);
				case "h":
					return Duration.ofHours(n);
				default:
					return Duration.ofDays(n);
			}
		}
		try {
			return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new TypeConversionException("'" + value + "' is not a duration such as 300ms, 30s, 15m, 1h, 90d or PT1H");
		}
	}

}
