package io.github.pbkdf2dpapi.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Where {@link StarterStartupBenchmark}'s start-up spends its time, as CPU time of the main
 * thread per start-up step (Spring's {@link ApplicationStartup} steps, timed with
 * {@link ThreadMXBean#getCurrentThreadCpuTime()}): on a busy machine CPU time varies much less
 * than wall time, so two builds or two settings can be compared by alternating runs. Each bean's
 * line is its own time, without the beans it needed. One start-up per JVM:
 *
 * <pre>
 * for i in $(seq 10); do for m in with without; do
 *   java -cp benchmarks/target/benchmarks.jar io.github.pbkdf2dpapi.benchmarks.StartupCpuBreakdown $m
 * done; done
 * </pre>
 *
 * Arguments: {@code with} or {@code without}, then any {@code name=value} properties (e.g.
 * {@code spring.autoconfigure.exclude=...} to see what one auto-configuration costs). Prints lines
 * {@code cpu <mode> <step> <ms>}: {@code TOTAL}, each step name, and {@code bean:<name>} for the
 * starter's beans (other beans are summed as {@code beans:other}).
 */
public final class StartupCpuBreakdown {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Map<String, Double> millis = new TreeMap<>();

	private final Deque<Step> open = new ArrayDeque<>();

	private StartupCpuBreakdown() {
	}

	public static void main(String[] args) {
		StarterStartupBenchmark benchmark = new StarterStartupBenchmark();
		benchmark.starter = args[0];
		benchmark.keyRing();
		Map<String, Object> properties = benchmark.properties();
		for (int i = 1; i < args.length; i++) {
			String[] property = args[i].split("=", 2);
			properties.put(property[0], property[1]);
		}
		StartupCpuBreakdown breakdown = new StartupCpuBreakdown();
		SpringApplication application = new SpringApplication(StarterStartupBenchmark.SecuredApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(properties);
		application.setApplicationStartup(breakdown::start);
		long start = THREADS.getCurrentThreadCpuTime();
		try (ConfigurableApplicationContext context = application.run()) {
			breakdown.millis.put("TOTAL", (THREADS.getCurrentThreadCpuTime() - start) / 1e6);
		}
		breakdown.millis.forEach((step, ms) -> System.out.printf("cpu %s %s %.1f%n", args[0], step, ms));
	}

	private StartupStep start(String name) {
		Step step = new Step(name, this.open.peek());
		this.open.push(step);
		return step;
	}

	private static boolean isStarters(String beanName) {
		return beanName.matches("(?i).*(pbkdf2|lockout|loginThrottle|audit|hashingBulkhead|passwordEncoder|"
				+ "keyRotation|passwordUpgrade|plainSecret|encrypt).*");
	}

	private final class Step implements StartupStep {

		private final String name;

		private final Step parent;

		private final long startCpu = THREADS.getCurrentThreadCpuTime();

		private long childrenCpu;

		private String beanName = "";

		Step(String name, Step parent) {
			this.name = name;
			this.parent = parent;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public long getId() {
			return 0;
		}

		@Override
		public Long getParentId() {
			return null;
		}

		@Override
		public StartupStep tag(String key, String value) {
			if ("beanName".equals(key)) {
				this.beanName = value;
			}
			return this;
		}

		@Override
		public StartupStep tag(String key, Supplier<String> value) {
			return tag(key, value.get());
		}

		@Override
		public Tags getTags() {
			return null;
		}

		@Override
		public void end() {
			long cpu = THREADS.getCurrentThreadCpuTime() - this.startCpu;
			StartupCpuBreakdown.this.open.remove(this);
			if (this.parent != null) {
				this.parent.childrenCpu += cpu;
			}
			double own = (cpu - this.childrenCpu) / 1e6;
			String key = this.name;
			if ("spring.beans.instantiate".equals(this.name)) {
				key = isStarters(this.beanName) ? "bean:" + this.beanName : "beans:other";
			}
			StartupCpuBreakdown.this.millis.merge(key, own, Double::sum);
		}

	}

}
