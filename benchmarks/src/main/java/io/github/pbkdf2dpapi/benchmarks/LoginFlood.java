package io.github.pbkdf2dpapi.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
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
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded login flood against a running sample application on this machine, with a health
 * probe alongside: how fast logins proceed (bounded by cores ÷ hash time and the hashing
 * bulkhead) and how the health endpoint answers meanwhile (p50, p99, max).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.pbkdf2dpapi.benchmarks.LoginFlood http://127.0.0.1:8080 64 640
 * </pre>
 *
 * Arguments: base URL (loopback only: anything else is refused), concurrent clients, total
 * logins. Every client signs in as {@code alice} with the right password (so no lockout), through
 * the real form with its CSRF token, then repeats; the run stops by itself after the total.
 */
public final class LoginFlood {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private LoginFlood() {
	}

	public static void main(String[] args) throws Exception {
		URI base = URI.create((args.length > 0) ? args[0] : "http://127.0.0.1:8080");
		int clients = (args.length > 1) ? Integer.parseInt(args[1]) : 64;
		int total = (args.length > 2) ? Integer.parseInt(args[2]) : 640;
		if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
			throw new IllegalArgumentException("LoginFlood only targets this machine (loopback), not " + base.getHost());
		}
		if (clients < 1 || clients > 256 || total < clients || total > 10_000) {
			throw new IllegalArgumentException("clients 1..256, total clients..10000");
		}
		AtomicInteger remaining = new AtomicInteger(total);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger unavailable = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		AtomicBoolean flooding = new AtomicBoolean(true);
		List<Long> health = Collections.synchronizedList(new ArrayList<>());
		HttpClient prober = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Thread probe = new Thread(() -> {
			while (flooding.get()) {
				long start = System.nanoTime();
				try {
					prober.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
							HttpResponse.BodyHandlers.discarding());
					health.add(System.nanoTime() - start);
					Thread.sleep(20);
				}
				catch (IOException | InterruptedException ex) {
					return;
				}
			}
		});
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		probe.start();
		for (int c = 0; c < clients; c++) {
			pool.submit(() -> {
				HttpClient client = HttpClient.newBuilder()
					.cookieHandler(new CookieManager())
					.connectTimeout(Duration.ofSeconds(5))
					.build();
				while (remaining.getAndDecrement() > 0) {
					try {
						int status = login(client, base);
						if (status == 302) {
							ok.incrementAndGet();
						}
						else if (status == 503) {
							unavailable.incrementAndGet();
						}
						else {
							other.incrementAndGet();
						}
					}
					catch (IOException ex) {
						other.incrementAndGet();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start) / 1e9;
		flooding.set(false);
		probe.join();
		List<Long> sorted = new ArrayList<>(health);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT, "%d clients, %d logins in %.1f s: %d signed in (%.1f/s), %d answered 503, %d other%n",
				clients, total, seconds, ok.get(), ok.get() / seconds, unavailable.get(), other.get());
		if (!sorted.isEmpty()) {
			System.out.printf(Locale.ROOT, "health during the flood: %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
		}
	}

	private static int login(HttpClient client, URI base) throws IOException, InterruptedException {
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			return page.statusCode();
		}
		String form = "username=alice&password=" + URLEncoder.encode("correct horse battery staple", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<Void> response = client.send(HttpRequest.newBuilder(base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		// A new session for the next round, as a new visitor would have.
		client.cookieHandler().map(CookieManager.class::cast).ifPresent((cookies) -> cookies.getCookieStore().removeAll());
		return response.statusCode();
	}

	private static double percentile(List<Long> sorted, double p) {
		int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
