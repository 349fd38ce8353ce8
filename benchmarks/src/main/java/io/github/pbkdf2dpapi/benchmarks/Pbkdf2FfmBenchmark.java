package io.github.pbkdf2dpapi.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2EngineSelection;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engines;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * The OpenSSL engine (FFM, Java 22+) against the Java engine in the same JVM, at the OWASP counts
 * (600,000 for HMAC-SHA256, 210,000 for HMAC-SHA512), with and without one JDK
 * {@code PBKDF2WithHmacSHA256} before the warm-up ({@code jdkFirst}, the profile pollution of
 * {@link Pbkdf2AfterJdkBenchmark}: the Java engine's SHA-512 loop slows down, the OpenSSL engine
 * does not use the JDK's digests at all).
 *
 * <p>
 * Run it on a JDK 22 or later ({@code $FFM_JAVA_HOME/bin/java -jar benchmarks.jar
 * Pbkdf2FfmBenchmark}); the forks get {@code --enable-native-access=ALL-UNNAMED}. On an older JDK,
 * or when the engine falls back for any reason, the {@code openssl} cases fail at set-up with the
 * reason instead of measuring the Java engine under the wrong name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class Pbkdf2FfmBenchmark {

	@Param({ "sha256", "sha512" })
	public String prf;

	@Param({ "java", "openssl" })
	public String engine;

	/** Whether the JDK's PBKDF2 runs once before the warm-up. */
	@Param({ "false", "true" })
	public boolean jdkFirst;

	private Pbkdf2Prf pbkdf2Prf;

	private Pbkdf2Engine pbkdf2Engine;

	private int iterations;

	private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

	private final byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	@Setup
	public void setUp() throws GeneralSecurityException {
		this.pbkdf2Prf = Pbkdf2Prf.fromId(this.prf);
		this.iterations = (this.pbkdf2Prf == Pbkdf2Prf.HMAC_SHA512) ? 210_000 : 600_000;
		Pbkdf2EngineSelection selection = Pbkdf2Engines.select(this.engine, Optional.empty());
		if (selection.isFallback()) {
			throw new IllegalStateException("Cannot measure the " + this.engine + " engine on Java "
					+ Runtime.version() + ": " + selection.fallback().message()
					+ ". Run this benchmark with a JDK 22+ java (benchmarks/run.sh does so when FFM_JAVA_HOME is set).");
		}
		this.pbkdf2Engine = selection.engine();
		// Short runs only: a long Java-engine run here would shape the JIT profile before jdkFirst.
		if (!Arrays.equals(this.pbkdf2Engine.derive(this.pbkdf2Prf, this.password, this.salt, 10, 100),
				Pbkdf2.derive(this.pbkdf2Prf, this.password, this.salt, 10, 100))) {
			throw new IllegalStateException("The " + this.engine + " engine disagrees with Pbkdf2.derive");
		}
		if (this.jdkFirst) {
			SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(new PBEKeySpec("x".toCharArray(), this.salt, 600_000, 256))
				.getEncoded();
		}
	}

	@Benchmark
	public byte[] derive() {
		return this.pbkdf2Engine.derive(this.pbkdf2Prf, this.password, this.salt, this.iterations,
				this.pbkdf2Prf.hashLength());
	}

}
