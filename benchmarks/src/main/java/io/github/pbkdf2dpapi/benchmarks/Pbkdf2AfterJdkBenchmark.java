package io.github.pbkdf2dpapi.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * A known limit, measured: our engine with and without the JDK's own PBKDF2-HMAC-SHA256 run once
 * before in the same JVM (as Spring's {@code Pbkdf2PasswordEncoder} or any {@code Mac} would). The JDK's
 * {@code DigestBase.engineUpdate}/{@code engineDigest} are then compiled on their own with a
 * SHA-256 profile, and C2 no longer inlines them into our loop ("already compiled into a big
 * method"), which costs the loop of the other PRF.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class Pbkdf2AfterJdkBenchmark {

	@Param({ "sha256", "sha512" })
	public String prf;

	private Pbkdf2Prf engine;

	private int iterations;

	private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

	private final byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	/** Whether the JDK's PBKDF2 runs once before the measurement. */
	@Param({ "true", "false" })
	public boolean jdkFirst;

	@Setup
	public void setUp() throws GeneralSecurityException {
		this.engine = Pbkdf2Prf.fromId(this.prf);
		this.iterations = (this.engine == Pbkdf2Prf.HMAC_SHA512) ? 210_000 : 600_000;
		byte[] expected = Pbkdf2.derive(this.engine, this.password, this.salt, 1000, this.engine.hashLength());
		if (this.engine == Pbkdf2Prf.HMAC_SHA512
				&& !java.util.Arrays.equals(expected, PureJavaSha512Pbkdf2.derive(this.password, this.salt, 1000, 64))) {
			throw new IllegalStateException("Pure-Java SHA-512 disagrees with the engine");
		}
		if (this.jdkFirst) {
			SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(new PBEKeySpec("x".toCharArray(), this.salt, 600_000, 256))
				.getEncoded();
		}
	}

	@Benchmark
	public byte[] ours() {
		return Pbkdf2.derive(this.engine, this.password, this.salt, this.iterations, this.engine.hashLength());
	}

	/**
	 * The pure-Java SHA-512 alternative (SHA-512 only; for SHA-256 it measures the engine again).
	 * @return the derived key
	 */
	@Benchmark
	public byte[] pureJavaSha512() {
		if (this.engine != Pbkdf2Prf.HMAC_SHA512) {
			return ours();
		}
		return PureJavaSha512Pbkdf2.derive(this.password, this.salt, this.iterations, 64);
	}

}
