package io.github.pbkdf2dpapi.benchmarks;

import java.nio.charset.StandardCharsets;
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

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * The absolute cost of everything the encoder does around the PBKDF2 loop (salt, NFKC, pepper
 * HMAC, AES-GCM envelope, record writing and parsing, constant-time compare): the same encoder as
 * {@link EncoderOverheadBenchmark} but at one iteration, against the engine at one iteration. The
 * difference does not depend on the iteration count, so divided by a default hash (about 78 ms)
 * it is the encoder's share, with none of the run-to-run noise of two 78 ms measurements.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EncoderOverheadAtOneIterationBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderOverheadAtOneIterationBenchmark {

	private static final String PASSWORD = EncoderOverheadBenchmark.PASSWORD;

	private final byte[] passwordBytes = PASSWORD.getBytes(StandardCharsets.UTF_8);

	private final byte[] salt = new byte[16];

	private Pbkdf2DpapiPasswordEncoder encoder;

	private String record;

	@Setup
	public void setUp() {
		this.encoder = EncoderOverheadBenchmark.encoder(1);
		this.record = this.encoder.encode(PASSWORD);
	}

	@Benchmark
	public byte[] engine() {
		return Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA256, this.passwordBytes, this.salt, 1, 32);
	}

	@Benchmark
	public boolean encoderMatches() {
		return this.encoder.matches(PASSWORD, this.record);
	}

	@Benchmark
	public String encoderEncode() {
		return this.encoder.encode(PASSWORD);
	}

}
