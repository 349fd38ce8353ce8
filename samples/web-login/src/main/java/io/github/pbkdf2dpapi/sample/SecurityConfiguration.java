package io.github.pbkdf2dpapi.sample;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login for the pages, HTTP Basic for the actuator, CSRF protection on (Spring Security's
 * default). The {@code PasswordEncoder}, the lockout check and the upgrade of old hashes at login
 * all come from the starter: nothing here configures them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/register", "/css/**", "/error", "/actuator/health")
			.permitAll()
			.requestMatchers("/admin/**", "/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
			.httpBasic(Customizer.withDefaults())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/**
	 * Users in the H2 database ({@code schema.sql}). {@link JdbcUserDetailsManager} is also a
	 * {@code UserDetailsPasswordService}: Spring Security hands it the re-hashed password when a
	 * user with an old hash logs in. It only stores it when told to: without
	 * {@code setEnableUpdatePassword(true)} old hashes would verify forever and never upgrade.
	 */
	@Bean
	JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
		JdbcUserDetailsManager users = new JdbcUserDetailsManager(dataSource);
		users.setEnableUpdatePassword(true);
		return users;
	}

}
