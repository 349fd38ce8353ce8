package io.github.pbkdf2dpapi.legacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PasswordUpgradeCounter}.
 */
class PasswordUpgradeCounterTests {

	@Test
	void upgradedWhenCalledThenCountedPerFormat() {
		PasswordUpgradeCounter counter = new PasswordUpgradeCounter();
		counter.upgraded("md5");
		counter.upgraded("md5");
		counter.upgraded("aspnet");
		assertThat(counter.counts()).containsExactly(java.util.Map.entry("aspnet", 1L), java.util.Map.entry("md5", 2L));
		assertThat(counter.count("sha1")).isZero();
		PasswordUpgradeListener.none().upgraded("md5");
	}

}
