package io.github.pbkdf2dpapi.lockout;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LockoutPolicy}.
 */
class LockoutPolicyTests {

	@Test
	void defaultsWhenBuiltThenFollowTheArticleAndNist() {
		LockoutPolicy policy = LockoutPolicy.defaults();
		assertThat(policy.getMaxFailures()).isEqualTo(5);
		assertThat(policy.getWindow()).isEqualTo(Duration.ofMinutes(5));
		assertThat(policy.getDuration()).isEqualTo(Duration.ofMinutes(15));
		assertThat(policy.getMaxConsecutiveFailures()).isEqualTo(100);
		assertThat(policy.getAddressMaxFailures()).isEqualTo(50);
	}

	@Test
	void buildWhenMoreThan100ConsecutiveFailuresThenRejectedNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LockoutPolicy.builder().maxConsecutiveFailures(101).build())
			.withMessageContaining("pbkdf2-dpapi.lockout.max-consecutive-failures")
			.withMessageContaining("NIST SP 800-63B");
	}

	@Test
	void buildWhenMaxFailuresAboveConsecutiveCapThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> LockoutPolicy.builder().maxFailures(101).build())
			.withMessageContaining("pbkdf2-dpapi.lockout.max-failures");
	}

	@Test
	void buildWhenInvalidDurationsThenRejectedNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LockoutPolicy.builder().window(Duration.ZERO).build())
			.withMessageContaining("pbkdf2-dpapi.lockout.window");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LockoutPolicy.builder().maxDuration(Duration.ofMinutes(1)).build())
			.withMessageContaining("pbkdf2-dpapi.lockout.max-duration");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LockoutPolicy.builder().durationMultiplier(0.5).build())
			.withMessageContaining("pbkdf2-dpapi.lockout.duration-multiplier");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LockoutPolicy.builder().addressMaxFailures(0).build())
			.withMessageContaining("pbkdf2-dpapi.rate-limit.max-failures");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LockoutPolicy.builder().permanentAfterLockouts(-1).build())
			.withMessageContaining("pbkdf2-dpapi.lockout.permanent-after-lockouts");
	}

	@Test
	void lockoutDurationWhenRepeatedThenGrowsUpToTheCap() {
		LockoutPolicy policy = LockoutPolicy.builder()
			.duration(Duration.ofMinutes(15))
			.durationMultiplier(2)
			.maxDuration(Duration.ofHours(1))
			.build();
		assertThat(policy.lockoutDuration(1)).isEqualTo(Duration.ofMinutes(15));
		assertThat(policy.lockoutDuration(2)).isEqualTo(Duration.ofMinutes(30));
		assertThat(policy.lockoutDuration(3)).isEqualTo(Duration.ofHours(1));
		assertThat(policy.lockoutDuration(500)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void lockoutDurationWhenMultiplierOneThenConstant() {
		LockoutPolicy policy = LockoutPolicy.builder().durationMultiplier(1).build();
		assertThat(policy.lockoutDuration(7)).isEqualTo(Duration.ofMinutes(15));
	}

}
