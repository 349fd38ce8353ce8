package io.github.pbkdf2dpapi.legacy.migrate;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationProgress}.
 */
class MigrationProgressTests {

	@Test
	void toStringWhenHalfwayThenRateAndEta() {
		MigrationProgress progress = new MigrationProgress(50_000, 100_000, 45_000, Duration.ofSeconds(10));
		assertThat(progress.rowsPerSecond()).isEqualTo(5000.0);
		assertThat(progress.eta()).isEqualTo(Duration.ofSeconds(10));
		assertThat(progress.percent()).isEqualTo(50.0);
		assertThat(progress).hasToString("50000/100000 rows (50.0 %), 45000 written, 5000 rows/s, ETA 0:00:10");
	}

	@Test
	void etaWhenNoTimeOrDoneThenZero() {
		assertThat(new MigrationProgress(0, 10, 0, Duration.ZERO).eta()).isEqualTo(Duration.ZERO);
		assertThat(new MigrationProgress(10, 10, 0, Duration.ofSeconds(1)).eta()).isEqualTo(Duration.ZERO);
		assertThat(new MigrationProgress(0, 0, 0, Duration.ZERO).percent()).isEqualTo(100.0);
	}

}
