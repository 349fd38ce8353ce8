package io.github.pbkdf2dpapi.lockout;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * A {@link LockoutStore} in memory, for a single instance. Bounded: at most
 * {@code maximumKeys} keys are held (Caffeine's size-based eviction, which keeps the keys that
 * are used often), so millions of distinct attacking usernames or addresses cannot exhaust the
 * heap; each entry also expires at its own {@link LockoutState#expiresAt()}.
 *
 * <p>
 * Under such a flood the counters of rarely seen keys may be evicted early; deployments that
 * need exact counts under attack, or several instances, use {@link JdbcLockoutStore}. Requires
 * {@code com.github.ben-manes.caffeine:caffeine}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class InMemoryLockoutStore implements LockoutStore {

	/** Default maximum number of keys. */
	public static final long DEFAULT_MAXIMUM_KEYS = 100_000;

	private final Cache<String, LockoutState> cache;

	private final Clock clock;

	/**
	 * Create a store with {@value #DEFAULT_MAXIMUM_KEYS} keys at most.
	 * @param clock the clock that {@link LockoutState#expiresAt()} refers to
	 */
	public InMemoryLockoutStore(Clock clock) {
		this(clock, DEFAULT_MAXIMUM_KEYS);
	}

	/**
	 * Create a store.
	 * @param clock the clock that {@link LockoutState#expiresAt()} refers to
	 * @param maximumKeys the maximum number of keys held (at least 1)
	 */
	public InMemoryLockoutStore(Clock clock, long maximumKeys) {
		if (clock == null) {
			throw new IllegalArgumentException("'clock' must not be null");
		}
		if (maximumKeys < 1) {
			throw new IllegalArgumentException(
					"Invalid pbkdf2-dpapi.lockout.memory.maximum-keys '" + maximumKeys + "': must be at least 1");
		}
		this.clock = clock;
		this.cache = Caffeine.newBuilder().maximumSize(maximumKeys).expireAfter(new StateExpiry(clock)).build();
	}

	@Override
	public LockoutState get(String key) {
		LockoutState state = this.cache.getIfPresent(key);
		return (state != null && !state.isExpired(this.clock.millis())) ? state : null;
	}

	@Override
	public LockoutState update(String key, UnaryOperator<LockoutState> update) {
		long now = this.clock.millis();
		return this.cache.asMap().compute(key, (k, current) -> update.apply(
				(current != null && !current.isExpired(now)) ? current : null));
	}

	@Override
	public boolean delete(String key) {
		return this.cache.asMap().remove(key) != null;
	}

	@Override
	public List<LockoutState> findLocked(long now, int limit) {
		return this.cache.asMap()
			.values()
			.stream()
			.filter((state) -> state.isLocked(now))
			.sorted(Comparator.comparingLong(LockoutState::lockedUntil).reversed())
			.limit(Math.max(0, limit))
			.toList();
	}

	@Override
	public int purgeExpired(long now) {
		int[] removed = { 0 };
		this.cache.asMap().values().removeIf((state) -> {
			boolean expired = state.isExpired(now);
			if (expired) {
				removed[0]++;
			}
			return expired;
		});
		this.cache.cleanUp();
		return removed[0];
	}

	/**
	 * The approximate number of keys held, for metrics and tests.
	 * @return the estimated size
	 */
	public long estimatedSize() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

	@Override
	public String toString() {
		return "InMemoryLockoutStore[size=" + this.cache.estimatedSize() + "]";
	}

	/**
	 * Expires an entry at its {@code expiresAt}, measured on the store's clock at write time.
	 */
	private static final class StateExpiry implements Expiry<String, LockoutState> {

		private final Clock clock;

		StateExpiry(Clock clock) {
			this.clock = clock;
		}

		@Override
		public long expireAfterCreate(String key, LockoutState value, long currentTime) {
			if (value.isPermanent() || value.expiresAt() == LockoutState.PERMANENT) {
				return Long.MAX_VALUE;
			}
			long millis = Math.max(0, value.expiresAt() - this.clock.millis());
			return TimeUnit.MILLISECONDS.toNanos(millis);
		}

		@Override
		public long expireAfterUpdate(String key, LockoutState value, long currentTime, long currentDuration) {
			return expireAfterCreate(key, value, currentTime);
		}

		@Override
		public long expireAfterRead(String key, LockoutState value, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
