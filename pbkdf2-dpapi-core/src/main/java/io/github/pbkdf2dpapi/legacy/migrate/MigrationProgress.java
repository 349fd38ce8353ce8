package io.github.pbkdf2dpapi.legacy.migrate;

import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a running migration, reported after every committed batch.
 *
 * @param processed rows read so far
 * @param total rows in the table when the run started
 * @param written rows rewritten so far (wrapped or re-hashed; in a dry run, that would be)
 * @param elapsed time since the run started
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record MigrationProgress(long processed, long total, long written, Duration elapsed) {

	/**
	 * Rows read per second so far.
	 * @return the rate, 0 before any time has passed
	 */
	public double rowsPerSecond() {
		double seconds = this.elapsed.toNanos() / 1e9;
		return (seconds > 0) ? this.processed / seconds : 0;
	}

	/**
	 * Estimated time to the end at the rate so far.
	 * @return the estimate, {@link Duration#ZERO} when done or unknown
	 */
	public Duration eta() {
		double rate = rowsPerSecond();
		long remaining = Math.max(0, this.total - this.processed);
		return (rate > 0) ? Duration.ofMillis((long) (remaining / rate * 1000)) : Duration.ZERO;
	}

	/**
	 * Share of the rows read.
	 * @return 0 to 100
	 */
	public double percent() {
		return (this.total > 0) ? Math.min(100.0, 100.0 * this.processed / this.total) : 100.0;
	}

	/**
	 * One line for a terminal, for example
	 * {@code 40000/100000 rows (40.0 %), 38000 written, 1234 rows/s, ETA 0:00:48}.
	 * @return the line
	 */
	@Override
	public String toString() {
		Duration eta = eta();
		return String.format(Locale.ROOT, "%d/%d rows (%.1f %%), %d written, %.0f rows/s, ETA %d:%02d:%02d",
				this.processed, this.total, percent(), this.written, rowsPerSecond(), eta.toHours(),
				eta.toMinutesPart(), eta.toSecondsPart());
	}

}
