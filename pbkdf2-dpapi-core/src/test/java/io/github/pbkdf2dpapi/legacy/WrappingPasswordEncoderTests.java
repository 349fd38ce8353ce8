package io.github.pbkdf2dpapi.legacy;

import org.junit.jupiter.api.Test;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link WrappingPasswordEncoder}.
 */
class WrappingPasswordEncoderTests {

	private static final String MD5_OF_PASSWORD = "5f4dcc3b5aa765d61d8327deb882cf99";

	private final Pbkdf2DpapiPasswordEncoder current = TestEncoders.current(1000);

	@Test
	void wrapWhenUnsaltedThenOurRecordWithPepperAndEnvelope() {
		WrappingPasswordEncoder encoder = encoder("md5");
		String wrapped = encoder.wrap(LegacyDigest.MD5.decode(MD5_OF_PASSWORD), null);
		assertThat(wrapped).startsWith("{pbkdf2-dpapi-wrap:md5}$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=p1,e=aes");
		assertThat(wrapped).doesNotContain(MD5_OF_PASSWORD);
		String stored = wrapped.substring(wrapped.indexOf('}') + 1);
		assertThat(encoder.matches("password", stored)).isTrue();
		assertThat(encoder.matches("Password", stored)).isFalse();
		// Knowing the old digest is no help: it is hashed again.
		assertThat(encoder.matches(MD5_OF_PASSWORD, stored)).isFalse();
		// The inner record is the current encoder's, over the hex digest.
		assertThat(this.current.matches(MD5_OF_PASSWORD, stored)).isTrue();
	}

	@Test
	void wrapWhenSaltedThenSaltCarriedAsBase64() {
		WrappingPasswordEncoder encoder = encoder("sha1-salt-after");
		// openssl: printf 'passwordNaCl' | openssl dgst -sha1 -r
		String wrapped = encoder.wrap(LegacyDigest.SHA1.decode("40274892d2fe01a6ab1e0fbde5c22b8312d10780"), "NaCl");
		assertThat(wrapped).startsWith("{pbkdf2-dpapi-wrap:sha1-salt-after}TmFDbA$p2d$");
		String stored = wrapped.substring(wrapped.indexOf('}') + 1);
		assertThat(encoder.matches("password", stored)).isTrue();
		assertThat(encoder.matches("passwordNaCl", stored)).isFalse();
	}

	@Test
	void matchesWhenTamperedThenFalse() {
		WrappingPasswordEncoder encoder = encoder("md5-salt-before");
		String wrapped = encoder.wrap(LegacyDigest.MD5.decode(MD5_OF_PASSWORD), "s");
		String stored = wrapped.substring(wrapped.indexOf('}') + 1);
		assertThat(encoder.matches("password", stored.replace("i=1000", "i=999"))).isFalse();
		assertThat(encoder.matches("password", "!!" + stored.substring(stored.indexOf('$')))).isFalse();
		assertThat(encoder.matches("password", "garbage")).isFalse();
		assertThat(encoder("md5").matches("password", "cw$p2d$v=1$x")).isFalse();
		assertThat(encoder.matches(null, stored)).isFalse();
	}

	@Test
	void upgradeEncodingWhenWrappedThenTrue() {
		assertThat(encoder("md5").upgradeEncoding("$p2d$...")).isTrue();
		assertThat(encoder("md5").getId()).isEqualTo("pbkdf2-dpapi-wrap:md5");
	}

	@Test
	void encodeWhenCalledThenUnsupportedAndWrapChecksLength() {
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> encoder("md5").encode("x"));
		assertThatIllegalArgumentException().isThrownBy(() -> encoder("md5").wrap(new byte[20], null));
	}

	private WrappingPasswordEncoder encoder(String format) {
		return new WrappingPasswordEncoder(DigestFormat.fromName(format), this.current,
				VerificationCostEqualizer.none());
	}

}
