package io.github.pbkdf2dpapi.pbkdf2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the OpenSSL engine ({@code OpenSslPbkdf2Engine}, {@code META-INF/versions/22}), run by
 * failsafe on the JDK in {@code FFM_JAVA_HOME} with {@code --enable-native-access=ALL-UNNAMED},
 * against the packaged multi-release JAR.
 */
class OpenSslPbkdf2EngineFfmIT {

	private static Pbkdf2Engine openSsl;

	@BeforeAll
	static void selectOpenSsl() {
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(Optional.empty());
		assertThat(selection.fallback()).as("fallback on Java %s", Runtime.version()).isNull();
		openSsl = selection.engine();
	}

	@Test
	void engineIsTheOpenSslClassFromTheMultiReleaseJar() {
		assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(22);
		assertThat(openSsl.name()).isEqualTo("openssl");
		assertThat(openSsl.getClass().getName()).isEqualTo(Pbkdf2Engines.OPENSSL_ENGINE_CLASS);
		assertThat(openSsl.getClass().getResource("OpenSslPbkdf2Engine.class").toString())
			.startsWith("jar:")
			.contains("!/META-INF/versions/22/io/github/pbkdf2dpapi/pbkdf2/");
		assertThat(openSsl.toString()).contains("libcrypto");
	}

	@Test
	void deriveWhenRfc7914VectorsThenMatches() {
		assertThat(hex(Pbkdf2Prf.HMAC_SHA256, "passwd", "salt", 1, 64)).isEqualTo(
				"55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
		assertThat(hex(Pbkdf2Prf.HMAC_SHA256, "Password", "NaCl", 80000, 64)).isEqualTo(
				"4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
	}

	@Test
	void deriveWhenSha512VectorsThenMatchesPython() {
		assertThat(hex(Pbkdf2Prf.HMAC_SHA512, "password", "salt", 1000, 74)).isEqualTo(
				"afe6c5530785b6cc6b1c6453384731bd5ee432ee549fd42fb6695779ad8a1c5bf59de69c48f774efc4007d5298f9033c0241d5ab69305e7b64eceeb8d834cfec6afdec3c1c23982a121f");
		// Password longer than the block (hashed first), empty salt, three blocks.
		assertThat(hex(Pbkdf2Prf.HMAC_SHA512, "x".repeat(200), "", 3, 130)).isEqualTo(
				"9642db3511db3c34dbb0146bacd68d565c49a40bac0866b2a344a29158ccca20240c2866a7c5dfc72dbdf39d5114e98bd32b4c780d5b3d089233fe287ad25f38c79dc9b11bef766ee8c23318a7fe618c8f1b887449b6f8f5a0ad541c4b624d55d1d257b01a70e57d3d66603659f34dafba2dd7ccd12e7f2eab328b5931cc05500136");
	}

	@Test
	void deriveWhenPasswordEmptyThenMatchesPython() {
		assertThat(hex(Pbkdf2Prf.HMAC_SHA256, "", "salt", 2, 32))
			.isEqualTo("62384466264daadc4144018c6bd864648272b34da8980d31521ffcce92ae003b");
	}

	@ParameterizedTest
	@EnumSource(Pbkdf2Prf.class)
	void deriveWhenPasswordAndSaltEmptyThenEqualsJava(Pbkdf2Prf prf) {
		assertThat(openSsl.derive(prf, new byte[0], new byte[0], 7, 100))
			.isEqualTo(Pbkdf2.derive(prf, new byte[0], new byte[0], 7, 100));
	}

	@Test
	void deriveWhenSha1ThenRfc6070ViaJavaEngine() {
		assertThat(hex(Pbkdf2Prf.HMAC_SHA1, "password", "salt", 4096, 20))
			.isEqualTo("4b007901b765489abead49d926f721d065a429c1");
	}

	/**
	 * Randomised byte-for-byte comparison with {@link Pbkdf2#derive}: passwords of 0 to 300 bytes
	 * (around both block lengths), salts of 0 to 200 bytes (so the first message spans one to
	 * four blocks), 1 to 3000 iterations, and lengths including 1, 33, 65, 100 and several blocks.
	 * The seed is printed so that a failure can be replayed.
	 */
	@ParameterizedTest
	@EnumSource(value = Pbkdf2Prf.class, names = { "HMAC_SHA256", "HMAC_SHA512" })
	void deriveWhenRandomInputThenEqualsJavaEngine(Pbkdf2Prf prf) {
		long seed = System.nanoTime();
		System.out.println("OpenSslPbkdf2EngineFfmIT " + prf + " seed " + seed);
		SplittableRandom random = new SplittableRandom(seed);
		int[] lengths = { 1, 33, 65, 100, prf.hashLength(), 2 * prf.hashLength() + 1, 300 };
		for (int i = 0; i < 150; i++) {
			byte[] password = new byte[random.nextInt(0, 301)];
			random.nextBytes(password);
			byte[] salt = new byte[random.nextInt(0, 201)];
			random.nextBytes(salt);
			int iterations = (i % 10 == 0) ? random.nextInt(1, 3001) : random.nextInt(1, 50);
			int length = (i % 2 == 0) ? lengths[random.nextInt(lengths.length)] : random.nextInt(1, 200);
			assertThat(openSsl.derive(prf, password, salt, iterations, length))
				.as("case %d of seed %d (password %d, salt %d, iterations %d, length %d)", i, seed, password.length,
						salt.length, iterations, length)
				.isEqualTo(Pbkdf2.derive(prf, password, salt, iterations, length));
		}
	}

	@Test
	void deriveDoesNotModifyInputs() {
		byte[] password = "secret".getBytes(StandardCharsets.UTF_8);
		byte[] salt = "salt".getBytes(StandardCharsets.UTF_8);
		openSsl.derive(Pbkdf2Prf.HMAC_SHA512, password, salt, 3, 140);
		assertThat(password).isEqualTo("secret".getBytes(StandardCharsets.UTF_8));
		assertThat(salt).isEqualTo("salt".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void deriveWhenInvalidArgumentsThenSameErrorsAsJava() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> openSsl.derive(Pbkdf2Prf.HMAC_SHA256, new byte[1], new byte[1], 0, 32))
			.withMessageContaining("'iterations' must be at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> openSsl.derive(Pbkdf2Prf.HMAC_SHA256, new byte[1], new byte[1], 1, 0))
			.withMessageContaining("'length' must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> openSsl.derive(null, new byte[1], new byte[1], 1, 1))
			.withMessageContaining("'prf'");
	}

	@Test
	void deriveFromSeveralThreadsThenEqualsJava() throws Exception {
		byte[] salt = "threads".getBytes(StandardCharsets.US_ASCII);
		Thread[] threads = new Thread[4];
		Throwable[] failures = new Throwable[threads.length];
		for (int n = 0; n < threads.length; n++) {
			int index = n;
			threads[n] = new Thread(() -> {
				try {
					for (int i = 0; i < 50; i++) {
						byte[] password = ("pw" + index + "-" + i).getBytes(StandardCharsets.US_ASCII);
						Pbkdf2Prf prf = (i % 2 == 0) ? Pbkdf2Prf.HMAC_SHA256 : Pbkdf2Prf.HMAC_SHA512;
						assertThat(openSsl.derive(prf, password, salt, 200, 80))
							.isEqualTo(Pbkdf2.derive(prf, password, salt, 200, 80));
					}
				}
				catch (Throwable ex) {
					failures[index] = ex;
				}
			});
			threads[n].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(failures).containsOnlyNulls();
	}

	@Test
	void openSslWhenLibraryPathWrongThenLibraryNotFound(@TempDir Path dir) {
		Path missing = dir.resolve("libcrypto-missing.so");
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(Optional.of(missing));
		assertThat(selection.engine()).isSameAs(Pbkdf2Engine.java());
		assertThat(selection.fallback().cause()).isEqualTo(Pbkdf2EngineSelection.Cause.LIBRARY_NOT_FOUND);
		assertThat(selection.fallback().message()).contains(missing.toString())
			.contains("pbkdf2-dpapi.password.engine-library");
	}

	@Test
	void openSslWhenLibraryLacksTheSymbolsThenSymbolMissing() {
		// The JVM's own libjava is a real library without SHA256_Init.
		Path libjava = Path.of(System.getProperty("java.home"), "lib", System.mapLibraryName("java"));
		assertThat(libjava).exists();
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(Optional.of(libjava));
		assertThat(selection.engine()).isSameAs(Pbkdf2Engine.java());
		assertThat(selection.fallback().cause()).isEqualTo(Pbkdf2EngineSelection.Cause.SYMBOL_MISSING);
		assertThat(selection.fallback().message()).contains("has no SHA256_Init");
	}

	@Test
	void openSslWhenExplicitLibraryThenSelected() {
		Path found = Stream.of("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib")
			.map((dir) -> Path.of(dir, "libcrypto.so.3"))
			.filter(Files::exists)
			.findFirst()
			.orElse(null);
		Assumptions.assumeTrue(found != null, "no libcrypto.so.3 in the usual Linux directories");
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(Optional.of(found));
		assertThat(selection.fallback()).isNull();
		assertThat(selection.engine().toString()).contains(found.toString());
	}

	/**
	 * A JVM of the same JDK without {@code --enable-native-access}: the engine falls back with the
	 * flag in its reason, and the JVM prints no restricted-method warning (native access is
	 * checked before any restricted call).
	 */
	@Test
	void openSslWhenNativeAccessDisabledThenFallbackWithoutJvmWarning() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				SelectOpenSslMain.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(output).contains("cause=NATIVE_ACCESS_DISABLED")
			.contains("--enable-native-access=ALL-UNNAMED")
			.contains("engine=java")
			.doesNotContain("WARNING");
	}

	private static String hex(Pbkdf2Prf prf, String password, String salt, int iterations, int length) {
		return HexFormat.of()
			.formatHex(openSsl.derive(prf, password.getBytes(StandardCharsets.UTF_8),
					salt.getBytes(StandardCharsets.UTF_8), iterations, length));
	}

}
