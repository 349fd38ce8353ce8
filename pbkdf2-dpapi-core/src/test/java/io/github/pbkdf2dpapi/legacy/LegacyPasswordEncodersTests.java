package io.github.pbkdf2dpapi.legacy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LegacyPasswordEncoders}.
 */
class LegacyPasswordEncodersTests {

	private static final String ASPNET_V3 = "AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==";

	private final Pbkdf2DpapiPasswordEncoder current = TestEncoders.current(1000);

	@Test
	void createDelegatingPasswordEncoderWhenPrefixedLegacyValuesThenVerifyAndNeedUpgrade() {
		DelegatingPasswordEncoder encoder = LegacyPasswordEncoders.createDelegatingPasswordEncoder(this.current,
				LegacyOptions.defaults().withEqualizeTiming(false));
		Map<String, String> stored = Map.of("{md5}5f4dcc3b5aa765d61d8327deb882cf99", "password",
				"{sha1-salt-after}NaCl$40274892d2fe01a6ab1e0fbde5c22b8312d10780", "password", "{aspnet}" + ASPNET_V3,
				"my password", "{pbkdf2-salt-hash}AAECAwQFBgcICQoLDA0ODw==:A3cI6BB89P3rSfcyFLl9lM7suQRDwMXF3OSu+S59hS0=",
				"P@ssw0rd!", "{MD5}" + springMd5("spring pw"), "spring pw", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("b"),
				"b", "{noop}plain", "plain");
		stored.forEach((value, password) -> {
			assertThat(encoder.matches(password, value)).as(value).isTrue();
			assertThat(encoder.matches(password + "x", value)).as(value).isFalse();
			assertThat(encoder.upgradeEncoding(value)).as(value).isTrue();
		});
		String fresh = encoder.encode("password");
		assertThat(fresh).startsWith("{pbkdf2-dpapi}$p2d$");
		assertThat(encoder.upgradeEncoding(fresh)).isFalse();
	}

	@Test
	void createDelegatingPasswordEncoderWhenWrappedThenVerifies() {
		DelegatingPasswordEncoder encoder = LegacyPasswordEncoders.createDelegatingPasswordEncoder(this.current,
				LegacyOptions.defaults().withEqualizeTiming(false));
		WrappingPasswordEncoder wrapping = (WrappingPasswordEncoder) LegacyPasswordEncoders
			.all(this.current, LegacyOptions.defaults())
			.get("pbkdf2-dpapi-wrap:md5");
		String wrapped = wrapping.wrap(LegacyDigest.MD5.decode("5f4dcc3b5aa765d61d8327deb882cf99"), null);
		assertThat(encoder.matches("password", wrapped)).isTrue();
		assertThat(encoder.upgradeEncoding(wrapped)).isTrue();
	}

	@Test
	void createDelegatingPasswordEncoderWhenUnprefixedFormatThenDefaultForMatches() {
		DelegatingPasswordEncoder md5 = LegacyPasswordEncoders.createDelegatingPasswordEncoder(this.current,
				LegacyOptions.defaults().withEqualizeTiming(false).withUnprefixedFormat("md5-hex"));
		assertThat(md5.matches("password", "5f4dcc3b5aa765d61d8327deb882cf99")).isTrue();
		assertThat(md5.matches("password", "{unknown}5f4dcc3b5aa765d61d8327deb882cf99")).isFalse();
		assertThat(md5.upgradeEncoding("5f4dcc3b5aa765d61d8327deb882cf99")).isTrue();
		DelegatingPasswordEncoder aspnet = LegacyPasswordEncoders.createDelegatingPasswordEncoder(this.current,
				LegacyOptions.defaults().withEqualizeTiming(false).withUnprefixedFormat("aspnet"));
		assertThat(aspnet.matches("my password", ASPNET_V3)).isTrue();
	}

	@Test
	void createDelegatingPasswordEncoderWhenNoUnprefixedFormatThenFalseNotException() {
		DelegatingPasswordEncoder encoder = LegacyPasswordEncoders.createDelegatingPasswordEncoder(this.current,
				LegacyOptions.defaults().withEqualizeTiming(false));
		assertThat(encoder.matches("password", "5f4dcc3b5aa765d61d8327deb882cf99")).isFalse();
		assertThat(encoder.matches("password", "{unknown}x")).isFalse();
	}

	@Test
	void allWhenBcryptCostAboveCapThenRejectedWithoutHashing() {
		PasswordEncoder bcrypt = LegacyPasswordEncoders.all(this.current, LegacyOptions.defaults().withMaxBcryptCost(5))
			.get("bcrypt");
		String cost6 = new BCryptPasswordEncoder(6).encode("pw");
		assertThat(bcrypt.matches("pw", cost6)).isFalse();
		assertThat(bcrypt.matches("pw", new BCryptPasswordEncoder(4).encode("pw"))).isTrue();
		long start = System.nanoTime();
		assertThat(bcrypt.matches("pw", "$2a$31$" + cost6.substring(7))).isFalse();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
	}

	@Test
	void allWhenAspNetWorkAboveCapThenRejected() {
		PasswordEncoder aspnet = LegacyPasswordEncoders
			.all(this.current, LegacyOptions.defaults().withEqualizeTiming(false).withMaxIterations(9_999))
			.get("aspnet");
		assertThat(aspnet.matches("my password", ASPNET_V3)).isFalse();
	}

	@Test
	void formatOfWhenValuesThenIdsNeverValues() {
		assertThat(LegacyPasswordEncoders.formatOf("{pbkdf2-dpapi}$p2d$...", null)).isEqualTo("pbkdf2-dpapi");
		assertThat(LegacyPasswordEncoders.formatOf("{pbkdf2-dpapi-wrap:md5}$p2d$", null))
			.isEqualTo("pbkdf2-dpapi-wrap:md5");
		assertThat(LegacyPasswordEncoders.formatOf("5f4dcc3b5aa765d61d8327deb882cf99", "md5-hex")).isEqualTo("md5");
		assertThat(LegacyPasswordEncoders.formatOf("5f4dcc3b5aa765d61d8327deb882cf99", null)).isEqualTo("unprefixed");
		assertThat(LegacyPasswordEncoders.formatOf(null, "md5")).isEqualTo("empty");
		// A plain-text column can hold anything between braces: never reported as a format.
		assertThat(LegacyPasswordEncoders.formatOf("{hunter2}pw", null)).isEqualTo("other");
		assertThat(LegacyPasswordEncoders.formatOf("{pbkdf2-dpapi-wrap:hunter2}x", null)).isEqualTo("other");
		assertThat(LegacyPasswordEncoders.formatOf("{bcrypt}$2a$10$x", null)).isEqualTo("bcrypt");
		assertThat(LegacyPasswordEncoders.formatOf("{aspnet}AQAAAA", null)).isEqualTo("aspnet");
		assertThat(LegacyPasswordEncoders.formatOf("", "md5")).isEqualTo("empty");
	}

	@Test
	void legacyOptionsWhenUnknownFormatOrBadCapThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> LegacyOptions.defaults().withUnprefixedFormat("md4"));
		assertThatIllegalArgumentException().isThrownBy(() -> LegacyOptions.defaults().withMaxIterations(10));
		assertThatIllegalArgumentException().isThrownBy(() -> LegacyOptions.defaults().withMaxBcryptCost(32));
		assertThat(LegacyOptions.defaults().withUnprefixedFormat(" ").unprefixedFormat()).isNull();
	}

	@SuppressWarnings("deprecation")
	private static String springMd5(String password) {
		return new MessageDigestPasswordEncoder("MD5").encode(password);
	}

}
