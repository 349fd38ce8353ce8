package io.github.pbkdf2dpapi.pbkdf2;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Pbkdf2}.
 */
class Pbkdf2Tests {

	@ParameterizedTest(name = "RFC 6070: {0} / {1} / {2}")
	@CsvSource({ "password, salt, 1, 20, 0c60c80f961f0e71f3a9b524af6012062fe037a6",
			"password, salt, 2, 20, ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957",
			"password, salt, 4096, 20, 4b007901b765489abead49d926f721d065a429c1",
			"passwordPASSWORDpassword, saltSALTsaltSALTsaltSALTsaltSALTsalt, 4096, 25, 3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038" })
	void deriveWhenRfc6070VectorThenMatches(String password, String salt, int iterations, int length, String hex) {
		assertThat(derive(Pbkdf2Prf.HMAC_SHA1, password, salt, iterations, length)).isEqualTo(hex);
	}

	@Test
	void deriveWhenRfc6070VectorWithNulBytesThenMatches() {
		assertThat(derive(Pbkdf2Prf.HMAC_SHA1, "pass\0word", "sa\0lt", 4096, 16))
			.isEqualTo("56fa6aa75548099dcc37d7f03425e0c3");
	}

	@Test
	void deriveWhenRfc7914VectorsThenMatches() {
		assertThat(derive(Pbkdf2Prf.HMAC_SHA256, "passwd", "salt", 1, 64)).isEqualTo(
				"55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
		assertThat(derive(Pbkdf2Prf.HMAC_SHA256, "Password", "NaCl", 80000, 64)).isEqualTo(
				"4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
	}

	// Expected values computed with Python's hashlib.pbkdf2_hmac, an independent implementation.
	@Test
	void deriveWhenSha512SeveralBlocksThenMatchesPython() {
		assertThat(derive(Pbkdf2Prf.HMAC_SHA512, "password", "salt", 1000, 74)).isEqualTo(
				"afe6c5530785b6cc6b1c6453384731bd5ee432ee549fd42fb6695779ad8a1c5bf59de69c48f774efc4007d5298f9033c0241d5ab69305e7b64eceeb8d834cfec6afdec3c1c23982a121f");
	}

	@Test
	void deriveWhenPasswordLongerThanBlockAndSaltEmptyThenMatchesPython() {
		assertThat(derive(Pbkdf2Prf.HMAC_SHA512, "x".repeat(200), "", 3, 130)).isEqualTo(
				"9642db3511db3c34dbb0146bacd68d565c49a40bac0866b2a344a29158ccca20240c2866a7c5dfc72dbdf39d5114e98bd32b4c780d5b3d089233fe287ad25f38c79dc9b11bef766ee8c23318a7fe618c8f1b887449b6f8f5a0ad541c4b624d55d1d257b01a70e57d3d66603659f34dafba2dd7ccd12e7f2eab328b5931cc05500136");
	}

	@Test
	void deriveWhenPasswordEmptyThenMatchesPython() {
		assertThat(derive(Pbkdf2Prf.HMAC_SHA256, "", "salt", 2, 32))
			.isEqualTo("62384466264daadc4144018c6bd864648272b34da8980d31521ffcce92ae003b");
	}

	/**
	 * Randomised comparison with the JDK's {@code SecretKeyFactory}: 300 cases per PRF from a
	 * fixed seed (printed on failure so a case can be replayed), covering empty and long passwords,
	 * long salts and multi-block outputs.
	 */
	@ParameterizedTest
	@EnumSource(Pbkdf2Prf.class)
	void deriveWhenRandomInputThenEqualsJdk(Pbkdf2Prf prf) throws Exception {
		SecretKeyFactory jdk = SecretKeyFactory.getInstance("PBKDF2WithHmac" + prf.digestAlgorithm().replace("-", ""));
		long seed = 0x5eed_0000L + prf.ordinal();
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < 300; i++) {
			String password = randomPassword(random, random.nextInt(0, 300));
			byte[] salt = new byte[random.nextInt(1, 200)];
			random.nextBytes(salt);
			int iterations = random.nextInt(1, 40);
			int length = random.nextInt(1, 150);
			byte[] expected = jdk.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8))
				.getEncoded();
			byte[] actual = Pbkdf2.derive(prf, password.getBytes(StandardCharsets.UTF_8), salt, iterations, length);
			assertThat(actual).as("case %d of seed %d", i, seed).isEqualTo(expected);
		}
	}

	// Code points from ASCII, Latin, CJK and astral planes; never unpaired surrogates, which the
	// JDK and String.getBytes encode differently.
	private static String randomPassword(SplittableRandom random, int length) {
		StringBuilder sb = new StringBuilder();
		int[] ranges = { 0x20, 0x7f, 0xa0, 0x2ff, 0x3040, 0x30ff, 0x4e00, 0x9fff, 0x1f300, 0x1f64f };
		while (sb.length() < length) {
			int r = random.nextInt(ranges.length / 2) * 2;
			sb.appendCodePoint(random.nextInt(ranges[r], ranges[r + 1] + 1));
		}
		return sb.toString();
	}

	@Test
	void deriveWhenIterationsBelowOneThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA256, new byte[1],
				new byte[1], 0, 32))
			.withMessageContaining("'iterations' must be at least 1");
	}

	@Test
	void deriveWhenLengthZeroThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA256, new byte[1],
				new byte[1], 1, 0))
			.withMessageContaining("'length' must be at least 1");
	}

	@Test
	void deriveWhenNullArgumentThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> Pbkdf2.derive(null, new byte[1], new byte[1], 1, 1))
			.withMessageContaining("'prf'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA1, null, new byte[1], 1, 1))
			.withMessageContaining("'password'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA1, new byte[1], null, 1, 1))
			.withMessageContaining("'salt'");
	}

	@Test
	void deriveDoesNotModifyInputs() {
		byte[] password = "secret".getBytes(StandardCharsets.UTF_8);
		byte[] salt = "salt".getBytes(StandardCharsets.UTF_8);
		Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA256, password, salt, 3, 40);
		assertThat(password).isEqualTo("secret".getBytes(StandardCharsets.UTF_8));
		assertThat(salt).isEqualTo("salt".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void fromIdWhenUnknownThenIllegalArgument() {
		assertThat(Pbkdf2Prf.fromId("SHA512")).isEqualTo(Pbkdf2Prf.HMAC_SHA512);
		assertThatIllegalArgumentException().isThrownBy(() -> Pbkdf2Prf.fromId("md5"))
			.withMessageContaining("expected sha256, sha512 or sha1");
	}

	private static String derive(Pbkdf2Prf prf, String password, String salt, int iterations, int length) {
		return HexFormat.of()
			.formatHex(Pbkdf2.derive(prf, password.getBytes(StandardCharsets.UTF_8),
					salt.getBytes(StandardCharsets.UTF_8), iterations, length));
	}

}
