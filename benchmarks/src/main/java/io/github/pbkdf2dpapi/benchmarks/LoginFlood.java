package io.github.pbkdf2dpapi.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * java -cp benchmarks/target/benchmarks.jar io.github.pbkdf2dpapi.benchmarks.LoginFlood http://127.0.0.1:8080 64 640 128 $SERVER_PID
 * </pre>
 *
 * Arguments: base URL (loopback only: anything else is refused), concurrent clients, total
 * logins, warm-up logins (default twice the clients; run first, not counted, so that the server's
 * JIT has compiled the login path), and optionally the server's process id. Every client signs in
 * as {@code alice} with the right password (so no lockout), through the real form with its CSRF
 * token, then repeats; the run stops by itself after the total.
 *
 * <p>
 * Besides the rates it reports where the two processes spent CPU during the measured part: the
 * client's own CPU time (this JVM) and, given the server's process id on Linux, the server's
 * (from {@code /proc/PID/stat}), per signed-in login. On a machine where both share the cores,
 * the login rate the server can reach is the cores left by the client divided by the server's
 * CPU per login.
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
		int warmUp = (args.length > 3) ? Integer.parseInt(args[3]) : 2 * clients;
		long serverPid = (args.length > 4) ? Long.parseLong(args[4]) : -1;
		if (clients < 1 || clients > 256 || total < clients || total > 10_000 || warmUp < 0 || warmUp > 10_000) {
			throw new IllegalArgumentException("clients 1..256, total clients..10000, warm-up 0..10000");
		}
		if (warmUp > 0) {
			Result warm = flood(base, clients, warmUp, null);
			System.out.printf(Locale.ROOT, "warm-up: %d logins in %.1f s (not counted)%n", warmUp, warm.seconds);
		}
		long clientCpuBefore = ownCpuNanos();
		long serverCpuBefore = processCpuNanos(serverPid);
		Map<String, Long> threadsBefore = threadCpuNanos(serverPid);
		List<Long> health = Collections.synchronizedList(new ArrayList<>());
		Result result = flood(base, clients, total, health);
		long clientCpu = ownCpuNanos() - clientCpuBefore;
		long serverCpu = (serverPid > 0) ? processCpuNanos(serverPid) - serverCpuBefore : -1;
		Map<String, Long> threadsAfter = threadCpuNanos(serverPid);
		double seconds = result.seconds;
		int ok = result.ok;
		List<Long> sorted = new ArrayList<>(health);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT, "%d clients, %d logins in %.1f s: %d signed in (%.1f/s), %d answered 503, %d other%n",
				clients, total, seconds, ok, ok / seconds, result.unavailable, result.other);
		if (!sorted.isEmpty()) {
			System.out.printf(Locale.ROOT, "health during the flood: %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
		}
		int cores = Runtime.getRuntime().availableProcessors();
		System.out.printf(Locale.ROOT, "CPU: %d cores x %.1f s = %.1f core-s; client (this JVM) %.1f core-s%n", cores,
				seconds, cores * seconds, clientCpu / 1e9);
		if (serverCpu >= 0 && ok > 0) {
			double serverPerLogin = serverCpu / 1e6 / ok;
			double left = cores * seconds - clientCpu / 1e9;
			System.out.printf(Locale.ROOT,
					"server %.1f core-s: %.1f ms of CPU per signed-in login; cores left by the client / that = %.1f logins/s%n",
					serverCpu / 1e9, serverPerLogin, left / seconds / (serverPerLogin / 1e3));
			Map<String, Long> byKind = new TreeMap<>();
			threadsAfter.forEach((thread, nanos) -> byKind.merge(threadKind(thread.substring(thread.indexOf(' ') + 1)),
					nanos - threadsBefore.getOrDefault(thread, 0L), Long::sum));
			StringBuilder line = new StringBuilder("server CPU per signed-in login by thread kind:");
			byKind.forEach((kind, nanos) -> line.append(String.format(Locale.ROOT, " %s %.1f ms;", kind, nanos / 1e6 / ok)));
			System.out.println(line);
		}
	}

	/** Groups the server's threads: request threads, JIT compilers, garbage collector, the rest. */
	private static String threadKind(String name) {
		// Linux keeps 15 characters of a thread's name: "http-nio-8080-exec-7" reads "http-nio-8080-e".
		if (name.matches("http-nio-\\d+-e.*")) {
			return "requests";
		}
		if (name.contains("CompilerThre")) {
			return "jit";
		}
		if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
			return "gc+vm";
		}
		return "other";
	}

	/** CPU time of every thread of a process, keyed by "TID name" (Linux). */
	private static Map<String, Long> threadCpuNanos(long pid) throws IOException {
		Map<String, Long> threads = new HashMap<>();
		if (pid <= 0) {
			return threads;
		}
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : tasks) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					threads.put(task.getFileName() + " " + name, ticksToNanos(stat));
				}
				catch (IOException ex) {
					// the thread ended meanwhile
				}
			}
		}
		return threads;
	}

	private static long ticksToNanos(String stat) {
		// The command name (field 2) is in parentheses and may hold spaces: count fields after it.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
	}

	private record Result(double seconds, int ok, int unavailable, int other) {
	}

	private static Result flood(URI base, int clients, int total, List<Long> health) throws Exception {
		AtomicInteger remaining = new AtomicInteger(total);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger unavailable = new AtomicInteger();
		AtomicInteger other = new AtomicInteger();
		AtomicBoolean flooding = new AtomicBoolean(health != null);
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
		return new Result(seconds, ok.get(), unavailable.get(), other.get());
	}

	private static long ownCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** User + system CPU time of a process from {@code /proc/PID/stat} (Linux, 100 ticks/s). */
	private static long processCpuNanos(long pid) throws IOException {
		if (pid <= 0) {
			return -1;
		}
		return ticksToNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
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
