package io.github.pbkdf2dpapi.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.protect.KeyRings;
import io.github.pbkdf2dpapi.protect.MasterKeySources;

/**
 * What the starter adds to an application's start-up: one whole {@code SpringApplication.run} of
 * an application with Spring Boot's auto-configuration and Spring Security on the class path, in
 * a fresh JVM, with the starter's auto-configurations and {@code ENC(...)} post-processor on
 * ({@code with}: key ring envelope, password encoder, lockout, audit, plain-secret check) or all
 * excluded ({@code without}). The deliberate calibration hash is switched off in both
 * ({@code pbkdf2-dpapi.password.budget.check=false}); it is reported on its own in
 * {@code docs/benchmarks.md}. The key ring exists before the run, as in production: it is created
 * by another JVM in the set-up, so that creating it loads nothing (JSON parser, JCE, AES) into the
 * measured JVM that opening it at start-up would otherwise pay.
 *
 * <p>
 * Why not the sample application itself: its own beans need the starter's (the encoder, the
 * protector, the login throttle), so it cannot start without it, and it hashes its demo users at
 * 600,000 iterations on every start, which would swamp the difference. This application has what
 * the sample's start-up shares with the starter (auto-configuration, Spring Security) and, with
 * {@code web=servlet}, what the sample is: a Spring MVC application on an embedded Tomcat, with
 * Jackson. With {@code web=none} the same class path starts without a web server, which counts
 * what the starter loads more fully than any web application would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(8)
public class StarterStartupBenchmark {

	private static final String[] AUTO_CONFIGURATIONS = {
			"io.github.pbkdf2dpapi.autoconfigure.actuate.Pbkdf2DpapiEndpointAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.actuate.Pbkdf2DpapiHealthContributorAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.audit.AuditAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.bulkhead.HashingBulkheadAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.encrypt.EncryptAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.lockout.LockoutAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.lockout.LockoutEndpointAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.lockout.LockoutJdbcStoreAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.metrics.Pbkdf2DpapiMetricsAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.migration.JdbcPasswordUpgradeAutoConfiguration",
			"io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderAutoConfiguration" };

	@Param({ "with", "without" })
	public String starter;

	/**
	 * {@code servlet}: a web application (Spring MVC on an embedded Tomcat on a random port, with
	 * Jackson), like the sample; {@code none}: the same class path started without a web server.
	 */
	@Param({ "servlet", "none" })
	public String web = "none";

	private Map<String, Object> properties;

	@Setup(Level.Trial)
	public void keyRing() {
		try {
			Path ring = Files.createTempDirectory("pbkdf2-dpapi-bench-ring");
			if ("with".equals(this.starter)) {
				createInAnotherJvm(ring);
			}
			this.properties = new LinkedHashMap<>();
			this.properties.put("logging.level.root", "warn");
			this.properties.put("pbkdf2-dpapi.password.budget.check", "false");
			this.properties.put("server.port", "0");
			if ("with".equals(this.starter)) {
				this.properties.put("pbkdf2-dpapi.keyring.directory", ring.toString());
				this.properties.put("pbkdf2-dpapi.keyring.master-key.source", "plain");
			}
			else {
				this.properties.put("spring.autoconfigure.exclude", String.join(",", AUTO_CONFIGURATIONS));
				this.properties.put("pbkdf2-dpapi.encrypt.enabled", "false");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The application's default properties, once set up.
	 * @return the properties (mutable)
	 */
	Map<String, Object> properties() {
		return this.properties;
	}

	private static void createInAnotherJvm(Path ring) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				StarterStartupBenchmark.class.getName(), ring.toString())
			.inheritIO()
			.start();
		try {
			if (process.waitFor() != 0 || isEmpty(ring)) {
				throw new IllegalStateException("Could not create the key ring in " + ring);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (var files = Files.list(directory)) {
			return files.findAny().isEmpty();
		}
	}

	/**
	 * Creates the key ring of the benchmark (run in its own JVM by the set-up).
	 * @param args the directory of the ring
	 */
	public static void main(String[] args) {
		KeyRings.createIfMissing(Path.of(args[0]), MasterKeySources.plainUnprotected(), Instant.now());
	}

	@Benchmark
	public Object start() {
		SpringApplication application = new SpringApplication(SecuredApplication.class);
		application.setWebApplicationType(
				"servlet".equals(this.web) ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(this.properties);
		try (ConfigurableApplicationContext context = application.run()) {
			return context.getBeanProvider(PasswordEncoder.class).getIfAvailable();
		}
	}

	/**
	 * An application with auto-configuration and nothing else.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	public static class SecuredApplication {

	}

}
