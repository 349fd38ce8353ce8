package io.github.pbkdf2dpapi.autoconfigure.password;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Timing;

/**
 * The start-up review of the hashing parameters: how long one hash takes here, whether that fits
 * the budget, and whether the iteration count meets current OWASP guidance. Produces messages;
 * the caller logs them.
 *
 * @author pbkdf2-dpapi
 */
final class PasswordParameterReview {

	/** The article's example target, used when suggesting an iteration count. */
	static final Duration SUGGESTED_TARGET = Duration.ofMillis(300);

	private PasswordParameterReview() {
	}

	/**
	 * The OWASP Password Storage Cheat Sheet iteration count for a PRF.
	 */
	static int owaspIterations(Pbkdf2Prf prf) {
		return (prf == Pbkdf2Prf.HMAC_SHA512) ? Pbkdf2DpapiPasswordEncoder.DEFAULT_ITERATIONS_SHA512
				: Pbkdf2DpapiPasswordEncoder.DEFAULT_ITERATIONS;
	}

	/**
	 * The iteration count to use when calibrating to {@code target}: what fits the target on this
	 * machine, but never fewer than {@code minimum}.
	 */
	static int calibratedIterations(Pbkdf2Timing timing, Duration target, int minimum) {
		return Math.max(timing.iterationsFor(target), minimum);
	}

	static String measured(Pbkdf2Timing timing, int iterations) {
		return "pbkdf2-dpapi: one hash (" + timing.prf().id() + ", " + iterations + " iterations) takes about "
				+ timing.estimate(iterations).toMillis() + " ms on this machine";
	}

	/**
	 * Warnings for parameters outside the budget or below OWASP guidance; empty when all is well.
	 */
	static List<String> warnings(Pbkdf2Timing timing, int iterations, Duration min, Duration max) {
		List<String> warnings = new ArrayList<>();
		if (timing != null) {
			Duration estimate = timing.estimate(iterations);
			int suggestion = timing.iterationsFor(SUGGESTED_TARGET);
			if (estimate.compareTo(min) < 0) {
				warnings.add("pbkdf2-dpapi: one hash takes about " + estimate.toMillis() + " ms, below the budget of "
						+ min.toMillis() + " to " + max.toMillis() + " ms: an attacker's guesses are as cheap. Set "
						+ "pbkdf2-dpapi.password.iterations=" + suggestion + " (about " + SUGGESTED_TARGET.toMillis()
						+ " ms here) or pbkdf2-dpapi.password.calibrate-to=" + SUGGESTED_TARGET.toMillis() + "ms");
			}
			else if (estimate.compareTo(max) > 0) {
				warnings.add("pbkdf2-dpapi: one hash takes about " + estimate.toMillis() + " ms, above the budget of "
						+ min.toMillis() + " to " + max.toMillis() + " ms: logins are slow and a login flood "
						+ "exhausts the CPU. Set pbkdf2-dpapi.password.iterations=" + suggestion + " (about "
						+ SUGGESTED_TARGET.toMillis() + " ms here), or give the service more CPU");
			}
		}
		return warnings;
	}

	/**
	 * A warning when the iteration count is below the current OWASP recommendation.
	 */
	static String owaspWarning(Pbkdf2Prf prf, int iterations) {
		int owasp = owaspIterations(prf);
		if (iterations >= owasp) {
			return null;
		}
		return "pbkdf2-dpapi: " + iterations + " iterations of " + prf.id() + " is below current OWASP guidance ("
				+ owasp + "); raise pbkdf2-dpapi.password.iterations, records upgrade at the next login";
	}

}
