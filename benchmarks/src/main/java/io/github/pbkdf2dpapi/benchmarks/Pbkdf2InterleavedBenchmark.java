package io.github.pbkdf2dpapi.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

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
 * Profile pollution check: before measuring one PRF, the same JVM runs SHA-1, SHA-256 and
 * SHA-512 hashes interleaved, as an application that verifies legacy and current records does.
 * Compare each result with {@link Pbkdf2EngineBenchmark#ours()} (one PRF per JVM).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class Pbkdf2InterleavedBenchmark {

	@Param({ "sha256", "sha512" })
	public String prf;

	private Pbkdf2Prf engine;

	private int iterations;

	private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

	private final byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	@Setup
	public void setUp() {
		this.engine = Pbkdf2Prf.fromId(this.prf);
		this.iterations = (this.engine == Pbkdf2Prf.HMAC_SHA512) ? 210_000 : 600_000;
		// Interleave all PRFs long enough for the JIT to compile with mixed profiles.
		for (int round = 0; round < 30; round++) {
			for (Pbkdf2Prf other : Pbkdf2Prf.values()) {
				Pbkdf2.derive(other, this.password, this.salt, 20_000, other.hashLength());
			}
		}
	}

	@Benchmark
	public byte[] afterInterleaving() {
		return Pbkdf2.derive(this.engine, this.password, this.salt, this.iterations, this.engine.hashLength());
	}

}
