package io.github.pbkdf2dpapi.bulkhead;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Limits how many password hashes run at once. A login flood then queues for a bounded time and
 * fails with {@link HashingBulkheadFullException} instead of taking every CPU and request thread:
 * other endpoints stay responsive and the failed logins can be answered with HTTP 503.
 *
 * <p>
 * Permits are handed out fairly (first come, first served). The waiting time of every call is
 * reported to a {@link Listener}, for example to record metrics.
 *
 * <p>
 * Thread-safe.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class HashingBulkhead {

	private final int maxConcurrent;

	private final Duration maxWait;

	private final Semaphore permits;

	private final Listener listener;

	/**
	 * Create a bulkhead without a listener.
	 * @param maxConcurrent the number of hashes that may run at once, at least 1
	 * @param maxWait how long a caller waits for a permit before it is rejected; zero means no
	 * waiting
	 */
	public HashingBulkhead(int maxConcurrent, Duration maxWait) {
		this(maxConcurrent, maxWait, Listener.NONE);
	}

	/**
	 * Create a bulkhead.
	 * @param maxConcurrent the number of hashes that may run at once, at least 1
	 * @param maxWait how long a caller waits for a permit before it is rejected; zero means no
	 * waiting
	 * @param listener told how long each caller waited and whether it got a permit
	 */
	public HashingBulkhead(int maxConcurrent, Duration maxWait, Listener listener) {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("'maxConcurrent' must be at least 1, was " + maxConcurrent);
		}
		if (maxWait == null || maxWait.isNegative()) {
			throw new IllegalArgumentException("'maxWait' must not be null or negative");
		}
		if (listener == null) {
			throw new IllegalArgumentException("'listener' must not be null");
		}
		this.maxConcurrent = maxConcurrent;
		this.maxWait = maxWait;
		this.permits = new Semaphore(maxConcurrent, true);
		this.listener = listener;
	}

	/**
	 * Runs {@code work} once a permit is free.
	 * @param <T> the result type
	 * @param work the hashing work
	 * @return what {@code work} returned
	 * @throws HashingBulkheadFullException if no permit became free within the maximum wait, or
	 * the thread was interrupted while waiting
	 */
	public <T> T call(Supplier<T> work) {
		acquire();
		try {
			return work.get();
		}
		finally {
			this.permits.release();
		}
	}

	private void acquire() {
		long start = System.nanoTime();
		boolean acquired;
		try {
			acquired = this.permits.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.listener.rejected(Duration.ofNanos(System.nanoTime() - start));
			throw new HashingBulkheadFullException(this.maxConcurrent, this.maxWait, ex);
		}
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		if (!acquired) {
			this.listener.rejected(waited);
			throw new HashingBulkheadFullException(this.maxConcurrent, this.maxWait, null);
		}
		this.listener.acquired(waited);
	}

	/**
	 * The number of hashes that may run at once.
	 * @return the limit
	 */
	public int getMaxConcurrent() {
		return this.maxConcurrent;
	}

	/**
	 * How long a caller waits for a permit.
	 * @return the maximum wait
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

	/**
	 * The number of hashes running now.
	 * @return the permits in use
	 */
	public int getActive() {
		return this.maxConcurrent - this.permits.availablePermits();
	}

	/**
	 * The number of callers waiting for a permit now (an estimate).
	 * @return the queue length
	 */
	public int getWaiting() {
		return this.permits.getQueueLength();
	}

	@Override
	public String toString() {
		return "HashingBulkhead[maxConcurrent=" + this.maxConcurrent + ", maxWait=" + this.maxWait + "]";
	}

	/**
	 * Told about every call, on the calling thread. Must be fast and must not throw.
	 */
	public interface Listener {

		/** A listener that does nothing. */
		Listener NONE = new Listener() {
		};

		/**
		 * A caller got a permit.
		 * @param waited how long it waited
		 */
		default void acquired(Duration waited) {
		}

		/**
		 * A caller gave up waiting and was rejected.
		 * @param waited how long it waited
		 */
		default void rejected(Duration waited) {
		}

	}

}
