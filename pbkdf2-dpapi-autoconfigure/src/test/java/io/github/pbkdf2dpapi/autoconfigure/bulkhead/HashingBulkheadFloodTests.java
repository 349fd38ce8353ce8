package io.github.pbkdf2dpapi.autoconfigure.bulkhead;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderDecorator;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login flood against a real server: 64 concurrent form logins against a 2-permit bulkhead,
 * each hash calibrated to about 50 ms of real PBKDF2 work. The actuator health endpoint keeps
 * answering quickly, no more than 2 hashes ever run at once, and the logins that cannot get a
 * slot in time are answered 503, never 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pbkdf2-dpapi.envelope.protector=none", "pbkdf2-dpapi.password.iterations=1000", "pbkdf2-dpapi.password.allow-weak-parameters=true",
				"pbkdf2-dpapi.password.calibrate-to=50ms", "pbkdf2-dpapi.bulkhead.max-concurrent=2",
				"pbkdf2-dpapi.bulkhead.max-wait=500ms", "management.endpoints.web.exposure.include=health",
				"pbkdf2-dpapi.lockout.enabled=false" })
class HashingBulkheadFloodTests {

	private static final int LOGINS = 64;

	private static final String PASSWORD = "correct horse battery staple";

	@LocalServerPort
	private int port;

	@Autowired
	private HashingBulkhead bulkhead;

	@Autowired
	private ConcurrencyProbe probe;

	@Test
	void loginFloodWhenTwoPermitsThenHealthStaysFastAndAtMostTwoHashesAtOnce() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(8))
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		assertThat(get(client, "/actuator/health").statusCode()).isEqualTo(200);
		assertThat(this.bulkhead.getMaxConcurrent()).isEqualTo(2);
		this.probe.reset();
		String form = "username=alice&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
		List<CompletableFuture<HttpResponse<Void>>> logins = new ArrayList<>();
		long floodStart = System.nanoTime();
		for (int i = 0; i < LOGINS; i++) {
			HttpRequest request = HttpRequest.newBuilder(uri("/login"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build();
			logins.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
		}
		CompletableFuture<Void> all = CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new));
		List<Long> healthMillis = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!all.isDone() && System.nanoTime() < deadline) {
			if (this.probe.started() > 0) {
				long start = System.nanoTime();
				HttpResponse<String> health = get(client, "/actuator/health");
				healthMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
				assertThat(health.statusCode()).isEqualTo(200);
			}
			Thread.sleep(10);
		}
		all.get(30, TimeUnit.SECONDS);
		long floodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - floodStart);
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		for (CompletableFuture<HttpResponse<Void>> login : logins) {
			HttpResponse<Void> response = login.get();
			statuses.merge(response.statusCode(), 1, Integer::sum);
			if (response.statusCode() == 503) {
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
			}
			else {
				assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
						(location) -> assertThat(location).doesNotContain("error"));
			}
		}
		List<Long> sorted = new ArrayList<>(healthMillis);
		Collections.sort(sorted);
		long median = sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
		long max = sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
		System.out.println("pbkdf2-dpapi bulkhead flood: " + LOGINS + " logins in " + floodMillis + " ms, statuses "
				+ statuses + ", hashes started " + this.probe.started() + ", peak concurrent hashes "
				+ this.probe.peak() + "; health answered " + sorted.size() + " times during the flood, median "
				+ median + " ms, max " + max + " ms");
		assertThat(this.probe.peak()).isBetween(1, 2);
		assertThat(statuses.keySet()).containsAnyOf(302).isSubsetOf(302, 503);
		assertThat(sorted).hasSizeGreaterThanOrEqualTo(3);
		assertThat(median).isLessThan(250);
		assertThat(max).isLessThan(2000);
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Counts the hashes running at once, inside the bulkhead.
	 */
	static final class ConcurrencyProbe {

		private final AtomicInteger running = new AtomicInteger();

		private final AtomicInteger peak = new AtomicInteger();

		private final AtomicInteger started = new AtomicInteger();

		<T> T run(java.util.function.Supplier<T> work) {
			this.started.incrementAndGet();
			this.peak.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				return work.get();
			}
			finally {
				this.running.decrementAndGet();
			}
		}

		void reset() {
			this.peak.set(0);
			this.started.set(0);
		}

		int peak() {
			return this.peak.get();
		}

		int started() {
			return this.started.get();
		}

	}

	@SpringBootApplication
	static class TestApplication {

		@Bean
		ConcurrencyProbe concurrencyProbe() {
			return new ConcurrencyProbe();
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		Pbkdf2DpapiPasswordEncoderDecorator probingDecorator(ConcurrencyProbe probe) {
			return (encoder) -> new PasswordEncoder() {

				@Override
				public String encode(CharSequence rawPassword) {
					return probe.run(() -> encoder.encode(rawPassword));
				}

				@Override
				public boolean matches(CharSequence rawPassword, String encodedPassword) {
					return probe.run(() -> encoder.matches(rawPassword, encodedPassword));
				}

				@Override
				public boolean upgradeEncoding(String encodedPassword) {
					return encoder.upgradeEncoding(encodedPassword);
				}

			};
		}

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health")
				.permitAll()
				.anyRequest()
				.authenticated()).formLogin(Customizer.withDefaults()).csrf(AbstractHttpConfigurer::disable);
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users(PasswordEncoder passwordEncoder) {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password(passwordEncoder.encode(PASSWORD)).roles("USER").build());
		}

	}

}
