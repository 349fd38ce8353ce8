package io.github.pbkdf2dpapi.autoconfigure.password;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LazyPasswordEncoder}.
 */
class LazyPasswordEncoderTests {

	@Test
	void delegateBuiltOnceOnFirstUseAndEveryMethodDelegated() {
		AtomicInteger built = new AtomicInteger();
		LazyPasswordEncoder encoder = new LazyPasswordEncoder(() -> {
			built.incrementAndGet();
			return new Reversing();
		});
		assertThat(built).hasValue(0);
		assertThat(encoder.encode("abc")).isEqualTo("cba");
		assertThat(encoder.matches("abc", "cba")).isTrue();
		assertThat(encoder.matches("abc", "abc")).isFalse();
		assertThat(encoder.upgradeEncoding("old:cba")).isTrue();
		assertThat(encoder.upgradeEncoding("cba")).isFalse();
		assertThat(built).hasValue(1);
	}

	@Test
	void concurrentFirstUseBuildsOneDelegate() throws Exception {
		AtomicInteger built = new AtomicInteger();
		LazyPasswordEncoder encoder = new LazyPasswordEncoder(() -> {
			built.incrementAndGet();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new Reversing();
		});
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Thread thread = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				encoder.encode("x");
			});
			thread.start();
			threads.add(thread);
		}
		start.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(built).hasValue(1);
	}

	@Test
	void factoryReturningNullThenFails() {
		LazyPasswordEncoder encoder = new LazyPasswordEncoder(() -> null);
		assertThatIllegalStateException().isThrownBy(() -> encoder.encode("x"));
		assertThat(encoder.isInitialized()).isFalse();
	}

	private static final class Reversing implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			return new StringBuilder(rawPassword).reverse().toString();
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return encode(rawPassword).equals(encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return encodedPassword.startsWith("old:");
		}

	}

}
