package io.github.pbkdf2dpapi.legacy.migrate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.github.pbkdf2dpapi.legacy.LegacyPasswordEncoders;
import io.github.pbkdf2dpapi.legacy.WrappingPasswordEncoder;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

/**
 * How many accounts remain per format, so operators know when an old format can be removed.
 *
 * @param byFormat rows per format, as {@link LegacyPasswordEncoders#formatOf} names them
 * @param total all rows
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record MigrationReport(Map<String, Long> byFormat, long total) {

	/**
	 * Copies the map.
	 * @param byFormat rows per format
	 * @param total all rows
	 */
	public MigrationReport {
		byFormat = Collections.unmodifiableMap(new TreeMap<>(byFormat));
	}

	/**
	 * Rows on {@code {pbkdf2-dpapi}} (possibly with outdated parameters: those are upgraded at
	 * login).
	 * @return the count
	 */
	public long current() {
		return this.byFormat.getOrDefault(Pbkdf2DpapiPasswordEncoder.ID, 0L);
	}

	/**
	 * Rows wrapped by a migration and not yet upgraded by a login.
	 * @return the count
	 */
	public long wrapped() {
		return this.byFormat.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith(WrappingPasswordEncoder.ID_PREFIX))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/**
	 * Rows on a legacy format, neither current nor wrapped nor empty.
	 * @return the count
	 */
	public long legacy() {
		return this.total - current() - wrapped() - this.byFormat.getOrDefault(LegacyPasswordEncoders.EMPTY, 0L);
	}

	/**
	 * A summary for a terminal.
	 * @return the summary
	 */
	public String summary() {
		StringBuilder sb = new StringBuilder("Accounts per password format (").append(this.total).append(" rows)\n");
		this.byFormat.forEach((format, count) -> sb.append(String.format("  %-40s %d%n", format, count)));
		sb.append("  current: ").append(current()).append(", wrapped (awaiting login): ").append(wrapped())
			.append(", legacy: ").append(legacy()).append('\n');
		return sb.toString();
	}

}
