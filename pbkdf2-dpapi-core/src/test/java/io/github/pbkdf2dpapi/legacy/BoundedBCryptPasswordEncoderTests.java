package io.github.pbkdf2dpapi.legacy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BoundedBCryptPasswordEncoder}.
 */
class BoundedBCryptPasswordEncoderTests {

	private final BoundedBCryptPasswordEncoder encoder = new BoundedBCryptPasswordEncoder(new BCryptPasswordEncoder(4),
			6);

	@Test
	void matchesWhenCostWithinCapThenVerifies() {
		String stored = new BCryptPasswordEncoder(5).encode("pw");
		assertThat(this.encoder.matches("pw", stored)).isTrue();
		assertThat(this.encoder.matches("px", stored)).isFalse();
	}

	@Test
	void matchesWhenCostAboveCapThenFalseWithoutHashing() {
		String stored = new BCryptPasswordEncoder(4).encode("pw");
		long start = System.nanoTime();
		assertThat(this.encoder.matches("pw", "$2a$31$" + stored.substring(7))).isFalse();
		assertThat(this.encoder.matches("pw", "$2y$07$" + stored.substring(7))).isFalse();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
	}

	@Test
	void matchesWhenMalformedThenFalse() {
		assertThat(this.encoder.matches("pw", "not bcrypt")).isFalse();
		assertThat(this.encoder.matches("pw", null)).isFalse();
	}

	@Test
	void constructorWhenCapOutOfRangeThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedBCryptPasswordEncoder(new BCryptPasswordEncoder(), 3));
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedBCryptPasswordEncoder(null, 10));
	}

}
