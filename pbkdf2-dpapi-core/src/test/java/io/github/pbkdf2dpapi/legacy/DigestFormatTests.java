package io.github.pbkdf2dpapi.legacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DigestFormat}.
 */
class DigestFormatTests {

	@Test
	void fromNameWhenAliasesThenCanonicalName() {
		assertThat(DigestFormat.fromName("md5-hex").name()).isEqualTo("md5");
		assertThat(DigestFormat.fromName("MD5").name()).isEqualTo("md5");
		assertThat(DigestFormat.fromName("sha-256-base64").name()).isEqualTo("sha256");
		assertThat(DigestFormat.fromName("sha1-hex-salt-after").name()).isEqualTo("sha1-salt-after");
		assertThat(DigestFormat.fromName("sha512-salt-before").saltPosition()).isEqualTo(SaltPosition.BEFORE);
	}

	@Test
	void fromNameWhenUnknownThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> DigestFormat.fromName("md4"));
		assertThatIllegalArgumentException().isThrownBy(() -> DigestFormat.fromName(""));
		assertThat(DigestFormat.isDigestFormat("aspnet")).isFalse();
	}

	@Test
	void digestWhenUnsaltedThenIgnoresSalt() {
		DigestFormat format = DigestFormat.fromName("md5");
		assertThat(format.digest("password", "salt")).isEqualTo(format.digest("password", null));
	}

}
