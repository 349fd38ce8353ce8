package io.github.pbkdf2dpapi.protect;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KeyRingOptions}.
 */
class KeyRingOptionsTests {

	@Test
	void defaultsThenNoAutomaticRotation() {
		KeyRingOptions options = KeyRingOptions.defaults();
		assertThat(options.getRotationInterval()).isEmpty();
		assertThat(options.getActivationDelay()).isEqualTo(Duration.ofHours(1));
		assertThat(options.getReloadInterval()).isEqualTo(Duration.ofMinutes(5));
		assertThat(options.withAutomaticRotation(KeyRingOptions.DEFAULT_ROTATION_INTERVAL).getRotationInterval())
			.contains(Duration.ofDays(90));
		assertThat(options.withAutomaticRotation(Duration.ofDays(1)).withoutAutomaticRotation().getRotationInterval())
			.isEmpty();
	}

	@Test
	void withWhenInvalidThenRejected() {
		KeyRingOptions options = KeyRingOptions.defaults();
		assertThatIllegalArgumentException().isThrownBy(() -> options.withActivationDelay(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> options.withReloadInterval(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> options.withAutomaticRotation(Duration.ofMinutes(5)));
	}

}
