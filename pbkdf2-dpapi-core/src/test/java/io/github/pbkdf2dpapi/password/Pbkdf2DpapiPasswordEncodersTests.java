package io.github.pbkdf2dpapi.password;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Pbkdf2DpapiPasswordEncoders}.
 */
class Pbkdf2DpapiPasswordEncodersTests {

	private final DelegatingPasswordEncoder encoder = Pbkdf2DpapiPasswordEncoders
		.createDelegatingPasswordEncoder(Pbkdf2DpapiPasswordEncoderTests.fast().build());

	@Test
	void encodeUsesPbkdf2DpapiId() {
		String encoded = this.encoder.encode("pw");
		assertThat(encoded).startsWith("{pbkdf2-dpapi}$p2d$v=1$");
		assertThat(this.encoder.matches("pw", encoded)).isTrue();
		assertThat(this.encoder.upgradeEncoding(encoded)).isFalse();
	}

	@Test
	void matchesWhenStandardFormatsThenTrueAndUpgrade() {
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("pw");
		String pbkdf2 = "{pbkdf2@SpringSecurity_v5_8}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("pw");
		for (String legacy : new String[] { bcrypt, pbkdf2, "{noop}pw" }) {
			assertThat(this.encoder.matches("pw", legacy)).as(legacy.substring(0, 8)).isTrue();
			assertThat(this.encoder.matches("wrong", legacy)).isFalse();
			assertThat(this.encoder.upgradeEncoding(legacy)).isTrue();
		}
	}

	@Test
	@SuppressWarnings("deprecation")
	void matchesWhenSpringMessageDigestFormatsThenTrue() {
		for (String algorithm : new String[] { "MD5", "SHA-1", "SHA-256" }) {
			String stored = "{" + algorithm + "}"
					+ new MessageDigestPasswordEncoder(algorithm).encode("password");
			assertThat(this.encoder.matches("password", stored)).as(algorithm).isTrue();
			assertThat(this.encoder.matches("Password", stored)).as(algorithm).isFalse();
		}
	}

	@Test
	void standardEncodersHaveExpectedIds() {
		Map<String, PasswordEncoder> encoders = Pbkdf2DpapiPasswordEncoders.standardEncoders();
		assertThat(encoders).containsKeys("bcrypt", "pbkdf2", "pbkdf2@SpringSecurity_v5_8", "noop", "MD5", "SHA-1",
				"SHA-256");
		assertThat(encoders.get("noop")).isSameAs(NoOpPasswordEncoder.getInstance());
		// Bouncy Castle is not a dependency of core: scrypt and argon2 appear only when it is present.
		assertThat(encoders).doesNotContainKeys("scrypt", "argon2");
	}

	@Test
	void additionalEncodersCanBeAdded() {
		DelegatingPasswordEncoder withExtra = Pbkdf2DpapiPasswordEncoders.createDelegatingPasswordEncoder(
				Pbkdf2DpapiPasswordEncoderTests.fast().build(), Map.of("plain", NoOpPasswordEncoder.getInstance()));
		assertThat(withExtra.matches("pw", "{plain}pw")).isTrue();
	}

}
