package io.github.pbkdf2dpapi.cli;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.pbkdf2dpapi.audit.AuditKeys;
import io.github.pbkdf2dpapi.audit.AuditTrail;
import io.github.pbkdf2dpapi.audit.JdbcAuditStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditCommand}.
 */
class AuditCommandTests {

	private static final byte[] KEY = "audit-key-for-the-cli-test-0123456789".getBytes();

	private static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);

	private final CliRunner cli = new CliRunner();

	private String url;

	private JdbcDataSource dataSource;

	@BeforeEach
	void createTrail() {
		this.url = "jdbc:h2:mem:audit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL(this.url);
		JdbcAuditStore store = new JdbcAuditStore(this.dataSource);
		store.createSchemaIfMissing();
		AuditTrail trail = new AuditTrail(store, AuditKeys.of("a1", KEY), Clock.systemUTC());
		for (int i = 0; i < 10; i++) {
			trail.record("AUTHENTICATION_SUCCESS", "user" + i, Map.of("address", "10.0.0." + i));
		}
		this.cli.environment.put("AUDIT_KEY_A1", KEY_BASE64);
	}

	@Test
	void verifyWhenChainIntactThenValid() {
		CliRunner.Result result = this.cli.run("audit", "verify", "--url", this.url, "--key-env", "a1=AUDIT_KEY_A1");
		assertThat(result.code).as(result.toString()).isZero();
		assertThat(result.out).contains("audit chain valid: 10 entries");
		assertThat(result.toString()).doesNotContain(KEY_BASE64);
	}

	@Test
	void verifyWhenEntryDeletedThenBrokenWithExitOne() throws Exception {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("delete from " + JdbcAuditStore.TABLE + " where sequence_number = (select min(sequence_number) + 4 from "
					+ JdbcAuditStore.TABLE + ")");
		}
		CliRunner.Result result = this.cli.run("audit", "verify", "--url", this.url, "--key-env", "a1=AUDIT_KEY_A1");
		assertThat(result.code).as(result.toString()).isEqualTo(Pbkdf2DpapiCli.EXIT_NO_MATCH);
		assertThat(result.err).contains("audit chain BROKEN");
	}

	@Test
	void verifyWhenWrongKeyThenBroken() {
		this.cli.environment.put("OTHER_KEY", Base64.getEncoder().encodeToString("another-audit-key-0123456789abcdef".getBytes()));
		CliRunner.Result result = this.cli.run("audit", "verify", "--url", this.url, "--key-env", "a1=OTHER_KEY");
		assertThat(result.code).as(result.toString()).isEqualTo(Pbkdf2DpapiCli.EXIT_NO_MATCH);
	}

	@Test
	void verifyWhenKeyVariableMissingThenUsageError() {
		CliRunner.Result result = this.cli.run("audit", "verify", "--url", this.url, "--key-env", "a1=NOT_SET_HERE");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("NOT_SET_HERE").doesNotContain("Exception");
	}

	@Test
	void verifyWhenNoDatabaseThenDatabaseError() {
		CliRunner.Result result = this.cli.run("audit", "verify", "--url", "jdbc:nosuchdb:x", "--key-env", "a1=AUDIT_KEY_A1");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR);
	}

}
