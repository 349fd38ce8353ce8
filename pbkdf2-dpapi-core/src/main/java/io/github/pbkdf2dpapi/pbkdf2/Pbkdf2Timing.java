package io.github.pbkdf2dpapi.pbkdf2;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long one PBKDF2 iteration takes on this machine, and what follows: the time a hash with a
 * given iteration count takes, or the iteration count that fits a time budget (the article's
 * advice: choose the count by benchmarking on the real server, 100–500 ms per hash).
 *
 * @param prf the PRF measured
 * @param nanosPerIteration the measured cost of one iteration, in nanoseconds
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record Pbkdf2Timing(Pbkdf2Prf prf, double nanosPerIteration) {

	private static final int WARM_UP_ITERATIONS = 20_000;

	private static final int SAMPLE_ITERATIONS = 100_000;

	/**
	 * Measures the Java engine: a few short warm-up hashes (so the JIT has compiled the loop), then the
	 * median of three hashes of {@value #SAMPLE_ITERATIONS} iterations. Takes about 50 ms for
	 * HMAC-SHA256 on a current server core.
	 * @param prf the PRF to measure
	 * @return the timing
	 */
	public static Pbkdf2Timing measure(Pbkdf2Prf prf) {
		return measure(prf, Pbkdf2Engine.java());
	}

	/**
	 * Measures an engine, as {@link #measure(Pbkdf2Prf)} does the Java engine.
	 * @param prf the PRF to measure
	 * @param engine the engine that will hash
	 * @return the timing
	 * @since 0.1.0
	 */
	public static Pbkdf2Timing measure(Pbkdf2Prf prf, Pbkdf2Engine engine) {
		byte[] password = new byte[32];
		byte[] salt = new byte[16];
		for (int i = 0; i < 3; i++) {
			engine.derive(prf, password, salt, WARM_UP_ITERATIONS, prf.hashLength());
		}
		long[] samples = new long[3];
		for (int i = 0; i < samples.length; i++) {
			long start = System.nanoTime();
			engine.derive(prf, password, salt, SAMPLE_ITERATIONS, prf.hashLength());
			samples[i] = System.nanoTime() - start;
		}
		Arrays.sort(samples);
		return new Pbkdf2Timing(prf, (double) samples[1] / SAMPLE_ITERATIONS);
	}

	/**
	 * The expected time of one hash.
	 * @param iterations the iteration count
	 * @return the estimated duration
	 */
	public Duration estimate(int iterations) {
		return Duration.ofNanos(Math.round(this.nanosPerIteration * iterations));
	}

	/**
	 * The iteration count whose hash takes about {@code target}, rounded down to a multiple of
	 * 10,000 so that the nodes of a cluster tend to agree.
	 * @param target the time budget of one hash
	 * @return the iteration count, at least 10,000
	 */
	public int iterationsFor(Duration target) {
		double exact = target.toNanos() / this.nanosPerIteration;
		long rounded = (long) (exact / 10_000) * 10_000;
		return (int) Math.max(10_000, Math.min(Integer.MAX_VALUE / 10, rounded));
	}

}
