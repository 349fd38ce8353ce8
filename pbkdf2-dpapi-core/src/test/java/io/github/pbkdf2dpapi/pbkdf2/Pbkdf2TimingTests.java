package io.github.pbkdf2dpapi.pbkdf2;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Pbkdf2Timing}.
 */
class Pbkdf2TimingTests {

	@Test
	void iterationsForRoundsDownToTenThousands() {
		Pbkdf2Timing timing = new Pbkdf2Timing(Pbkdf2Prf.HMAC_SHA256, 137.0);
		assertThat(timing.iterationsFor(Duration.ofMillis(300))).isEqualTo(2_180_000);
		assertThat(timing.estimate(600_000)).isEqualTo(Duration.ofNanos(82_200_000));
		assertThat(timing.iterationsFor(Duration.ofNanos(1))).isEqualTo(10_000);
	}

	@Test
	void measureReturnsPositiveCostOfThisMachine() {
		Pbkdf2Timing timing = Pbkdf2Timing.measure(Pbkdf2Prf.HMAC_SHA256);
		assertThat(timing.prf()).isEqualTo(Pbkdf2Prf.HMAC_SHA256);
		assertThat(timing.nanosPerIteration()).isPositive();
		assertThat(timing.estimate(1_000_000)).isPositive();
	}

	@Test
	void measureWithEngineThenTimesThatEngine() {
		CountingPbkdf2Engine engine = new CountingPbkdf2Engine();
		Pbkdf2Timing timing = Pbkdf2Timing.measure(Pbkdf2Prf.HMAC_SHA512, engine);
		assertThat(engine.calls()).isEqualTo(6);
		assertThat(timing.prf()).isEqualTo(Pbkdf2Prf.HMAC_SHA512);
		assertThat(timing.nanosPerIteration()).isPositive();
	}

}
