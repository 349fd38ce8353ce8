package io.github.pbkdf2dpapi.lockout;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcLockoutStore}, run against each supported database by a subclass.
 */
abstract class AbstractJdbcLockoutStoreTests {

	private static final int THREADS = 16;

	private final MutableClock clock = new MutableClock();

	/**
	 * A data source of the database under test; each call returns a distinct pool on the same
	 * database, as two application instances would have.
	 */
	abstract DataSource newDataSource();

	abstract JdbcLockoutStore.Dialect expectedDialect();

	private DataSource first;

	private DataSource second;

	@BeforeEach
	void createSchema() throws Exception {
		this.first = newDataSource();
		this.second = newDataSource();
		JdbcLockoutStore store = new JdbcLockoutStore(this.first);
		store.createSchemaIfMissing();
		store.createSchemaIfMissing();
		try (Connection connection = this.first.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DELETE FROM " + JdbcLockoutStore.DEFAULT_TABLE_NAME);
		}
	}

	@Test
	void dialectWhenDetectedThenMatchesDatabase() {
		assertThat(new JdbcLockoutStore(this.first).dialect()).isEqualTo(expectedDialect());
	}

	@Test
	void updateWhenInsertedUpdatedAndDeletedThenReadBack() {
		JdbcLockoutStore store = new JdbcLockoutStore(this.first);
		long now = this.clock.millis();
		assertThat(store.get("a:1")).isNull();
		store.update("a:1", (current) -> new LockoutState("a:1", 1, now, 1, 0, 0, now + 1000));
		store.update("a:1", (current) -> new LockoutState("a:1", current.failures() + 1, current.windowStart(),
				current.consecutiveFailures() + 1, 1, LockoutState.PERMANENT, LockoutState.PERMANENT));
		assertThat(store.get("a:1")).isEqualTo(new LockoutState("a:1", 2, now, 2, 1, LockoutState.PERMANENT,
				LockoutState.PERMANENT));
		assertThat(store.update("a:1", (current) -> null)).isNull();
		assertThat(store.get("a:1")).isNull();
	}

	@Test
	void findLockedAndPurgeWhenMixedRowsThenOnlyLockedListedAndExpiredRemoved() {
		JdbcLockoutStore store = new JdbcLockoutStore(this.first);
		long now = this.clock.millis();
		store.update("a:locked", (c) -> new LockoutState("a:locked", 0, now, 5, 1, now + 60_000, now + 120_000));
		store.update("a:forever", (c) -> new LockoutState("a:forever", 0, now, 100, 20, LockoutState.PERMANENT,
				LockoutState.PERMANENT));
		store.update("i:old", (c) -> new LockoutState("i:old", 3, now - 600_000, 0, 0, 0, now - 1));
		assertThat(store.findLocked(now, 10)).extracting(LockoutState::key).containsExactly("a:forever", "a:locked");
		assertThat(store.findLocked(now, 1)).hasSize(1);
		assertThat(store.purgeExpired(now)).isEqualTo(1);
		assertThat(store.get("i:old")).isNull();
		assertThat(store.delete("a:locked")).isTrue();
		assertThat(store.delete("a:locked")).isFalse();
	}

	@Test
	void updateWhenSixteenThreadsOnTwoDataSourcesHammerOneKeyThenNoUpdateIsLost() throws Exception {
		JdbcLockoutStore one = new JdbcLockoutStore(this.first);
		JdbcLockoutStore two = new JdbcLockoutStore(this.second);
		int perThread = 25;
		long now = this.clock.millis();
		runConcurrently((i) -> {
			JdbcLockoutStore store = (i % 2 == 0) ? one : two;
			for (int n = 0; n < perThread; n++) {
				store.update("a:hammered", (current) -> (current == null)
						? new LockoutState("a:hammered", 1, now, 1, 0, 0, now + 60_000)
						: new LockoutState("a:hammered", current.failures() + 1, now,
								current.consecutiveFailures() + 1, 0, 0, now + 60_000));
			}
		});
		assertThat(one.get("a:hammered").failures()).isEqualTo(THREADS * perThread);
	}

	@Test
	void recordFailureWhenSixteenThreadsOnTwoInstancesThenEveryFailureCounted() throws Exception {
		LockoutPolicy policy = LockoutPolicy.builder().maxFailures(100).addressLimitEnabled(false).build();
		LockoutKeys keys = new LockoutKeys("shared-cluster-secret".getBytes(StandardCharsets.UTF_8),
				UsernameNormalizer.lowercaseNfkc(), 64);
		LoginThrottle one = new LoginThrottle(policy, new JdbcLockoutStore(this.first), keys, this.clock);
		LoginThrottle two = new LoginThrottle(policy, new JdbcLockoutStore(this.second), keys, this.clock);
		runConcurrently((i) -> {
			for (int n = 0; n < 6; n++) {
				((i % 2 == 0) ? one : two).recordFailure("alice", "192.0.2." + i);
			}
		});
		LockoutState state = new JdbcLockoutStore(this.first).get(keys.account("alice"));
		assertThat(state.consecutiveFailures()).isEqualTo(96);
		assertThat(state.failures()).isEqualTo(96);
		assertThat(one.check("alice", "192.0.2.1").isAllowed()).isTrue();
		one.recordFailure("alice", "192.0.2.1");
		one.recordFailure("alice", "192.0.2.1");
		one.recordFailure("alice", "192.0.2.1");
		one.recordFailure("alice", "192.0.2.1");
		assertThat(two.check("alice", "192.0.2.200").verdict()).isEqualTo(LoginDecision.Verdict.ACCOUNT_LOCKED);
	}

	private void runConcurrently(ThrowingIntConsumer task) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < THREADS; i++) {
				int index = i;
				futures.add(executor.submit(() -> {
					start.await();
					task.accept(index);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@FunctionalInterface
	interface ThrowingIntConsumer {

		void accept(int value) throws Exception;

	}

}
