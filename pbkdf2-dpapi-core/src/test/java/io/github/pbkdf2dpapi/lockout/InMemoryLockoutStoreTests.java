package io.github.pbkdf2dpapi.lockout;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InMemoryLockoutStore}.
 */
class InMemoryLockoutStoreTests {

	private final MutableClock clock = new MutableClock();

	@Test
	void updateWhenOneMillionDistinctKeysThenSizeStaysBounded() {
		InMemoryLockoutStore store = new InMemoryLockoutStore(this.clock, 10_000);
		long now = this.clock.millis();
		long start = System.nanoTime();
		for (int i = 0; i < 1_000_000; i++) {
			String key = "i:" + Integer.toHexString(i * 31 + 7);
			store.update(key, (current) -> new LockoutState(key, 1, now, 0, 0, 0, now + 300_000));
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("InMemoryLockoutStore: 1,000,000 distinct keys in " + millis + " ms");
		assertThat(store.estimatedSize()).isLessThanOrEqualTo(10_000);
	}

	@Test
	void getWhenExpiredOnClockThenAbsent() {
		InMemoryLockoutStore store = new InMemoryLockoutStore(this.clock);
		long now = this.clock.millis();
		store.update("a:1", (current) -> new LockoutState("a:1", 1, now, 1, 0, 0, now + 1000));
		assertThat(store.get("a:1")).isNotNull();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(store.get("a:1")).isNull();
		assertThat(store.purgeExpired(this.clock.millis())).isEqualTo(1);
	}

	@Test
	void findLockedWhenSomeLockedThenLatestFirst() {
		InMemoryLockoutStore store = new InMemoryLockoutStore(this.clock);
		long now = this.clock.millis();
		store.update("a:1", (c) -> new LockoutState("a:1", 0, now, 5, 1, now + 1000, now + 9000));
		store.update("a:2", (c) -> new LockoutState("a:2", 0, now, 5, 1, LockoutState.PERMANENT,
				LockoutState.PERMANENT));
		store.update("a:3", (c) -> new LockoutState("a:3", 2, now, 2, 0, 0, now + 9000));
		assertThat(store.findLocked(now, 10)).extracting(LockoutState::key).containsExactly("a:2", "a:1");
		assertThat(store.delete("a:2")).isTrue();
		assertThat(store.delete("a:2")).isFalse();
	}

	@Test
	void beforeFirstUpdateThenEveryReadAnswersEmpty() {
		InMemoryLockoutStore store = new InMemoryLockoutStore(this.clock, 10);
		long now = this.clock.millis();
		assertThat(store.get("a:1")).isNull();
		assertThat(store.delete("a:1")).isFalse();
		assertThat(store.findLocked(now, 10)).isEmpty();
		assertThat(store.purgeExpired(now)).isZero();
		assertThat(store.estimatedSize()).isZero();
		assertThat(store).hasToString("InMemoryLockoutStore[size=0]");
		store.update("a:1", (current) -> new LockoutState("a:1", 1, now, 1, 0, 0, now + 1000));
		assertThat(store.get("a:1")).isNotNull();
		assertThat(store.estimatedSize()).isOne();
	}

	@Test
	void concurrentFirstUpdatesThenNoneLost() throws Exception {
		InMemoryLockoutStore store = new InMemoryLockoutStore(this.clock);
		long now = this.clock.millis();
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.List<Thread> threads = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String key = "a:" + i;
			Thread thread = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				store.update(key, (current) -> new LockoutState(key, 1, now, 1, 0, 0, now + 60_000));
			});
			thread.start();
			threads.add(thread);
		}
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(store.estimatedSize()).isEqualTo(8);
	}

}
