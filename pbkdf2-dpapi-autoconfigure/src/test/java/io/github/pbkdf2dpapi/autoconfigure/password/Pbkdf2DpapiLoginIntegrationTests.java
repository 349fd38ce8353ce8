package io.github.pbkdf2dpapi.autoconfigure.password;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * Logs in through Spring Security's form login with the auto-configured encoder, and checks that
 * a legacy hash is upgraded at the first successful login.
 */
@SpringBootTest(properties = { "pbkdf2-dpapi.envelope.protector=none", "pbkdf2-dpapi.password.iterations=1000",
		"pbkdf2-dpapi.password.allow-weak-parameters=true" })
@AutoConfigureMockMvc
class Pbkdf2DpapiLoginIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private InMemoryUserDetailsManager users;

	@Test
	void formLoginWithPbkdf2DpapiRecordThenAuthenticated() throws Exception {
		assertThat(this.users.loadUserByUsername("alice").getPassword()).startsWith("{pbkdf2-dpapi}$p2d$v=1$");
		this.mvc.perform(formLogin().user("alice").password("alice-password")).andExpect(authenticated());
		this.mvc.perform(formLogin().user("alice").password("wrong")).andExpect(unauthenticated());
	}

	@Test
	void formLoginWithLegacyBcryptThenUpgradedToPbkdf2Dpapi() throws Exception {
		assertThat(this.users.loadUserByUsername("bob").getPassword()).startsWith("{bcrypt}");
		this.mvc.perform(formLogin().user("bob").password("wrong")).andExpect(unauthenticated());
		assertThat(this.users.loadUserByUsername("bob").getPassword()).startsWith("{bcrypt}");
		this.mvc.perform(formLogin().user("bob").password("bob-password")).andExpect(authenticated());
		assertThat(this.users.loadUserByUsername("bob").getPassword())
			.startsWith("{pbkdf2-dpapi}$p2d$v=1$a=sha256,i=1000,");
		this.mvc.perform(formLogin().user("bob").password("bob-password")).andExpect(authenticated());
	}

	@SpringBootApplication
	static class LoginApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users(PasswordEncoder passwordEncoder) {
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password(passwordEncoder.encode("alice-password")).roles("USER").build(),
					User.withUsername("bob")
						.password("{bcrypt}" + new BCryptPasswordEncoder(4).encode("bob-password"))
						.roles("USER")
						.build());
		}

	}

}
