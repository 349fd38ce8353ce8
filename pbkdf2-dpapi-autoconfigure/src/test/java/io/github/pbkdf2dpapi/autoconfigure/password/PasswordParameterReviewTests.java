package io.github.pbkdf2dpapi.autoconfigure.password;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Timing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PasswordParameterReview}.
 */
class PasswordParameterReviewTests {

	// 140 ns per iteration: 600,000 iterations take 84 ms.
	private final Pbkdf2Timing timing = new Pbkdf2Timing(Pbkdf2Prf.HMAC_SHA256, 140);

	private final Duration min = Duration.ofMillis(100);

	private final Duration max = Duration.ofMillis(500);

	@Test
	void warningsWhenFasterThanBudgetThenSuggestsIterationsFor300ms() {
		assertThat(PasswordParameterReview.warnings(this.timing, 600_000, this.min, this.max)).singleElement()
			.asString()
			.contains("takes about 84 ms, below the budget of 100 to 500 ms")
			.contains("pbkdf2-dpapi.password.iterations=2140000")
			.contains("calibrate-to=300ms");
	}

	@Test
	void warningsWhenSlowerThanBudgetThenSuggestsFewer() {
		assertThat(PasswordParameterReview.warnings(this.timing, 4_000_000, this.min, this.max)).singleElement()
			.asString()
			.contains("takes about 560 ms, above the budget")
			.contains("iterations=2140000");
	}

	@Test
	void warningsWhenInsideBudgetThenNone() {
		assertThat(PasswordParameterReview.warnings(this.timing, 2_000_000, this.min, this.max)).isEmpty();
		assertThat(PasswordParameterReview.warnings(null, 1, this.min, this.max)).isEmpty();
	}

	@Test
	void owaspWarningWhenBelowGuidanceThenNamesProperty() {
		assertThat(PasswordParameterReview.owaspWarning(Pbkdf2Prf.HMAC_SHA256, 300_000)).contains("below current OWASP guidance (600000)");
		assertThat(PasswordParameterReview.owaspWarning(Pbkdf2Prf.HMAC_SHA256, 600_000)).isNull();
		assertThat(PasswordParameterReview.owaspWarning(Pbkdf2Prf.HMAC_SHA512, 210_000)).isNull();
		assertThat(PasswordParameterReview.owaspWarning(Pbkdf2Prf.HMAC_SHA512, 100_000)).contains("(210000)");
	}

	@Test
	void calibratedIterationsNeverBelowMinimum() {
		assertThat(PasswordParameterReview.calibratedIterations(this.timing, Duration.ofMillis(300), 600_000))
			.isEqualTo(2_140_000);
		assertThat(PasswordParameterReview.calibratedIterations(this.timing, Duration.ofMillis(10), 600_000))
			.isEqualTo(600_000);
	}

	@Test
	void measuredNamesParametersAndTime() {
		assertThat(PasswordParameterReview.measured(this.timing, 600_000))
			.isEqualTo("pbkdf2-dpapi: one hash (sha256, 600000 iterations) takes about 84 ms on this machine");
	}

}
