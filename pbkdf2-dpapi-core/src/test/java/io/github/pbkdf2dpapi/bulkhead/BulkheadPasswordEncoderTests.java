package io.github.pbkdf2dpapi.bulkhead;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BulkheadPasswordEncoder}.
 */
class BulkheadPasswordEncoderTests {

	private final PasswordEncoder fast = Pbkdf2DpapiPasswordEncoder.builder()
		.iterations(1000)
		.allowWeakParameters(true)
		.build();

	@Test
	void encodeAndMatchesWhenPermitFreeThenDelegated() {
		BulkheadPasswordEncoder encoder = new BulkheadPasswordEncoder(this.fast,
				new HashingBulkhead(1, Duration.ofSeconds(1)));
		String encoded = encoder.encode("pw");
		assertThat(encoder.matches("pw", encoded)).isTrue();
		assertThat(encoder.matches("other", encoded)).isFalse();
		assertThat(encoder.upgradeEncoding(encoded)).isFalse();
	}

	@Test
	void matchesWhenBulkheadFullThenRejectedWithoutHashing() throws Exception {
		HashingBulkhead bulkhead = new HashingBulkhead(1, Duration.ZERO);
		BulkheadPasswordEncoder encoder = new BulkheadPasswordEncoder(this.fast, bulkhead);
		String encoded = encoder.encode("pw");
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = new Thread(() -> bulkhead.call(() -> {
			holding.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return null;
		}));
		holder.start();
		holding.await();
		try {
			assertThatExceptionOfType(HashingBulkheadFullException.class)
				.isThrownBy(() -> encoder.matches("pw", encoded));
			assertThatExceptionOfType(HashingBulkheadFullException.class).isThrownBy(() -> encoder.encode("pw"));
			assertThat(encoder.upgradeEncoding(encoded)).isFalse();
		}
		finally {
			release.countDown();
			holder.join();
		}
	}

}
