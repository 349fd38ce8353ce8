package io.github.pbkdf2dpapi.legacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DigestPasswordEncoder}.
 *
 * <p>
 * The expected digests were computed once with a second implementation ({@code openssl dgst -md5
 * -r}, {@code -sha1}, {@code -sha256}, {@code -sha512}, and {@code openssl dgst -binary | base64})
 * and pasted here as constants.
 */
class DigestPasswordEncoderTests {

	@ParameterizedTest
	@CsvSource({ "md5, 5f4dcc3b5aa765d61d8327deb882cf99", "md5, 5F4DCC3B5AA765D61D8327DEB882CF99",
			"md5, X03MO1qnZdYdgyfeuILPmQ==", "md5, X03MO1qnZdYdgyfeuILPmQ",
			"sha1, 5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "sha1, W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
			"sha256, 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
			"sha256, XohImNooBHFR0OVvjcYpJ3NgPQ1qq73WKhHvch0VQtg=",
			"sha512, b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86",
			"sha512, sQnzu7wkTrgkQZF+0G1hi5AI3Qmzvv0bXgc5THBqi7mAsdd4Xll27ASbRt9fEyavWi6m0QP9B8lThf+rDKy8hg==" })
	void matchesWhenOpensslDigestThenTrue(String format, String stored) {
		DigestPasswordEncoder encoder = encoder(format);
		assertThat(encoder.matches("password", stored)).isTrue();
		assertThat(encoder.matches("Password", stored)).isFalse();
	}

	@Test
	void matchesWhenSaltBeforeThenTrue() {
		// openssl: printf 'NaClpassword' | openssl dgst -md5 -r
		assertThat(encoder("md5-salt-before").matches("password", "NaCl$62d19f7e7ddcb5946728776d25e410ed")).isTrue();
		assertThat(encoder("md5-salt-after").matches("password", "NaCl$62d19f7e7ddcb5946728776d25e410ed")).isFalse();
	}

	@Test
	void matchesWhenSaltAfterThenTrue() {
		// openssl: printf 'passwordNaCl' | openssl dgst -sha1 -r
		assertThat(encoder("sha1-salt-after").matches("password", "NaCl$40274892d2fe01a6ab1e0fbde5c22b8312d10780"))
			.isTrue();
	}

	@Test
	void matchesWhenSaltContainsDollarThenSplitsAtLastDollar() {
		DigestFormat format = DigestFormat.fromName("md5-salt-after");
		String hex = LegacyDigest.toHex(format.digest("password", "a$b"));
		assertThat(encoder("md5-salt-after").matches("password", "a$b$" + hex)).isTrue();
	}

	@Test
	void matchesWhenUnicodePasswordThenUtf8WithoutNormalization() {
		// openssl: printf 'Pässwörd' | openssl dgst -sha256 -r (UTF-8, precomposed)
		String stored = "b9fdf96f902f18de9c513b0b05383d0f47a06890832799cc0af2f583df530f61";
		assertThat(encoder("sha256").matches("P\u00e4ssw\u00f6rd", stored)).isTrue();
		assertThat(encoder("sha256").matches("Pa\u0308ssw\u00f6rd", stored)).isFalse();
	}

	@Test
	void matchesWhenSpringSecurityValueWithSaltThenTrue() {
		// openssl: printf 'password{somesalt}' | openssl dgst -md5 -r
		String stored = "{somesalt}77a8898646d427f23c4c285fe508b3e5";
		DigestPasswordEncoder encoder = DigestPasswordEncoder.springSecurity(LegacyDigest.MD5,
				VerificationCostEqualizer.none());
		assertThat(encoder.matches("password", stored)).isTrue();
		assertThat(springEncoder("MD5").matches("password", stored)).isTrue();
	}

	@Test
	void matchesWhenSpringSecurityEncoderOutputThenTrue() {
		for (String algorithm : new String[] { "MD5", "SHA-1", "SHA-256" }) {
			String stored = springEncoder(algorithm).encode("s3cret pass");
			DigestPasswordEncoder encoder = DigestPasswordEncoder.springSecurity(LegacyDigest.fromId(algorithm),
					VerificationCostEqualizer.none());
			assertThat(encoder.matches("s3cret pass", stored)).as(algorithm).isTrue();
			assertThat(encoder.matches("s3cret pas", stored)).as(algorithm).isFalse();
		}
	}

	@Test
	void matchesWhenSpringSecurityValueWithoutSaltThenTrue() {
		// openssl: printf 'password' | openssl dgst -sha256 -r
		assertThat(DigestPasswordEncoder.springSecurity(LegacyDigest.SHA256, VerificationCostEqualizer.none())
			.matches("password", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8")).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "md5, 5f4dcc3b5aa765d61d8327deb882cf9", "md5, 5f4dcc3b5aa765d61d8327deb882cf9g",
			"md5, ''", "md5, not base64 at all!", "sha1, 5f4dcc3b5aa765d61d8327deb882cf99",
			"md5-salt-after, 5f4dcc3b5aa765d61d8327deb882cf99" })
	void matchesWhenMalformedThenFalse(String format, String stored) {
		assertThat(encoder(format).matches("password", stored)).isFalse();
	}

	@Test
	void matchesWhenNullThenFalse() {
		assertThat(encoder("md5").matches(null, "5f4dcc3b5aa765d61d8327deb882cf99")).isFalse();
		assertThat(encoder("md5").matches("password", null)).isFalse();
	}

	@Test
	void matchesWhenVeryLongValueThenFalse() {
		assertThat(encoder("md5-salt-after").matches("password", "x".repeat(5000) + "$5f4dcc3b5aa765d61d8327deb882cf99"))
			.isFalse();
	}

	@Test
	void upgradeEncodingWhenAnyValueThenTrue() {
		assertThat(encoder("md5").upgradeEncoding("5f4dcc3b5aa765d61d8327deb882cf99")).isTrue();
	}

	@Test
	void encodeWhenCalledThenUnsupported() {
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> encoder("md5").encode("x"));
	}

	private static DigestPasswordEncoder encoder(String format) {
		return new DigestPasswordEncoder(DigestFormat.fromName(format), VerificationCostEqualizer.none());
	}

	@SuppressWarnings("deprecation")
	private static MessageDigestPasswordEncoder springEncoder(String algorithm) {
		return new MessageDigestPasswordEncoder(algorithm);
	}

}
