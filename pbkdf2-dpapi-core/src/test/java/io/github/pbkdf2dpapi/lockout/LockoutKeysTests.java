package io.github.pbkdf2dpapi.lockout;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LockoutKeys}.
 */
class LockoutKeysTests {

	private final LockoutKeys keys = new LockoutKeys("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8),
			UsernameNormalizer.lowercaseNfkc(), 64);

	@Test
	void accountWhenHashedThenHexWithoutTheUsername() {
		String key = this.keys.account("alice");
		assertThat(key).matches("a:[0-9a-f]{64}").doesNotContain("alice");
		assertThat(this.keys.address("203.0.113.7")).matches("i:[0-9a-f]{64}");
		assertThat(this.keys.pair("alice", "203.0.113.7")).matches("p:[0-9a-f]{64}");
	}

	@Test
	void accountWhenCaseOrWidthDiffersThenSameKey() {
		assertThat(this.keys.account("ALICE")).isEqualTo(this.keys.account("alice"));
		assertThat(this.keys.account("\uFF21lice")).isEqualTo(this.keys.account("alice"));
	}

	@Test
	void accountWhenOtherSecretThenOtherKey() {
		LockoutKeys other = new LockoutKeys("another-secret-value".getBytes(StandardCharsets.UTF_8),
				UsernameNormalizer.lowercaseNfkc(), 64);
		assertThat(other.account("alice")).isNotEqualTo(this.keys.account("alice"));
	}

	@Test
	void addressWhenSameIpv6SlashSixtyFourThenSameKey() {
		assertThat(this.keys.address("2001:db8:1:2:aaaa::1")).isEqualTo(this.keys.address("2001:db8:1:2:bbbb::2"));
		assertThat(this.keys.address("2001:db8:1:3::1")).isNotEqualTo(this.keys.address("2001:db8:1:2::1"));
		assertThat(this.keys.normalizeAddress("2001:DB8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
	}

	@Test
	void addressWhenIpv4ThenKeptAsIs() {
		assertThat(this.keys.normalizeAddress("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(this.keys.address("203.0.113.7")).isNotEqualTo(this.keys.address("203.0.113.8"));
	}

	@Test
	void constructorWhenSecretTooShortThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LockoutKeys(new byte[8], UsernameNormalizer.none(), 64))
			.withMessageContaining("pbkdf2-dpapi.lockout.secret");
	}

	@Test
	void toStringWhenCalledThenNoSecret() {
		assertThat(this.keys.toString()).doesNotContain("0123456789");
	}

}
