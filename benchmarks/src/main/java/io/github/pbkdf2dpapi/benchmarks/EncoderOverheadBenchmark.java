package io.github.pbkdf2dpapi.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import io.github.pbkdf2dpapi.password.PepperRing;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

/**
 * The cost of everything around the engine at the default parameters (600,000 iterations of
 * HMAC-SHA256): NFKC normalisation, pepper HMAC, AES-GCM envelope, record parsing. Also Spring
 * Security's {@link Pbkdf2PasswordEncoder} at the same iteration count, for the calibration
 * comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncoderOverheadBenchmark {

	static final String PASSWORD = "correct horse battery staple";

	private final byte[] passwordBytes = PASSWORD.getBytes(StandardCharsets.UTF_8);

	private final byte[] salt = new byte[16];

	private Pbkdf2DpapiPasswordEncoder encoder;

	private String record;

	private Pbkdf2PasswordEncoder spring;

	private String springHash;

	@Setup
	public void setUp() {
		this.encoder = encoder(Pbkdf2DpapiPasswordEncoder.DEFAULT_ITERATIONS);
		this.record = this.encoder.encode(PASSWORD);
		this.spring = new Pbkdf2PasswordEncoder("", 16, Pbkdf2DpapiPasswordEncoder.DEFAULT_ITERATIONS,
				Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
		this.springHash = this.spring.encode(PASSWORD);
	}

	/**
	 * The encoder of these benchmarks: a pepper and an AES-GCM envelope around the given count.
	 * @param iterations the PBKDF2 iterations
	 * @return the encoder
	 */
	static Pbkdf2DpapiPasswordEncoder encoder(int iterations) {
		byte[] pepper = new byte[32];
		Arrays.fill(pepper, (byte) 7);
		return Pbkdf2DpapiPasswordEncoder.builder()
			.iterations(iterations)
			.allowWeakParameters(iterations < Pbkdf2DpapiPasswordEncoder.DEFAULT_ITERATIONS)
			.peppers(PepperRing.of("p1", Map.of("p1", pepper)))
			.protector(SecretProtectors.aesGcm("k1", new byte[32]))
			.build();
	}

	@Benchmark
	public byte[] engine() {
		return Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA256, this.passwordBytes, this.salt, Pbkdf2DpapiPasswordEncoder.DEFAULT_ITERATIONS, 32);
	}

	@Benchmark
	public boolean encoderMatches() {
		return this.encoder.matches(PASSWORD, this.record);
	}

	@Benchmark
	public String encoderEncode() {
		return this.encoder.encode(PASSWORD);
	}

	@Benchmark
	public boolean springPbkdf2Matches() {
		return this.spring.matches(PASSWORD, this.springHash);
	}

}
