package io.github.pbkdf2dpapi.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.sun.jna.Pointer;
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
 * PBKDF2-HMAC-SHA256 time per hash against the iteration count, for the plot in
 * {@code docs/benchmarks.md} ({@code benchmarks/plot.py} draws it from the JSON result).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class Pbkdf2ScalingBenchmark {

	@Param({ "150000", "600000", "1200000" })
	public int iterations;

	private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

	private final char[] passwordChars = "correct horse battery staple".toCharArray();

	private final byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private SecretKeyFactory jdk;

	private Pointer openSslDigest;

	@Setup
	public void setUp() throws GeneralSecurityException {
		this.jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
		this.openSslDigest = OpenSsl.digest("sha256");
	}

	@Benchmark
	public byte[] ours() {
		return Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA256, this.password, this.salt, this.iterations, 32);
	}

	@Benchmark
	public byte[] jdk() throws GeneralSecurityException {
		return this.jdk.generateSecret(new PBEKeySpec(this.passwordChars, this.salt, this.iterations, 256)).getEncoded();
	}

	@Benchmark
	public byte[] openssl() {
		return OpenSsl.pbkdf2(this.openSslDigest, this.password, this.salt, this.iterations, 32);
	}

}
