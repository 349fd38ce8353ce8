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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * Time per PBKDF2 hash of our engine against the JDK's {@code SecretKeyFactory} and OpenSSL's
 * {@code PKCS5_PBKDF2_HMAC} (system libcrypto through JNA), at the OWASP
 * iteration counts: 600,000 for HMAC-SHA256 and 210,000 for HMAC-SHA512, 16-byte salt, output
 * of the PRF's length. Each (benchmark, prf) pair runs in its own forked JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Pbkdf2EngineBenchmark {

	@Param({ "sha256", "sha512" })
	public String prf;

	private Pbkdf2Prf engine;

	private int iterations;

	private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

	private final char[] passwordChars = "correct horse battery staple".toCharArray();

	private final byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private SecretKeyFactory jdk;

	private com.sun.jna.Pointer openSslDigest;

	@Setup
	public void setUp() throws GeneralSecurityException {
		this.engine = Pbkdf2Prf.fromId(this.prf);
		this.iterations = (this.engine == Pbkdf2Prf.HMAC_SHA512) ? 210_000 : 600_000;
		this.jdk = SecretKeyFactory.getInstance("PBKDF2WithHmac" + this.engine.digestAlgorithm().replace("-", ""));
		this.openSslDigest = OpenSsl.digest(this.prf);
	}

	/**
	 * The three engines must agree. Checked after the measurement, not before: one JDK PBKDF2 call
	 * before the warm-up changes how the JIT compiles the JDK's digest code for our loop (see
	 * {@link Pbkdf2AfterJdkBenchmark}).
	 */
	@TearDown
	public void checkEnginesAgree() throws GeneralSecurityException {
		byte[] expected = ours();
		if (!java.util.Arrays.equals(expected, jdk()) || !java.util.Arrays.equals(expected, openssl())) {
			throw new IllegalStateException("Engines disagree");
		}
	}

	@Benchmark
	public byte[] ours() {
		return Pbkdf2.derive(this.engine, this.password, this.salt, this.iterations, this.engine.hashLength());
	}

	@Benchmark
	public byte[] jdk() throws GeneralSecurityException {
		return this.jdk
			.generateSecret(new PBEKeySpec(this.passwordChars, this.salt, this.iterations, this.engine.hashLength() * 8))
			.getEncoded();
	}

	@Benchmark
	public byte[] openssl() {
		return OpenSsl.pbkdf2(this.openSslDigest, this.password, this.salt, this.iterations, this.engine.hashLength());
	}

}
