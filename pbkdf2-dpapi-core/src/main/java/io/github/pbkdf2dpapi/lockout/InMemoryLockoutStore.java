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

	private final Clock clock;

	private final long maximumKeys;

	/**
	 * Created on the first update: building a Caffeine cache loads a good part of Caffeine, which
	 * an application otherwise pays at start-up for a store that stays empty until the first
	 * failed login.
	 */
	private volatile Cache<String, LockoutState> cache;

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
		this.maximumKeys = maximumKeys;
	}

	private Cache<String, LockoutState> cache() {
		Cache<String, LockoutState> cache = this.cache;
		if (cache == null) {
			synchronized (this) {
				cache = this.cache;
				if (cache == null) {
					cache = Caffeine.newBuilder()
						.maximumSize(this.maximumKeys)
						.expireAfter(new StateExpiry(this.clock))
						.build();
					this.cache = cache;
				}
			}
		}
		return cache;
	}

	@Override
	public LockoutState get(String key) {
		Cache<String, LockoutState> cache = this.cache;
		LockoutState state = (cache != null) ? cache.getIfPresent(key) : null;
		return (state != null && !state.isExpired(this.clock.millis())) ? state : null;
	}

	@Override
	public LockoutState update(String key, UnaryOperator<LockoutState> update) {
		long now = this.clock.millis();
		return cache().asMap().compute(key, (k, current) -> update.apply(
				(current != null && !current.isExpired(now)) ? current : null));
	}

	@Override
	public boolean delete(String key) {
		Cache<String, LockoutState> cache = this.cache;
		return cache != null && cache.asMap().remove(key) != null;
	}

	@Override
	public List<LockoutState> findLocked(long now, int limit) {
		Cache<String, LockoutState> cache = this.cache;
		if (cache == null) {
			return List.of();
		}
		return cache.asMap()
			.values()
			.stream()
			.filter((state) -> state.isLocked(now))
			.sorted(Comparator.comparingLong(LockoutState::lockedUntil).reversed())
			.limit(Math.max(0, limit))
			.toList();
	}

	@Override
	public int purgeExpired(long now) {
		Cache<String, LockoutState> cache = this.cache;
		if (cache == null) {
			return 0;
		}
		int[] removed = { 0 };
		cache.asMap().values().removeIf((state) -> {
			boolean expired = state.isExpired(now);
			if (expired) {
				removed[0]++;
			}
			return expired;
		});
		cache.cleanUp();
		return removed[0];
	}

	/**
	 * The approximate number of keys held, for metrics and tests.
	 * @return the estimated size
	 */
	public long estimatedSize() {
		Cache<String, LockoutState> cache = this.cache;
		if (cache == null) {
			return 0;
		}
		cache.cleanUp();
		return cache.estimatedSize();
	}

	@Override
	public String toString() {
		Cache<String, LockoutState> cache = this.cache;
		return "InMemoryLockoutStore[size=" + ((cache != null) ? cache.estimatedSize() : 0) + "]";
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
