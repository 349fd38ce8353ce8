package io.github.pbkdf2dpapi.benchmarks;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.github.pbkdf2dpapi.autoconfigure.encrypt.EncryptEnvironmentPostProcessor;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

/**
 * Start-up cost of {@code ENC(...)} values: an environment with {@value #COUNT} encrypted values
 * (AES-256-GCM, the cipher of the key ring too) goes through
 * {@link EncryptEnvironmentPostProcessor}, which wraps the sources and decrypts every value, and
 * every value is then read through {@code Environment.getProperty}. Each invocation starts from a
 * fresh environment, so nothing is cached between invocations.
 *
 * <ul>
 * <li>{@code applicationStart}: one whole {@code SpringApplication.run} of an empty application
 * in a fresh JVM, whose default properties hold the {@value #COUNT} values either encrypted or
 * plain: the difference between the two is what {@code ENC(...)} adds to a real start-up, class
 * loading and JCE initialisation included;</li>
 * <li>{@code warm}: the post-processor and the reads alone, averaged once the JIT has compiled
 * the code.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EncStartupBenchmark {

	static final int COUNT = 200;

	private final EncryptEnvironmentPostProcessor postProcessor = new EncryptEnvironmentPostProcessor(
			(destination) -> destination.get(), new DefaultBootstrapContext());

	private final SpringApplication application = new SpringApplication();

	private Map<String, Object> values;

	private StandardEnvironment environment;

	@Setup(Level.Trial)
	public void encrypt() {
		this.values = values(true);
	}

	@Setup(Level.Invocation)
	public void environment() {
		this.environment = new StandardEnvironment();
		this.environment.getPropertySources().addLast(new MapPropertySource("application", this.values));
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	@Fork(5)
	public void applicationStart(StartState state, Blackhole blackhole) {
		SpringApplication application = new SpringApplication(EmptyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(state.valuesMap);
		try (ConfigurableApplicationContext context = application.run("--logging.level.root=warn")) {
			for (int i = 0; i < COUNT; i++) {
				blackhole.consume(context.getEnvironment().getProperty("app.secret" + i));
			}
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	@Fork(1)
	public void warm(Blackhole blackhole) {
		decryptAll(blackhole);
	}

	/**
	 * The values of {@code applicationStart}.
	 */
	@State(Scope.Benchmark)
	public static class StartState {

		@Param({ "encrypted", "plain" })
		public String values;

		Map<String, Object> valuesMap;

		@Setup(Level.Trial)
		public void values() {
			this.valuesMap = EncStartupBenchmark.values(this.values.equals("encrypted"));
		}

	}

	static Map<String, Object> values(boolean encrypted) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) 7);
		SecretProtector protector = SecretProtectors.aesGcm("k1", key);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("pbkdf2-dpapi.envelope.aes-gcm.key-id", "k1");
		values.put("pbkdf2-dpapi.envelope.aes-gcm.key", Base64.getEncoder().encodeToString(key));
		for (int i = 0; i < COUNT; i++) {
			String plain = "secret-value-" + i;
			values.put("app.secret" + i, encrypted ? EncryptedValues.encrypt(protector, plain, null) : plain);
		}
		return values;
	}

	/**
	 * An application without beans.
	 */
	@Configuration(proxyBeanMethods = false)
	public static class EmptyApplication {

	}

	private void decryptAll(Blackhole blackhole) {
		this.postProcessor.postProcessEnvironment(this.environment, this.application);
		for (int i = 0; i < COUNT; i++) {
			blackhole.consume(this.environment.getProperty("app.secret" + i));
		}
	}

}
