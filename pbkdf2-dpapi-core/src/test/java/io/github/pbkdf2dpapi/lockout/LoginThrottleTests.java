package io.github.pbkdf2dpapi.lockout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.github.pbkdf2dpapi.lockout.LoginDecision.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoginThrottle}.
 */
class LoginThrottleTests {

	private static final String HOME = "198.51.100.10";

	private static final String ATTACKER = "203.0.113.66";

	private final MutableClock clock = new MutableClock();

	private final InMemoryLockoutStore store = new InMemoryLockoutStore(this.clock, 10_000);

	private final LockoutKeys keys = new LockoutKeys("test-secret-0123456789".getBytes(StandardCharsets.UTF_8),
			UsernameNormalizer.lowercaseNfkc(), 64);

	private LoginThrottle throttle(LockoutPolicy policy) {
		return new LoginThrottle(policy, this.store, this.keys, this.clock);
	}

	private void fail(LoginThrottle throttle, String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			throttle.recordFailure(username, address);
		}
	}

	@Test
	void checkWhenFiveFailuresInWindowThenAccountLockedForDuration() {
		LoginThrottle throttle = throttle(LockoutPolicy.defaults());
		fail(throttle, "alice", HOME, 4);
		assertThat(throttle.check("alice", HOME).isAllowed()).isTrue();
		FailureOutcome outcome = throttle.recordFailure("alice", HOME);
		assertThat(outcome.accountLocked()).isTrue();
		assertThat(outcome.lockedUntil()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(15)));
		LoginDecision decision = throttle.check("alice", HOME);
		assertThat(decision.verdict()).isEqualTo(Verdict.ACCOUNT_LOCKED);
		assertThat(throttle.check("ALICE", "192.0.2.1").verdict()).isEqualTo(Verdict.ACCOUNT_LOCKED);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(throttle.check("alice", HOME).isAllowed()).isTrue();
	}

	@Test
	void checkWhenFailuresSpreadBeyondWindowThenNotLocked() {
		LoginThrottle throttle = throttle(LockoutPolicy.defaults());
		fail(throttle, "alice", HOME, 4);
		this.clock.advance(Duration.ofMinutes(6));
		fail(throttle, "alice", HOME, 4);
		assertThat(throttle.check("alice", HOME).isAllowed()).isTrue();
	}

	@Test
	void recordFailureWhenLockedAgainThenDurationGrows() {
		LoginThrottle throttle = throttle(LockoutPolicy.defaults());
		fail(throttle, "alice", ATTACKER, 5);
		this.clock.advance(Duration.ofMinutes(15));
		fail(throttle, "alice", ATTACKER, 4);
		FailureOutcome second = throttle.recordFailure("alice", ATTACKER);
		assertThat(second.lockouts()).isEqualTo(2);
		assertThat(second.lockedUntil()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(30)));
	}

	@Test
	void recordFailureWhenPermanentAfterLockoutsReachedThenPermanentLock() {
		LoginThrottle throttle = throttle(LockoutPolicy.builder().permanentAfterLockouts(2).build());
		fail(throttle, "alice", ATTACKER, 5);
		this.clock.advance(Duration.ofMinutes(15));
		fail(throttle, "alice", ATTACKER, 4);
		FailureOutcome outcome = throttle.recordFailure("alice", ATTACKER);
		assertThat(outcome.permanent()).isTrue();
		assertThat(outcome.lockedUntil()).isEqualTo(Instant.MAX);
		this.clock.advance(Duration.ofDays(3650));
		assertThat(throttle.check("alice", HOME).verdict()).isEqualTo(Verdict.ACCOUNT_LOCKED);
		assertThat(throttle.lockouts(10)).extracting(LockoutState::key).containsExactly(this.keys.account("alice"));
		assertThat(throttle.unlock("Alice")).isTrue();
		assertThat(throttle.check("alice", HOME).isAllowed()).isTrue();
	}

	@Test
	void recordFailureWhenConsecutiveCapReachedThenPermanentLock() {
		LoginThrottle throttle = throttle(LockoutPolicy.builder()
			.maxFailures(5)
			.maxConsecutiveFailures(12)
			.durationMultiplier(1)
			.addressLimitEnabled(false)
			.build());
		for (int i = 0; i < 2; i++) {
			fail(throttle, "alice", ATTACKER, 5);
			this.clock.advance(Duration.ofMinutes(15));
		}
		fail(throttle, "alice", ATTACKER, 1);
		FailureOutcome outcome = throttle.recordFailure("alice", ATTACKER);
		assertThat(outcome.accountLocked()).isTrue();
		assertThat(outcome.permanent()).isTrue();
	}

	@Test
	void recordFailureWhenAccountLockedThenNotCountedAndLockNotExtended() {
		LoginThrottle throttle = throttle(LockoutPolicy.defaults());
		fail(throttle, "alice", ATTACKER, 5);
		fail(throttle, "alice", ATTACKER, 20);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(throttle.check("alice", HOME).isAllowed()).isTrue();
	}

	@Test
	void recordSuccessWhenFailuresFromSameAddressThenForgiven() {
		LoginThrottle throttle = throttle(LockoutPolicy.defaults());
		fail(throttle, "alice", HOME, 4);
		throttle.recordSuccess("alice", HOME);
		fail(throttle, "alice", HOME, 4);
		assertThat(throttle.check("alice", HOME).isAllowed()).isTrue();
		assertThat(this.store.get(this.keys.account("alice")).failures()).isEqualTo(4);
	}

	@Test
	void recordSuccessWhenFailuresFromOtherAddressThenKept() {
		LoginThrottle throttle = throttle(LockoutPolicy.defaults());
		fail(throttle, "alice", ATTACKER, 4);
		throttle.recordSuccess("alice", HOME);
		throttle.recordFailure("alice", ATTACKER);
		assertThat(throttle.check("alice", HOME).verdict()).isEqualTo(Verdict.ACCOUNT_LOCKED);
	}

	@Test
	void recordSuccessWhenAttackerLogsIntoOwnAccountThenAddressBudgetNotRestored() {
		LoginThrottle throttle = throttle(LockoutPolicy.builder().addressMaxFailures(10).build());
		for (int i = 0; i < 9; i++) {
			throttle.recordFailure("victim" + i, ATTACKER);
		}
		throttle.recordSuccess("mallory", ATTACKER);
		throttle.recordFailure("victim9", ATTACKER);
		assertThat(throttle.check("anyone", ATTACKER).verdict()).isEqualTo(Verdict.ADDRESS_THROTTLED);
		assertThat(throttle.check("anyone", HOME).isAllowed()).isTrue();
	}

	@Test
	void checkWhenAddressBudgetSpentAcrossUsernamesThenThrottled() {
		LoginThrottle throttle = throttle(LockoutPolicy.defaults());
		for (int i = 0; i < 49; i++) {
			throttle.recordFailure("user" + i, ATTACKER);
		}
		assertThat(throttle.check("user99", ATTACKER).isAllowed()).isTrue();
		FailureOutcome outcome = throttle.recordFailure("user49", ATTACKER);
		assertThat(outcome.addressThrottled()).isTrue();
		assertThat(throttle.check("user99", ATTACKER).verdict()).isEqualTo(Verdict.ADDRESS_THROTTLED);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(throttle.check("user99", ATTACKER).isAllowed()).isTrue();
	}

	@Test
	void storeWhenWrittenThenHoldsNoUsernameOrAddress() {
		LoginThrottle throttle = throttle(LockoutPolicy.defaults());
		fail(throttle, "alice@example.com", ATTACKER, 5);
		List<LockoutState> locked = this.store.findLocked(this.clock.millis(), 10);
		assertThat(locked).isNotEmpty()
			.allSatisfy((state) -> assertThat(state.toString()).doesNotContain("alice").doesNotContain(ATTACKER));
	}

	@Test
	void checkWhenStoreFailsThenDeniedByDefault() {
		LoginThrottle throttle = new LoginThrottle(LockoutPolicy.defaults(), new FailingStore(), this.keys,
				this.clock);
		assertThat(throttle.check("alice", HOME).verdict()).isEqualTo(Verdict.STORE_UNAVAILABLE);
		assertThat(throttle.recordFailure("alice", HOME).accountLocked()).isFalse();
		throttle.recordSuccess("alice", HOME);
	}

	@Test
	void checkWhenStoreFailsAndConfiguredToAllowThenAllowed() {
		LoginThrottle throttle = new LoginThrottle(LockoutPolicy.defaults(), new FailingStore(), this.keys,
				this.clock, StoreFailureMode.ALLOW, StoreFailureMode.ALLOW);
		assertThat(throttle.check("alice", HOME).isAllowed()).isTrue();
	}

	@Test
	void checkWhenMeasuredThenFast() {
		LoginThrottle throttle = throttle(LockoutPolicy.defaults());
		fail(throttle, "alice", HOME, 3);
		for (int i = 0; i < 20_000; i++) {
			throttle.check("alice", HOME);
		}
		int n = 200_000;
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			throttle.check("alice", HOME);
		}
		long perCall = (System.nanoTime() - start) / n;
		System.out.println("LoginThrottle.check (in-memory store): " + perCall + " ns per decision");
		assertThat(perCall).isLessThan(1_000_000);
	}

	static final class FailingStore implements LockoutStore {

		@Override
		public LockoutState get(String key) {
			throw new LockoutStoreException("down", null);
		}

		@Override
		public LockoutState update(String key, UnaryOperator<LockoutState> update) {
			throw new LockoutStoreException("down", null);
		}

		@Override
		public boolean delete(String key) {
			throw new LockoutStoreException("down", null);
		}

		@Override
		public List<LockoutState> findLocked(long now, int limit) {
			throw new LockoutStoreException("down", null);
		}

		@Override
		public int purgeExpired(long now) {
			throw new LockoutStoreException("down", null);
		}

	}

}
