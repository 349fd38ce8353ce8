package io.github.pbkdf2dpapi.legacy;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AspNetIdentityPasswordEncoder}.
 *
 * <p>
 * The published hashes are copied from ASP.NET Core's own tests
 * ({@code dotnet/aspnetcore: src/Identity/test/Identity.Test/PasswordHasherTest.cs}), all for the
 * password {@code "my password"}; the others are built here from the format in
 * {@code PasswordHasher.cs}, with the JDK's PBKDF2 as a second implementation.
 */
class AspNetIdentityPasswordEncoderTests {

	private static final String PASSWORD = "my password";

	private final AspNetIdentityPasswordEncoder encoder = new AspNetIdentityPasswordEncoder(1_000_000,
			VerificationCostEqualizer.none());

	@ParameterizedTest
	@ValueSource(strings = {
			// HashPassword_Version2: SHA1, 1000 iterations, salt 00..0f
			"AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggHIVY0sdEUfdyeM+E1LtH1uJg==",
			// HashPassword_Version3: SHA256, 10000 iterations, salt 00..0f
			"AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==",
			// V2: SHA1, 1000 iterations, 128-bit salt, 256-bit subkey
			"ANXrDknc7fGPpigibZXXZFMX4aoqz44JveK6jQuwY3eH/UyPhvr5xTPeGYEckLxz9A==",
			// V3: SHA512, 50 iterations, 128-bit salt, 128-bit subkey
			"AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHw",
			// V3: SHA512, 250 iterations, 256-bit salt, 512-bit subkey
			"AQAAAAIAAAD6AAAAIJbVi5wbMR+htSfFp8fTw8N8GOS/Sje+S/4YZcgBfU7EQuqv4OkVYmc4VJl9AGZzmRTxSkP7LtVi9IWyUxX8IAAfZ8v+ZfhjCcudtC1YERSqE1OEdXLW9VukPuJWBBjLuw==",
			// V3: SHA1, 250 iterations, 128-bit salt, 128-bit subkey
			"AQAAAAAAAAD6AAAAEAhftMyfTJylOlZT+eEotFXd1elee8ih5WsjXaR3PA9M",
			// V3: SHA256, 250000 iterations, 256-bit salt, 256-bit subkey
			"AQAAAAEAA9CQAAAAIESkQuj2Du8Y+kbc5lcN/W/3NiAZFEm11P27nrSN5/tId+bR1SwV8CO1Jd72r4C08OLvplNlCDc3oQZ8efcW+jQ=" })
	void matchesWhenPublishedAspNetCoreVectorThenTrue(String stored) {
		assertThat(this.encoder.matches(PASSWORD, stored)).isTrue();
		assertThat(this.encoder.matches("my passwort", stored)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// VerifyHashedPassword_FailureCases: incorrect password, too short, extra data at end
			"AAABAgMEBQYHCAkKCwwNDg+uAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAALtH1uJg==",
			"AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggE=",
			"AAABAgMEBQYHCAkKCwwNDg+ukCEMDf0yyQ29NYubggHIVY0sdEUfdyeM+E1LtH1uJgAAAAAAAAAAAAA=",
			"AQAAAAAAAAD6AAAAEAhftMyfTJyAAAAAAAAAAAAAAAAAAAih5WsjXaR3PA9M",
			"AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4A=",
			"AQAAAAIAAAAyAAAAEOMwvh3+FZxqkdMBz2ekgGhwQ4B6pZWND6zgESBuWiHwAAAAAAAAAAAA",
			// Ours: not Base64, empty marker, unknown marker
			"not base64!", "", "Ag==" })
	void matchesWhenPublishedFailureCaseOrMalformedThenFalse(String stored) {
		assertThat(this.encoder.matches(PASSWORD, stored)).isFalse();
	}

	@Test
	void matchesWhenVersion3BuiltByPythonHashlibThenTrue() {
		// python3: hashlib.pbkdf2_hmac('sha256', b'my password', bytes(range(16)), 5000, 32),
		// header 0x01 | prf 1 | 5000 | 16, Base64
		assertThat(this.encoder.matches(PASSWORD,
				"AQAAAAEAABOIAAAAEAABAgMEBQYHCAkKCwwNDg/9FywEV12aLXrcLWtUB0z/sV+sLsF1AM3OAGNuAanVuA=="))
			.isTrue();
	}

	@Test
	void matchesWhenBuiltFromReferenceFormatThenTrue() {
		String password = "Pässwörd 🔑";
		assertThat(this.encoder.matches(password, v2(password))).isTrue();
		assertThat(this.encoder.matches(password, v3(0, "HmacSHA1", password, 1000, 16, 20))).isTrue();
		assertThat(this.encoder.matches(password, v3(1, "HmacSHA256", password, 100_000, 16, 32))).isTrue();
		assertThat(this.encoder.matches(password, v3(2, "HmacSHA512", password, 1000, 32, 64))).isTrue();
		assertThat(this.encoder.matches("Passwörd 🔑", v3(1, "HmacSHA256", password, 1000, 16, 32))).isFalse();
	}

	@Test
	void matchesWhenIterationCountAboveCapThenRejectedWithoutHashing() {
		String huge = header(1, 0xFFFF_FFFFL, 16, new byte[16], new byte[32]);
		String aboveCap = header(2, 1_000_001, 16, new byte[16], new byte[64]);
		String manyBlocks = header(0, 100_000, 16, new byte[16], new byte[20 * 11]);
		long start = System.nanoTime();
		assertThat(this.encoder.matches(PASSWORD, huge)).isFalse();
		assertThat(this.encoder.matches(PASSWORD, aboveCap)).isFalse();
		assertThat(this.encoder.matches(PASSWORD, manyBlocks)).isFalse();
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(500);
	}

	@Test
	void matchesWhenUnknownPrfOrShortSaltThenFalse() {
		assertThat(this.encoder.matches(PASSWORD, header(3, 1000, 16, new byte[16], new byte[32]))).isFalse();
		assertThat(this.encoder.matches(PASSWORD, header(1, 1000, 8, new byte[8], new byte[32]))).isFalse();
		assertThat(this.encoder.matches(PASSWORD, header(1, 0, 16, new byte[16], new byte[32]))).isFalse();
		assertThat(this.encoder.matches(PASSWORD, header(1, 1000, 1 << 30, new byte[16], new byte[32]))).isFalse();
	}

	@Test
	void upgradeEncodingWhenAnyValueThenTrueAndEncodeUnsupported() {
		assertThat(this.encoder.upgradeEncoding("AQAAAA==")).isTrue();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> this.encoder.encode("x"));
	}

	private static String v2(String password) {
		byte[] salt = random(16);
		byte[] subkey = TestEncoders.jdkPbkdf2("HmacSHA1", password, salt, 1000, 32);
		ByteBuffer out = ByteBuffer.allocate(1 + 16 + 32).put((byte) 0).put(salt).put(subkey);
		return Base64.getEncoder().encodeToString(out.array());
	}

	private static String v3(int prf, String algorithm, String password, int iterations, int saltLength,
			int subkeyLength) {
		byte[] salt = random(saltLength);
		byte[] subkey = TestEncoders.jdkPbkdf2(algorithm, password, salt, iterations, subkeyLength);
		return header(prf, iterations, saltLength, salt, subkey);
	}

	private static String header(int prf, long iterations, int saltLength, byte[] salt, byte[] subkey) {
		ByteBuffer out = ByteBuffer.allocate(13 + salt.length + subkey.length)
			.put((byte) 1)
			.putInt(prf)
			.putInt((int) iterations)
			.putInt(saltLength)
			.put(salt)
			.put(subkey);
		return Base64.getEncoder().encodeToString(out.array());
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
