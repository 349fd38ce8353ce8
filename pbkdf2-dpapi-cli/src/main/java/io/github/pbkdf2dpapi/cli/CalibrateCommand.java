package io.github.pbkdf2dpapi.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engines;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code calibrate}: finds the iteration count that takes a target time on this machine.
 *
 * @author pbkdf2-dpapi
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
		description = { "Find the PBKDF2 iteration count that takes the target time on this machine and print the "
				+ "YAML to paste into application.yml.",
				"Run it on the production server, not a laptop; review the result yearly." })
final class CalibrateCommand implements Callable<Integer> {

	private static final byte[] PASSWORD = new byte[32];

	private static final byte[] SALT = new byte[64];

	private final CliEnvironment env;

	@Option(names = "--target", paramLabel = "DURATION", defaultValue = "300ms", converter = DurationConverter.class,
			description = "Time one hash should take (the article suggests 100 to 500 ms). Default: ${DEFAULT-VALUE}.")
	Duration target;

	@Option(names = "--algorithm", paramLabel = "PRF", defaultValue = "sha256",
			description = "sha256 or sha512. Default: ${DEFAULT-VALUE}.")
	String algorithm;

	@Mixin
	EngineOptions engineOptions;

	CalibrateCommand(CliEnvironment env) {
		this.env = env;
	}

	@Override
	public Integer call() {
		if (this.target.toMillis() < 1 || this.target.compareTo(Duration.ofSeconds(10)) > 0) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "--target must be between 1ms and 10s");
		}
		Pbkdf2Prf prf = Pbkdf2Prf.fromId(this.algorithm);
		if (prf == Pbkdf2Prf.HMAC_SHA1) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "sha1 only verifies legacy hashes; use sha256 or sha512");
		}
		Pbkdf2Engine engine = this.engineOptions.select(this.env).engine();
		long targetNanos = this.target.toNanos();
		// Warm up the JIT, then grow the count until one run takes a measurable share of the target.
		measure(engine, prf, 2_000);
		int iterations = 1_000;
		long nanos = measure(engine, prf, iterations);
		while (nanos < targetNanos / 8 && iterations < 100_000_000) {
			iterations *= 2;
			nanos = measure(engine, prf, iterations);
		}
		long estimate = Math.max(1, Math.round((double) iterations * targetNanos / nanos));
		// One check at the estimate, a linear correction, then a measurement of the result.
		long checked = measure(engine, prf, (int) Math.min(Integer.MAX_VALUE, estimate));
		int result = (int) Math.min(Integer.MAX_VALUE, round(Math.round((double) estimate * targetNanos / checked)));
		long resultMillis = Math.round(measure(engine, prf, result) / 1_000_000.0);
		int recommended = (prf == Pbkdf2Prf.HMAC_SHA512) ? Pbkdf2DpapiPasswordEncoder.DEFAULT_ITERATIONS_SHA512
				: Pbkdf2DpapiPasswordEncoder.DEFAULT_ITERATIONS;
		this.env.out().printf(Locale.ROOT,
				"# PBKDF2-HMAC-%s on this machine (%s engine): %d iterations take about %d ms (target %d ms).%n",
				prf.digestAlgorithm().replace("-", ""), engine.name(), result, resultMillis, this.target.toMillis());
		if (result < recommended) {
			this.env.out().printf(Locale.ROOT,
					"# Below OWASP's recommended %d for %s: keep %d if the server can afford it, or raise the target.%n",
					recommended, prf.id(), recommended);
		}
		this.env.out().println("pbkdf2-dpapi:");
		this.env.out().println("  password:");
		this.env.out().println("    algorithm: " + prf.id());
		this.env.out().println("    iterations: " + result);
		if (Pbkdf2Engines.OPENSSL.equals(engine.name())) {
			this.env.out().println("    engine: " + Pbkdf2Engines.OPENSSL);
		}
		return Pbkdf2DpapiCli.EXIT_OK;
	}

	/** Rounds to two significant digits below a million and to thousands above. */
	private static long round(long iterations) {
		long unit = (iterations >= 100_000) ? 1_000 : (iterations >= 10_000) ? 100 : (iterations >= 1_000) ? 10 : 1;
		return Math.max(1, Math.round((double) iterations / unit) * unit);
	}

	/** The fastest of three runs, in nanoseconds. */
	private static long measure(Pbkdf2Engine engine, Pbkdf2Prf prf, int iterations) {
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			engine.derive(prf, PASSWORD, SALT, iterations, prf.hashLength());
			best = Math.min(best, System.nanoTime() - start);
		}
		return Math.max(1, best);
	}

}
