package io.github.pbkdf2dpapi.legacy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link JdbcUserPasswordUpdater}, on H2 with the {@code JdbcUserDetailsManager} schema.
 */
class JdbcUserPasswordUpdaterTests {

	private static final String MD5_OF_PASSWORD = "5f4dcc3b5aa765d61d8327deb882cf99";

	private final Pbkdf2DpapiPasswordEncoder current = TestEncoders.current(1000);

	private JdbcDataSource dataSource;

	@BeforeEach
	void createSchema() throws SQLException {
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		execute("CREATE TABLE users (username VARCHAR(50) PRIMARY KEY, password VARCHAR(500) NOT NULL, "
				+ "enabled BOOLEAN NOT NULL)");
		execute("INSERT INTO users VALUES ('alice', '" + MD5_OF_PASSWORD + "', TRUE)");
		execute("INSERT INTO users VALUES ('bob', '{aspnet}AQAAAAEAACcQAAAAEAABAgMEBQYHCAkKCwwNDg+yWU7rLgUwPZb1Itsmra7cbxw2EFpwpVFIEtP+JIuUEw==', TRUE)");
	}

	@Test
	void loginWhenLegacyHashThenUpgradedThroughDaoAuthenticationProviderAndCounted() throws SQLException {
		PasswordUpgradeCounter counter = new PasswordUpgradeCounter();
		JdbcUserPasswordUpdater updater = JdbcUserPasswordUpdater.builder(this.dataSource)
			.unprefixedFormat("md5-hex")
			.listener(counter)
			.build();
		DelegatingPasswordEncoder encoder = LegacyPasswordEncoders.createDelegatingPasswordEncoder(this.current,
				LegacyOptions.defaults().withUnprefixedFormat("md5-hex"));
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider((username) -> {
			String stored = passwordUnchecked(username);
			if (stored == null) {
				throw new UsernameNotFoundException("not found");
			}
			return User.withUsername(username).password(stored).roles("USER").build();
		});
		provider.setPasswordEncoder(encoder);
		UserDetailsPasswordService service = (user, newPassword) -> {
			updater.updatePassword(user.getUsername(), user.getPassword(), newPassword);
			return User.withUserDetails(user).password(newPassword).build();
		};
		provider.setUserDetailsPasswordService(service);

		Authentication alice = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "password"));
		Authentication bob = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("bob", "my password"));

		assertThat(alice.isAuthenticated()).isTrue();
		assertThat(bob.isAuthenticated()).isTrue();
		assertThat(password("alice")).startsWith("{pbkdf2-dpapi}$p2d$");
		assertThat(password("bob")).startsWith("{pbkdf2-dpapi}$p2d$");
		assertThat(counter.counts()).containsEntry("md5", 1L).containsEntry("aspnet", 1L);
		// The next login verifies the new record and upgrades nothing.
		provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "password"));
		assertThat(counter.count("md5")).isEqualTo(1);
		assertThat(counter.count("pbkdf2-dpapi")).isZero();
	}

	@Test
	void updatePasswordWhenStoredValueChangedThenKeptAndNotCounted() throws SQLException {
		PasswordUpgradeCounter counter = new PasswordUpgradeCounter();
		JdbcUserPasswordUpdater updater = JdbcUserPasswordUpdater.builder(this.dataSource).listener(counter).build();
		assertThat(updater.updatePassword("alice", "something else", "{pbkdf2-dpapi}new")).isFalse();
		assertThat(password("alice")).isEqualTo(MD5_OF_PASSWORD);
		assertThat(updater.updatePassword("nobody", null, "{pbkdf2-dpapi}new")).isFalse();
		assertThat(counter.counts()).isEmpty();
		JdbcUserPasswordUpdater blind = JdbcUserPasswordUpdater.builder(this.dataSource)
			.compareAndSet(false)
			.listener(counter)
			.build();
		assertThat(blind.updatePassword("alice", "something else", "{pbkdf2-dpapi}new")).isTrue();
		assertThat(counter.counts()).containsEntry("unprefixed", 1L);
	}

	@Test
	void updatePasswordWhenCustomNamesThenUsed() throws SQLException {
		execute("CREATE TABLE app_user (login VARCHAR(50), pw_hash VARCHAR(500))");
		execute("INSERT INTO app_user VALUES ('carol', 'old')");
		JdbcUserPasswordUpdater updater = JdbcUserPasswordUpdater.builder(this.dataSource)
			.table("PUBLIC.app_user")
			.usernameColumn("login")
			.passwordColumn("pw_hash")
			.build();
		assertThat(updater.updatePassword("carol", "old", "{pbkdf2-dpapi}new")).isTrue();
	}

	@Test
	void buildWhenIdentifierIsNotPlainThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JdbcUserPasswordUpdater.builder(this.dataSource).table("users; DROP TABLE users").build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JdbcUserPasswordUpdater.builder(this.dataSource).passwordColumn("pass word").build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JdbcUserPasswordUpdater.builder(this.dataSource).unprefixedFormat("md4").build());
	}

	@Test
	void updatePasswordWhenValueTooLongThenErrorWithoutValue() throws SQLException {
		execute("CREATE TABLE narrow (username VARCHAR(50), password VARCHAR(60))");
		execute("INSERT INTO narrow VALUES ('dave', 'old')");
		JdbcUserPasswordUpdater updater = JdbcUserPasswordUpdater.builder(this.dataSource).table("narrow").build();
		String secret = "{pbkdf2-dpapi}" + "SECRETHASH".repeat(10);
		assertThatIllegalStateException().isThrownBy(() -> updater.updatePassword("dave", "old", secret))
			.withMessageContaining("narrow")
			.withMessageContaining("22001")
			.withMessageNotContaining("SECRETHASH")
			.withNoCause();
	}

	private String passwordUnchecked(String username) {
		try {
			return password(username);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String password(String username) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT password FROM users WHERE username = '" + username + "'")) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

}
