package io.github.pbkdf2dpapi.legacy;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SaltHashPasswordEncoder}.
 */
class SaltHashPasswordEncoderTests {

	private final SaltHashPasswordEncoder encoder = new SaltHashPasswordEncoder(10_000, true,
			VerificationCostEqualizer.none());

	@Test
	void matchesWhenArticleSampleComputedByPythonThenTrue() {
		// python3: hashlib.pbkdf2_hmac('sha256', b'P@ssw0rd!', bytes(range(16)), 10000, 32), salt:hash in Base64
		String stored = "AAECAwQFBgcICQoLDA0ODw==:A3cI6BB89P3rSfcyFLl9lM7suQRDwMXF3OSu+S59hS0=";
		assertThat(this.encoder.matches("P@ssw0rd!", stored)).isTrue();
		assertThat(this.encoder.matches("P@ssw0rd", stored)).isFalse();
	}

	@Test
	void matchesWhenTrimAndNfcLikeTheArticleThenTrue() {
		// python3: the same with unicodedata.normalize('NFC', 'Cafe\u0301 ').strip()
		String stored = "AAECAwQFBgcICQoLDA0ODw==:hmlSxOkJHKS+n2doL2rjBJ9euYJPYwZLc3EwRolRJCo=";
		assertThat(this.encoder.matches(" Cafe\u0301 ", stored)).isTrue();
		assertThat(this.encoder.matches("Caf\u00e9", stored)).isTrue();
		SaltHashPasswordEncoder raw = new SaltHashPasswordEncoder(10_000, false, VerificationCostEqualizer.none());
		assertThat(raw.matches(" Cafe\u0301 ", stored)).isFalse();
		assertThat(raw.matches("Caf\u00e9", stored)).isTrue();
	}

	@Test
	void matchesWhenBuiltByJdkPbkdf2ThenTrue() {
		byte[] salt = new byte[16];
		new SecureRandom().nextBytes(salt);
		byte[] hash = TestEncoders.jdkPbkdf2("HmacSHA256", "correct horse", salt, 20_000, 32);
		String stored = Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(hash);
		SaltHashPasswordEncoder encoder = new SaltHashPasswordEncoder(20_000, true, VerificationCostEqualizer.none());
		assertThat(encoder.matches("correct horse", stored)).isTrue();
		assertThat(this.encoder.matches("correct horse", stored)).isFalse();
	}

	@Test
	void matchesWhenMalformedThenFalse() {
		assertThat(this.encoder.matches("x", "no colon")).isFalse();
		assertThat(this.encoder.matches("x", "AAEC:A3cI6BB89P3rSfcyFLl9lM7suQRDwMXF3OSu+S59hS0=")).isFalse();
		assertThat(this.encoder.matches("x", "AAECAwQFBgcICQoLDA0ODw==:!!")).isFalse();
		assertThat(this.encoder.matches("x", null)).isFalse();
		assertThat(this.encoder.upgradeEncoding("anything")).isTrue();
	}

}
