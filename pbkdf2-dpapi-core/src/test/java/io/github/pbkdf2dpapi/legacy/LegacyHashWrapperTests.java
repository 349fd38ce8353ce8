package io.github.pbkdf2dpapi.legacy;

import org.junit.jupiter.api.Test;

import io.github.pbkdf2dpapi.legacy.LegacyHashWrapper.Kind;
import io.github.pbkdf2dpapi.legacy.LegacyHashWrapper.Plan;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LegacyHashWrapper}.
 */
class LegacyHashWrapperTests {

	private final Pbkdf2DpapiPasswordEncoder current = TestEncoders.current(1000);

	private final LegacyHashWrapper wrapper = new LegacyHashWrapper(this.current, "md5-salt-after");

	private final PasswordEncoderCheck check = new PasswordEncoderCheck(this.current);

	@Test
	void planWhenKindsOfValuesThenClassified() {
		assertThat(this.wrapper.plan(null, null).kind()).isEqualTo(Kind.EMPTY);
		assertThat(this.wrapper.plan("{pbkdf2-dpapi}$p2d$x", null).kind()).isEqualTo(Kind.CURRENT);
		assertThat(this.wrapper.plan("{pbkdf2-dpapi-wrap:md5}$p2d$x", null).kind()).isEqualTo(Kind.ALREADY_WRAPPED);
		assertThat(this.wrapper.plan("{aspnet}AQAAAA==", null).kind()).isEqualTo(Kind.NOT_WRAPPABLE);
		assertThat(this.wrapper.plan("{bcrypt}$2a$10$x", null).format()).isEqualTo("bcrypt");
		assertThat(this.wrapper.plan("{noop}plain", null).kind()).isEqualTo(Kind.REHASHABLE);
		assertThat(this.wrapper.plan("{md5}5f4dcc3b5aa765d61d8327deb882cf9", null).kind()).isEqualTo(Kind.MALFORMED);
		assertThat(this.wrapper.plan("5f4dcc3b5aa765d61d8327deb882cf99", null).kind()).isEqualTo(Kind.MALFORMED);
		Plan plan = this.wrapper.plan("NaCl$62d19f7e7ddcb5946728776d25e410ed", null);
		assertThat(plan.kind()).isEqualTo(Kind.WRAPPABLE);
		assertThat(plan.toString()).isEqualTo("Plan[WRAPPABLE, md5-salt-after]");
	}

	@Test
	void wrapWhenSaltColumnThenLoginWithOriginalPassword() {
		// openssl: printf 'passwordNaCl' | openssl dgst -md5 -r is not needed: the format computes it
		String hex = LegacyDigest.toHex(DigestFormat.fromName("md5-salt-after").digest("pw", "NaCl"));
		String wrapped = this.wrapper.wrap(this.wrapper.plan(hex, "NaCl"));
		assertThat(wrapped).startsWith("{pbkdf2-dpapi-wrap:md5-salt-after}");
		assertThat(this.check.matches("pw", wrapped)).isTrue();
	}

	@Test
	void wrapWhenSpringSecurityValuesThenLoginWithOriginalPassword() {
		// openssl: printf 'password{somesalt}' | openssl dgst -md5 -r, then without salt
		String salted = this.wrapper.wrap(this.wrapper.plan("{MD5}{somesalt}77a8898646d427f23c4c285fe508b3e5", null));
		assertThat(salted).startsWith("{pbkdf2-dpapi-wrap:md5-salt-after}");
		assertThat(this.check.matches("password", salted)).isTrue();
		String unsalted = this.wrapper
			.wrap(this.wrapper.plan("{SHA-256}5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", null));
		assertThat(unsalted).startsWith("{pbkdf2-dpapi-wrap:sha256}$p2d$");
		assertThat(this.check.matches("password", unsalted)).isTrue();
	}

	@Test
	void wrapWhenNoopThenPlainRecord() {
		String rehashed = this.wrapper.wrap(this.wrapper.plan("{noop}plain", null));
		assertThat(rehashed).startsWith("{pbkdf2-dpapi}$p2d$");
		assertThat(this.check.matches("plain", rehashed)).isTrue();
	}

	/**
	 * Verifies through the full delegating encoder, as a login would.
	 */
	static final class PasswordEncoderCheck {

		private final org.springframework.security.crypto.password.PasswordEncoder encoder;

		PasswordEncoderCheck(Pbkdf2DpapiPasswordEncoder current) {
			this.encoder = LegacyPasswordEncoders.createDelegatingPasswordEncoder(current,
					LegacyOptions.defaults().withEqualizeTiming(false));
		}

		boolean matches(String password, String stored) {
			return this.encoder.matches(password, stored);
		}

	}

}
