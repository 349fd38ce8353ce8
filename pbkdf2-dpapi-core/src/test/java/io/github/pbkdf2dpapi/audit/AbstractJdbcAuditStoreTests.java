package io.github.pbkdf2dpapi.audit;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcAuditStore}, run on each supported database.
 */
abstract class AbstractJdbcAuditStoreTests {

	private static final AuditKeys KEYS = AuditVerifierTests.KEYS;

	private static final Instant T0 = AuditVerifierTests.T0;

	private DataSource dataSource;

	private JdbcAuditStore store;

	abstract DataSource newDataSource();

	@BeforeEach
	void createTables() throws Exception {
		this.dataSource = newDataSource();
		this.store = new JdbcAuditStore(this.dataSource);
		this.store.createSchemaIfMissing();
		this.store.createSchemaIfMissing();
		sql("DELETE FROM pbkdf2_dpapi_audit");
		sql("DELETE FROM pbkdf2_dpapi_audit_state");
	}

	@Test
	void appendThenChainVerifies() {
		append(4);
		AuditVerification result = AuditVerifier.verify(this.dataSource, KEYS);
		assertThat(result.valid()).as(result.summary()).isTrue();
		assertThat(result.entries()).isEqualTo(4);
		List<AuditRecord> read = new ArrayList<>();
		this.store.forEach(read::add);
		assertThat(read).extracting(AuditRecord::principal).containsExactly("user0", "user1", "user2", "user3");
		assertThat(read.get(1).details()).containsEntry("reason", "bad credentials & more");
	}

	@Test
	void verifyWhenRowEditedThenBroken() throws Exception {
		append(4);
		sql("UPDATE pbkdf2_dpapi_audit SET event_type = 'AUTHENTICATION_SUCCESS' WHERE sequence_number = 2");
		AuditVerification result = AuditVerifier.verify(this.dataSource, KEYS);
		assertThat(result.valid()).isFalse();
		assertThat(result.brokenAt()).isEqualTo(2);
	}

	@Test
	void verifyWhenRowDeletedThenBroken() throws Exception {
		append(4);
		sql("DELETE FROM pbkdf2_dpapi_audit WHERE sequence_number = 3");
		assertThat(AuditVerifier.verify(this.dataSource, KEYS).brokenAt()).isEqualTo(3);
	}

	@Test
	void verifyWhenNewestRowsDeletedThenBroken() throws Exception {
		append(4);
		sql("DELETE FROM pbkdf2_dpapi_audit WHERE sequence_number >= 3");
		assertThat(AuditVerifier.verify(this.dataSource, KEYS).problem()).contains("entries 3 to 4 are missing");
	}

	@Test
	void verifyWhenAnchorMovedByHandThenBroken() throws Exception {
		append(4);
		sql("DELETE FROM pbkdf2_dpapi_audit WHERE sequence_number < 3");
		sql("UPDATE pbkdf2_dpapi_audit_state SET anchor_sequence = 3");
		assertThat(AuditVerifier.verify(this.dataSource, KEYS).problem()).contains("state");
	}

	@Test
	void purgeBeforeThenOldRowsGoneAndRestVerifies() {
		append(5);
		assertThat(this.store.purgeBefore(T0.plus(Duration.ofDays(2)), KEYS)).isEqualTo(2);
		assertThat(this.store.purgeBefore(T0.plus(Duration.ofDays(2)), KEYS)).isZero();
		AuditVerification result = AuditVerifier.verify(this.dataSource, KEYS);
		assertThat(result.valid()).as(result.summary()).isTrue();
		assertThat(result.firstSequence()).isEqualTo(3);
		append(1);
		assertThat(AuditVerifier.verify(this.dataSource, KEYS).lastSequence()).isEqualTo(6);
	}

	@Test
	void appendWhenConcurrentFromTwoInstancesThenOneChain() throws Exception {
		JdbcAuditStore other = new JdbcAuditStore(newDataSource());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				JdbcAuditStore target = (i % 2 == 0) ? this.store : other;
				int n = i;
				futures.add(pool.submit(() -> target.append(
						new AuditEvent(AuditEvent.AUTHENTICATION_SUCCESS, "u" + n, Map.of()), T0, KEYS)));
			}
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		AuditVerification result = AuditVerifier.verify(this.dataSource, KEYS);
		assertThat(result.valid()).as(result.summary()).isTrue();
		assertThat(result.entries()).isEqualTo(40);
	}

	private void append(int n) {
		long base = this.store.state() != null ? this.store.state().headSequence() : 0;
		for (int i = 0; i < n; i++) {
			this.store.append(new AuditEvent(AuditEvent.AUTHENTICATION_FAILURE, "user" + (base + i),
					Map.of("reason", "bad credentials & more")), T0.plus(Duration.ofDays(base + i)), KEYS);
		}
	}

	private void sql(String sql) throws Exception {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
