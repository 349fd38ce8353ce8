package io.github.pbkdf2dpapi.legacy.migrate;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a {@link JdbcHashMigrator#migrate} run: counts only, never values.
 *
 * @param scanned rows read
 * @param wrapped legacy digests wrapped (in a dry run: that would be)
 * @param rehashed plain-text values hashed to {@code {pbkdf2-dpapi}} (in a dry run: that would be)
 * @param alreadyWrapped rows skipped because an earlier run wrapped them
 * @param current rows skipped because they are {@code {pbkdf2-dpapi}} already
 * @param notWrappable rows skipped because their format can only be upgraded at login, by format
 * @param malformed rows skipped because their value does not parse as its format
 * @param empty rows skipped because their value is {@code null} or empty
 * @param changedConcurrently rows not written because their value changed while the batch was
 * hashed (a login upgraded them)
 * @param dryRun whether nothing was written
 * @param elapsed the run's duration
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record MigrationResult(long scanned, long wrapped, long rehashed, long alreadyWrapped, long current,
		Map<String, Long> notWrappable, long malformed, long empty, long changedConcurrently, boolean dryRun,
		Duration elapsed) {

	/**
	 * Copies the map.
	 * @param scanned rows read
	 * @param wrapped digests wrapped
	 * @param rehashed plain-text values hashed
	 * @param alreadyWrapped rows already wrapped
	 * @param current rows already current
	 * @param notWrappable rows of formats that cannot be wrapped, by format
	 * @param malformed malformed rows
	 * @param empty empty rows
	 * @param changedConcurrently rows changed while the batch was hashed
	 * @param dryRun whether nothing was written
	 * @param elapsed the duration
	 */
	public MigrationResult {
		notWrappable = Collections.unmodifiableMap(new TreeMap<>(notWrappable));
	}

	/**
	 * A summary for a terminal, one count per line.
	 * @return the summary
	 */
	public String summary() {
		StringBuilder sb = new StringBuilder();
		sb.append(this.dryRun ? "Dry run (nothing written)" : "Migration finished").append(" in ")
			.append(this.elapsed.toMillis() / 1000.0)
			.append(" s\n");
		sb.append("  rows read:             ").append(this.scanned).append('\n');
		sb.append("  wrapped:               ").append(this.wrapped).append('\n');
		sb.append("  plain text re-hashed:  ").append(this.rehashed).append('\n');
		sb.append("  already wrapped:       ").append(this.alreadyWrapped).append('\n');
		sb.append("  already pbkdf2-dpapi:  ").append(this.current).append('\n');
		this.notWrappable.forEach((format, count) -> sb.append("  left for login (")
			.append(format)
			.append("): ")
			.append(count)
			.append('\n'));
		sb.append("  malformed (skipped):   ").append(this.malformed).append('\n');
		sb.append("  empty (skipped):       ").append(this.empty).append('\n');
		sb.append("  changed during run:    ").append(this.changedConcurrently).append('\n');
		return sb.toString();
	}

}
