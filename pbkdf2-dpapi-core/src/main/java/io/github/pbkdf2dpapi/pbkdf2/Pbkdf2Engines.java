package io.github.pbkdf2dpapi.pbkdf2;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Factory for {@link Pbkdf2Engine}s.
 *
 * <h2>The OpenSSL engine</h2> {@link #openSsl(Optional)} runs the PBKDF2 loop in Java but each
 * compression in OpenSSL's {@code SHA256_Transform}/{@code SHA512_Transform}, called through the
 * FFM API (two calls per iteration). It needs Java 22 or later, native access enabled for the
 * application ({@code --enable-native-access=ALL-UNNAMED}) and libcrypto 1.1 or 3 (searched as
 * {@code libcrypto.so.3}, {@code libcrypto.so}, {@code libcrypto.3.dylib} or
 * {@code libcrypto-3-x64.dll}, or at an explicit path). Its class is compiled for Java 22 into
 * {@code META-INF/versions/22} of the multi-release core JAR and is loaded only after the Java
 * version has been checked. Each time it is created it is checked against RFC 7914 and other
 * known vectors and against the Java engine; any mismatch, or any missing prerequisite, selects
 * the Java engine with a reason. HMAC-SHA1 (legacy records only) always runs on the Java engine.
 *
 * <p>
 * Why use it: besides speed, it does not depend on how the JIT compiled the JDK's digest code.
 * Once the application uses the JDK's SHA-2 elsewhere (TLS, JWT, {@code PBKDF2WithHmacSHA256}),
 * the Java engine's SHA-512 loop was measured almost twice as slow (see
 * {@code docs/benchmarks.md}).
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class Pbkdf2Engines {

	/** Name of the pure-Java engine. */
	public static final String JAVA = "java";

	/** Name of the OpenSSL engine. */
	public static final String OPENSSL = "openssl";

	/** The first Java release with the final FFM API ({@code Linker.Option.critical}). */
	static final int OPENSSL_MIN_JAVA = 22;

	static final String OPENSSL_ENGINE_CLASS = "io.github.pbkdf2dpapi.pbkdf2.OpenSslPbkdf2Engine";

	private static final HexFormat HEX = HexFormat.of();

	private Pbkdf2Engines() {
	}

	/**
	 * The pure-Java engine, as a selection without fallback.
	 * @return the selection
	 */
	public static Pbkdf2EngineSelection java() {
		return new Pbkdf2EngineSelection(JAVA, Pbkdf2Engine.java(), null);
	}

	/**
	 * The OpenSSL engine if it can run here, else the Java engine and the reason.
	 * @param library the libcrypto to load; empty to search the default names
	 * @return the selection
	 */
	public static Pbkdf2EngineSelection openSsl(Optional<Path> library) {
		return openSsl(Runtime.version().feature(), OPENSSL_ENGINE_CLASS, library);
	}

	/**
	 * The selection by engine name.
	 * @param name {@code java} or {@code openssl} (case-insensitive)
	 * @param library the libcrypto for {@code openssl}; empty to search the default names
	 * @return the selection
	 * @throws IllegalArgumentException if the name is unknown
	 */
	public static Pbkdf2EngineSelection select(String name, Optional<Path> library) {
		String lower = (name != null) ? name.toLowerCase(Locale.ROOT) : "";
		if (JAVA.equals(lower)) {
			return java();
		}
		if (OPENSSL.equals(lower)) {
			return openSsl(library);
		}
		throw new IllegalArgumentException("Unknown PBKDF2 engine '" + name + "'; expected java or openssl");
	}

	static Pbkdf2EngineSelection openSsl(int javaFeature, String className, Optional<Path> library) {
		if (javaFeature < OPENSSL_MIN_JAVA) {
			return fallback(Pbkdf2EngineSelection.Cause.JAVA_VERSION, "this JVM runs on Java " + javaFeature
					+ "; needs " + OPENSSL_MIN_JAVA + "+ (FFM API). Run the application on Java " + OPENSSL_MIN_JAVA
					+ " or later, or set the engine to java");
		}
		Pbkdf2Engine candidate;
		try {
			Class<?> type = Class.forName(className, true, Pbkdf2Engines.class.getClassLoader());
			candidate = (Pbkdf2Engine) type.getDeclaredMethod("load", Path.class).invoke(null, library.orElse(null));
		}
		catch (ClassNotFoundException | NoSuchMethodException | LinkageError ex) {
			return fallback(Pbkdf2EngineSelection.Cause.NOT_IN_BUILD, "this pbkdf2-dpapi-core has no Java "
					+ OPENSSL_MIN_JAVA + " engine class (" + ex.getClass().getSimpleName() + "): it was built without "
					+ "FFM_JAVA_HOME, or it is not loaded from its multi-release JAR (an exploded or re-packed class "
					+ "path without META-INF/versions/" + OPENSSL_MIN_JAVA + "). Use the published JAR, or set the "
					+ "engine to java");
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof Pbkdf2EngineUnavailableException unavailable) {
				return fallback(unavailable.getFallbackCause(), unavailable.getMessage());
			}
			return fallback(Pbkdf2EngineSelection.Cause.FAILED, "the OpenSSL engine failed to start ("
					+ ex.getCause().getClass().getName() + "); set the engine to java and report the platform");
		}
		catch (ReflectiveOperationException | ClassCastException ex) {
			return fallback(Pbkdf2EngineSelection.Cause.FAILED, "the OpenSSL engine cannot be created ("
					+ ex.getClass().getSimpleName() + "); set the engine to java");
		}
		String mismatch = crossCheck(candidate);
		if (mismatch != null) {
			return fallback(Pbkdf2EngineSelection.Cause.CROSS_CHECK_FAILED, "the " + candidate
					+ " gave a wrong result for " + mismatch + "; it is not used. Report the OpenSSL version and "
					+ "platform, and set the engine to java to silence this");
		}
		return new Pbkdf2EngineSelection(OPENSSL, candidate, null);
	}

	/**
	 * Checks an engine against known vectors (RFC 7914 for HMAC-SHA256, Python's
	 * {@code hashlib.pbkdf2_hmac} for HMAC-SHA512, both also in {@code Pbkdf2Tests}) and against
	 * the Java engine on multi-block outputs with a password longer than the block.
	 * @return a description of the first mismatch, or {@code null} when all agree
	 */
	static String crossCheck(Pbkdf2Engine engine) {
		String[][] vectors = {
				{ "sha256", "passwd", "salt", "1", "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
						+ "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783", "RFC 7914" },
				{ "sha256", "Password", "NaCl", "80000", "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab"
						+ "56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d", "RFC 7914" },
				{ "sha512", "password", "salt", "1000", "afe6c5530785b6cc6b1c6453384731bd5ee432ee549fd42fb6695779ad8a1c"
						+ "5bf59de69c48f774efc4007d5298f9033c0241d5ab69305e7b64eceeb8d834cfec6afdec3c1c23982a121f",
						"a known vector" } };
		for (String[] v : vectors) {
			Pbkdf2Prf prf = Pbkdf2Prf.fromId(v[0]);
			byte[] actual = engine.derive(prf, ascii(v[1]), ascii(v[2]), Integer.parseInt(v[3]), v[4].length() / 2);
			if (!HEX.formatHex(actual).equals(v[4])) {
				return prf.id() + " " + v[5] + " (" + v[3] + " iterations)";
			}
		}
		byte[] password = ascii("pbkdf2-dpapi engine cross-check ".repeat(5));
		byte[] salt = ascii("cross-check salt");
		for (Pbkdf2Prf prf : new Pbkdf2Prf[] { Pbkdf2Prf.HMAC_SHA256, Pbkdf2Prf.HMAC_SHA512 }) {
			int length = 2 * prf.hashLength() + 7;
			if (!Arrays.equals(engine.derive(prf, password, salt, 1000, length),
					Pbkdf2.derive(prf, password, salt, 1000, length))) {
				return prf.id() + " against the Java engine (" + length + " bytes)";
			}
		}
		return null;
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	private static Pbkdf2EngineSelection fallback(Pbkdf2EngineSelection.Cause cause, String message) {
		return new Pbkdf2EngineSelection(OPENSSL, Pbkdf2Engine.java(),
				new Pbkdf2EngineSelection.Fallback(cause, "pbkdf2-dpapi: the OpenSSL PBKDF2 engine is not used, the "
						+ "Java engine is: " + message));
	}

}
