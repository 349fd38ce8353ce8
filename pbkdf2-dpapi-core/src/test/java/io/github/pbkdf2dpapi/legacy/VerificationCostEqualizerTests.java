package io.github.pbkdf2dpapi.legacy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;
import io.github.pbkdf2dpapi.pbkdf2.CountingPbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VerificationCostEqualizer}: the median cost of each legacy path, through the
 * full {@link DelegatingPasswordEncoder}, is within ±15 % of a current {@code {pbkdf2-dpapi}}
 * verification.
 *
 * <p>
 * The cost is the CPU time of the verifying thread, not the wall clock: the equaliser's job is to
 * make every path do the same work, and CPU time measures that work without the noise of other
 * processes on a shared 2-core machine (a wall-clock version of this test failed under a load of
 * 10). The paths are also interleaved in a new random order every round, there is a warm-up,
 * medians are compared, and a failed attempt is measured again (up to 3 times). A real oracle (a fast MD5 check, about 1000 times
 * faster) fails every attempt, as {@link #medianTimesWhenNotEqualizedThenFastPathsAreMuchFaster()}
 * shows.
 */
class VerificationCostEqualizerTests {

	private static final int ITERATIONS = 20_000;

	private static final int WARM_UP_ROUNDS = 30;

	private static final int ROUNDS = 61;

	private static final double TOLERANCE = 0.15;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Pbkdf2DpapiPasswordEncoder current = TestEncoders.current(ITERATIONS);

	@Test
	void medianTimesWhenLegacyPathsThenWithinFifteenPercentOfCurrent() {
		DelegatingPasswordEncoder encoder = LegacyPasswordEncoders.createDelegatingPasswordEncoder(this.current,
				LegacyOptions.defaults().withUnprefixedFormat("md5"));
		Map<String, BooleanSupplier> paths = paths(encoder);
		Map<String, Double> ratios = null;
		for (int attempt = 1; attempt <= 3; attempt++) {
			Map<String, Long> medians = measure(paths);
			ratios = ratios(medians);
			System.out.println("Timing attempt " + attempt + " (median CPU microseconds): " + micros(medians)
					+ " ratios to current: " + ratios);
			if (ratios.values().stream().allMatch((r) -> Math.abs(r - 1) <= TOLERANCE)) {
				break;
			}
		}
		assertThat(ratios).allSatisfy((path, ratio) -> assertThat(ratio).as(path).isBetween(1 - TOLERANCE, 1 + TOLERANCE));
	}

	@Test
	void medianTimesWhenNotEqualizedThenFastPathsAreMuchFaster() {
		DelegatingPasswordEncoder encoder = LegacyPasswordEncoders.createDelegatingPasswordEncoder(this.current,
				LegacyOptions.defaults().withUnprefixedFormat("md5").withEqualizeTiming(false));
		Map<String, BooleanSupplier> paths = new LinkedHashMap<>();
		String record = encoder.encode("password");
		paths.put("current", () -> encoder.matches("password", record));
		paths.put("md5 unprefixed", () -> encoder.matches("password", "5f4dcc3b5aa765d61d8327deb882cf99"));
		Map<String, Double> ratios = ratios(measure(paths));
		assertThat(ratios.get("md5 unprefixed")).isLessThan(0.1);
	}

	@Test
	void spendRemainderWhenLegacyWorkAboveCurrentThenNothingMore() {
		VerificationCostEqualizer equalizer = new VerificationCostEqualizer(this.current);
		equalizer.spendVerification("warm up");
		long start = cpuNanos();
		equalizer.spendRemainder(io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf.HMAC_SHA256, 10L * ITERATIONS, 32);
		assertThat((cpuNanos() - start) / 1_000_000).isLessThan(5);
		VerificationCostEqualizer.none().spendVerification("x");
		VerificationCostEqualizer.none().spendRemainder(io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf.HMAC_SHA1, 1, 20);
	}

	@Test
	void spendRemainderThenUsesTheCurrentEncodersEngine() {
		CountingPbkdf2Engine engine = new CountingPbkdf2Engine();
		Pbkdf2DpapiPasswordEncoder counted = Pbkdf2DpapiPasswordEncoder.builder()
			.iterations(ITERATIONS)
			.allowWeakParameters(true)
			.engine(engine)
			.build();
		VerificationCostEqualizer equalizer = new VerificationCostEqualizer(counted);
		equalizer.spendRemainder(Pbkdf2Prf.HMAC_SHA256, 10, 32);
		// One encode of the dummy record, then the remainder.
		assertThat(engine.calls()).isEqualTo(2);
		equalizer.spendVerification("pw");
		assertThat(engine.calls()).isEqualTo(3);
	}

	@Test
	void matchesWhenLegacyPbkdf2ThenRunsOnTheCurrentEncodersEngine() {
		List<String> calls = Collections.synchronizedList(new ArrayList<>());
		Pbkdf2Engine counting = new Pbkdf2Engine() {

			@Override
			public byte[] derive(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length) {
				calls.add(prf.id() + ":" + iterations);
				return Pbkdf2Engine.java().derive(prf, password, salt, iterations, length);
			}

			@Override
			public String name() {
				return "counting";
			}

		};
		Pbkdf2DpapiPasswordEncoder current = Pbkdf2DpapiPasswordEncoder.builder()
			.iterations(ITERATIONS)
			.allowWeakParameters(true)
			.engine(counting)
			.build();
		VerificationCostEqualizer equalizer = new VerificationCostEqualizer(current);
		assertThat(equalizer.engine()).isSameAs(counting);
		assertThat(VerificationCostEqualizer.none().engine().name()).isEqualTo("java");
		AspNetIdentityPasswordEncoder aspnet = new AspNetIdentityPasswordEncoder(1_000_000, equalizer);
		assertThat(aspnet.matches("password", aspNetV3("password", 5_000))).isTrue();
		SaltHashPasswordEncoder saltHash = new SaltHashPasswordEncoder(1_000, false, equalizer);
		saltHash.matches("password", "AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
		// Legacy check, then the remainder up to the current work, both on the counting engine.
		assertThat(calls).contains("sha256:5000", "sha256:" + (ITERATIONS - 5_000), "sha256:1000",
				"sha256:" + (ITERATIONS - 1_000));
	}

	private Map<String, BooleanSupplier> paths(DelegatingPasswordEncoder encoder) {
		String record = encoder.encode("password");
		String unknownUser = encoder.encode("userNotFoundPassword");
		WrappingPasswordEncoder wrapping = new WrappingPasswordEncoder(DigestFormat.fromName("md5"), this.current,
				VerificationCostEqualizer.none());
		String wrapped = wrapping.wrap(LegacyDigest.MD5.decode("5f4dcc3b5aa765d61d8327deb882cf99"), null);
		String aspnet = "{aspnet}" + aspNetV3("password", 5_000);
		Map<String, BooleanSupplier> paths = new LinkedHashMap<>();
		paths.put("current", () -> encoder.matches("password", record));
		paths.put("current, wrong password", () -> encoder.matches("wrong", record));
		// DaoAuthenticationProvider checks an unknown user against encode("userNotFoundPassword").
		paths.put("unknown user", () -> encoder.matches("password", unknownUser));
		paths.put("md5 unprefixed", () -> encoder.matches("password", "5f4dcc3b5aa765d61d8327deb882cf99"));
		paths.put("md5 unprefixed, wrong password", () -> encoder.matches("wrong", "5f4dcc3b5aa765d61d8327deb882cf99"));
		paths.put("{SHA-1} Spring", () -> encoder.matches("password", "{SHA-1}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"));
		paths.put("{sha256-salt-after}", () -> encoder.matches("password", "{sha256-salt-after}s$" + "ab".repeat(32)));
		paths.put("{md5} malformed", () -> encoder.matches("password", "{md5}zz"));
		paths.put("{pbkdf2-dpapi-wrap:md5}", () -> encoder.matches("password", wrapped));
		paths.put("{aspnet} V3 at 5000 iterations", () -> encoder.matches("password", aspnet));
		paths.put("{noop}", () -> encoder.matches("password", "{noop}password"));
		return paths;
	}

	private static Map<String, Long> measure(Map<String, BooleanSupplier> paths) {
		List<String> names = new ArrayList<>(paths.keySet());
		Map<String, long[]> samples = new LinkedHashMap<>();
		names.forEach((name) -> samples.put(name, new long[ROUNDS]));
		for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
			Collections.shuffle(names);
			for (String name : names) {
				long start = cpuNanos();
				paths.get(name).getAsBoolean();
				long elapsed = cpuNanos() - start;
				if (round >= 0) {
					samples.get(name)[round] = elapsed;
				}
			}
		}
		Map<String, Long> medians = new LinkedHashMap<>();
		samples.forEach((name, times) -> {
			long[] sorted = times.clone();
			Arrays.sort(sorted);
			medians.put(name, sorted[sorted.length / 2]);
		});
		return medians;
	}

	private static long cpuNanos() {
		return THREADS.getCurrentThreadCpuTime();
	}

	private static Map<String, Double> ratios(Map<String, Long> medians) {
		double reference = medians.get("current");
		Map<String, Double> ratios = new LinkedHashMap<>();
		medians.forEach((name, median) -> {
			if (!"current".equals(name)) {
				ratios.put(name, Math.round(median / reference * 1000) / 1000.0);
			}
		});
		return ratios;
	}

	private static Map<String, Long> micros(Map<String, Long> medians) {
		Map<String, Long> micros = new LinkedHashMap<>();
		medians.forEach((name, nanos) -> micros.put(name, nanos / 1000));
		return micros;
	}

	private static String aspNetV3(String password, int iterations) {
		byte[] salt = new byte[16];
		byte[] subkey = TestEncoders.jdkPbkdf2("HmacSHA256", password, salt, iterations, 32);
		ByteBuffer out = ByteBuffer.allocate(13 + 16 + 32).put((byte) 1).putInt(1).putInt(iterations).putInt(16)
			.put(salt)
			.put(subkey);
		return Base64.getEncoder().encodeToString(out.array());
	}

}
