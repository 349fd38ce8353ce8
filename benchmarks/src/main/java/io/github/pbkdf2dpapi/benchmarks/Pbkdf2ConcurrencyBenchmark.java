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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

/**
 * Hashes per second with one and with two threads (this machine has two cores): the engine
 * shares nothing between calls, so throughput should scale with cores, allocation and GC
 * included. The {@code reset*} variants run {@link ResetLoopPbkdf2}, the allocation-free loop
 * with twice the compressions, to weigh the engine's allocation against its speed; run with
 * {@code -prof gc} to see allocation and GC time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class Pbkdf2ConcurrencyBenchmark {

	private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

	private final byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	@Benchmark
	@Threads(1)
	public byte[] oneThread() {
		return Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA256, this.password, this.salt, 600_000, 32);
	}

	@Benchmark
	@Threads(2)
	public byte[] twoThreads() {
		return Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA256, this.password, this.salt, 600_000, 32);
	}

	@Benchmark
	@Threads(1)
	public byte[] resetLoopOneThread() {
		return ResetLoopPbkdf2.sha256(this.password, this.salt, 600_000);
	}

	@Benchmark
	@Threads(2)
	public byte[] resetLoopTwoThreads() {
		return ResetLoopPbkdf2.sha256(this.password, this.salt, 600_000);
	}

}
