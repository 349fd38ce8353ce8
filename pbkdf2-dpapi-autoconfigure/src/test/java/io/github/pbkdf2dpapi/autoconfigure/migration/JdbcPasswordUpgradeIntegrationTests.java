package io.github.pbkdf2dpapi.autoconfigure.migration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.jdbc.JdbcDaoImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * A legacy table of bare MD5 hex hashes, in a schema of its own: the first successful login
 * verifies the MD5 hash and stores a {@code {pbkdf2-dpapi}} record in its place.
 */
@SpringBootTest(properties = { "pbkdf2-dpapi.envelope.protector=none", "pbkdf2-dpapi.password.iterations=1000",
		"pbkdf2-dpapi.password.allow-weak-parameters=true", "pbkdf2-dpapi.password.budget.check=false",
		"pbkdf2-dpapi.migration.unprefixed-format=md5-hex", "pbkdf2-dpapi.migration.jdbc.enabled=true",
		"pbkdf2-dpapi.migration.jdbc.table=app_user", "pbkdf2-dpapi.migration.jdbc.username-column=login",
		"pbkdf2-dpapi.migration.jdbc.password-column=pw_hash", "spring.datasource.url=jdbc:h2:mem:upgrade" })
@AutoConfigureMockMvc
class JdbcPasswordUpgradeIntegrationTests {

	// MD5("correct horse") in hex, computed with Python's hashlib.
	private static final String MD5 = "3cb4e732631f47e6eb961f34554b7cde";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private UserDetailsPasswordService passwordService;

	@Test
	void loginWithBareMd5ThenStoredAsPbkdf2Dpapi() throws Exception {
		assertThat(this.passwordService).isInstanceOf(JdbcUserDetailsPasswordService.class);
		this.jdbc.update("insert into app_user(login, pw_hash) values ('carol', ?)", MD5);
		this.mvc.perform(formLogin().user("carol").password("wrong horse")).andExpect(unauthenticated());
		assertThat(storedHash()).isEqualTo(MD5);
		this.mvc.perform(formLogin().user("carol").password("correct horse")).andExpect(authenticated());
		assertThat(storedHash()).startsWith("{pbkdf2-dpapi}$p2d$v=1$a=sha256,i=1000,");
		this.mvc.perform(formLogin().user("carol").password("correct horse")).andExpect(authenticated());
	}

	private String storedHash() {
		return this.jdbc.queryForObject("select pw_hash from app_user where login = 'carol'", String.class);
	}

	@SpringBootApplication
	static class LegacyTableApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.build();
		}

		@Bean
		JdbcDaoImpl legacyUsers(DataSource dataSource) {
			new JdbcTemplate(dataSource).execute("create table app_user (login varchar(50) primary key, "
					+ "pw_hash varchar(500) not null)");
			JdbcDaoImpl users = new JdbcDaoImpl();
			users.setDataSource(dataSource);
			users.setUsersByUsernameQuery("select login, pw_hash, true from app_user where login = ?");
			users.setAuthoritiesByUsernameQuery("select login, 'ROLE_USER' from app_user where login = ?");
			return users;
		}

	}

}
