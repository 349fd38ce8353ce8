package io.github.pbkdf2dpapi.benchmarks;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.github.pbkdf2dpapi.lockout.InMemoryLockoutStore;
import io.github.pbkdf2dpapi.lockout.JdbcLockoutStore;
import io.github.pbkdf2dpapi.lockout.LockoutKeys;
import io.github.pbkdf2dpapi.lockout.LockoutPolicy;
import io.github.pbkdf2dpapi.lockout.LockoutStore;
import io.github.pbkdf2dpapi.lockout.LoginThrottle;
import io.github.pbkdf2dpapi.lockout.UsernameNormalizer;

/**
 * The pre-authentication lockout decision ({@link LoginThrottle#check}), which runs before any
 * hashing: in memory (Caffeine) and over JDBC on an embedded PostgreSQL. Sample-time mode, so
 * JMH reports p50/p99/p99.9. 10,000 accounts, of which one in ten has recent failures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LockoutCheckBenchmark {

	private static final int ACCOUNTS = 10_000;

	@Param({ "memory", "postgresql" })
	public String store;

	private EmbeddedPostgres postgres;

	private HikariDataSource pool;

	private LoginThrottle throttle;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		Clock clock = Clock.systemUTC();
		LockoutStore lockoutStore;
		if ("postgresql".equals(this.store)) {
			this.postgres = EmbeddedPostgres.builder().start();
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(this.postgres.getJdbcUrl("postgres", "postgres"));
			config.setMaximumPoolSize(4);
			this.pool = new HikariDataSource(config);
			JdbcLockoutStore jdbc = new JdbcLockoutStore(this.pool);
			jdbc.createSchemaIfMissing();
			lockoutStore = jdbc;
		}
		else {
			lockoutStore = new InMemoryLockoutStore(clock);
		}
		this.throttle = new LoginThrottle(LockoutPolicy.defaults(), lockoutStore,
				LockoutKeys.withRandomSecret(UsernameNormalizer.lowercaseNfkc()), clock);
		for (int i = 0; i < ACCOUNTS; i += 10) {
			this.throttle.recordFailure("user" + i, "10.0.0." + (i % 250));
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		if (this.pool != null) {
			this.pool.close();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Benchmark
	public Object check() {
		int i = ThreadLocalRandom.current().nextInt(ACCOUNTS);
		return this.throttle.check("user" + i, "10.0.0." + (i % 250));
	}

}
