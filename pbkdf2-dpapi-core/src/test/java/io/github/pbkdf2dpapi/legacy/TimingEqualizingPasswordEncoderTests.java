package io.github.pbkdf2dpapi.legacy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TimingEqualizingPasswordEncoder}.
 */
class TimingEqualizingPasswordEncoderTests {

	@Test
	void matchesWhenDelegateAnswersThenSameAnswerAfterDummyVerification() {
		AtomicInteger calls = new AtomicInteger();
		PasswordEncoder delegate = new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return "enc:" + rawPassword;
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				calls.incrementAndGet();
				return encodedPassword.equals("enc:" + rawPassword);
			}

		};
		TimingEqualizingPasswordEncoder encoder = new TimingEqualizingPasswordEncoder(delegate,
				new VerificationCostEqualizer(TestEncoders.current(1000)));
		assertThat(encoder.matches("a", "enc:a")).isTrue();
		assertThat(encoder.matches("a", "enc:b")).isFalse();
		assertThat(encoder.encode("a")).isEqualTo("enc:a");
		assertThat(encoder.upgradeEncoding("enc:a")).isFalse();
		assertThat(calls).hasValue(2);
	}

}
