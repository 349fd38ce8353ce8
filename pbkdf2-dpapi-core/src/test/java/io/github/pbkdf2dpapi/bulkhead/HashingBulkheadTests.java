package io.github.pbkdf2dpapi.bulkhead;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HashingBulkhead}.
 */
class HashingBulkheadTests {

	@Test
	void callWhenManyThreadsThenNeverMoreThanMaxConcurrent() throws Exception {
		HashingBulkhead bulkhead = new HashingBulkhead(2, Duration.ofSeconds(10));
		AtomicInteger running = new AtomicInteger();
		AtomicInteger peak = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				results.add(pool.submit(() -> bulkhead.call(() -> {
					peak.accumulateAndGet(running.incrementAndGet(), Math::max);
					sleep(5);
					running.decrementAndGet();
					return 1;
				})));
			}
			int sum = 0;
			for (Future<Integer> result : results) {
				sum += result.get(30, TimeUnit.SECONDS);
			}
			assertThat(sum).isEqualTo(32);
			assertThat(peak.get()).isEqualTo(2);
			assertThat(bulkhead.getActive()).isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void callWhenFullBeyondMaxWaitThenRejectedAndListenerTold() throws Exception {
		List<String> events = new ArrayList<>();
		HashingBulkhead bulkhead = new HashingBulkhead(1, Duration.ofMillis(50), new HashingBulkhead.Listener() {

			@Override
			public synchronized void acquired(Duration waited) {
				events.add("acquired");
			}

			@Override
			public synchronized void rejected(Duration waited) {
				events.add("rejected:" + (waited.toMillis() >= 40));
			}

		});
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> bulkhead.call(() -> {
			holding.countDown();
			await(release);
			return null;
		}));
		holder.start();
		holding.await();
		assertThat(bulkhead.getActive()).isEqualTo(1);
		assertThatExceptionOfType(HashingBulkheadFullException.class).isThrownBy(() -> bulkhead.call(() -> 1))
			.withMessageContaining("1 concurrent")
			.withMessageContaining("50 ms")
			.satisfies((ex) -> assertThat(ex.getMaxConcurrent()).isEqualTo(1));
		release.countDown();
		holder.join();
		assertThat(bulkhead.call(() -> 2)).isEqualTo(2);
		assertThat(events).containsExactly("acquired", "rejected:true", "acquired");
	}

	@Test
	void callWhenWorkThrowsThenPermitReleased() {
		HashingBulkhead bulkhead = new HashingBulkhead(1, Duration.ZERO);
		assertThatIllegalArgumentException().isThrownBy(() -> bulkhead.call(() -> {
			throw new IllegalArgumentException("boom");
		}));
		assertThat(bulkhead.getActive()).isZero();
		assertThat(bulkhead.call(() -> "ok")).isEqualTo("ok");
	}

	@Test
	void callWhenInterruptedWhileWaitingThenRejectedAndInterruptKept() throws Exception {
		HashingBulkhead bulkhead = new HashingBulkhead(1, Duration.ofSeconds(30));
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> bulkhead.call(() -> {
			holding.countDown();
			await(release);
			return null;
		}));
		holder.start();
		holding.await();
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(HashingBulkheadFullException.class).isThrownBy(() -> bulkhead.call(() -> 1))
				.withCauseInstanceOf(InterruptedException.class);
			assertThat(Thread.interrupted()).isTrue();
		}
		finally {
			release.countDown();
			holder.join();
		}
	}

	@Test
	void constructorWhenInvalidThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HashingBulkhead(0, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new HashingBulkhead(1, Duration.ofSeconds(-1)));
	}

	@Test
	void findWhenNestedThenFound() {
		HashingBulkheadFullException full = new HashingBulkheadFullException(2, Duration.ofSeconds(2), null);
		RuntimeException wrapped = new RuntimeException(new IllegalStateException(full));
		assertThat(HashingBulkheadFullException.find(wrapped)).isSameAs(full);
		assertThat(HashingBulkheadFullException.find(new RuntimeException())).isNull();
		assertThat(HashingBulkheadFullException.find(null)).isNull();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
