package io.github.pbkdf2dpapi.autoconfigure.bulkhead;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Form login and HTTP Basic through Spring Security while the hashing bulkhead is full: 503 with
 * {@code Retry-After}, not a 500 nor a login error, and no failed login counted.
 */
@SpringBootTest(properties = { "pbkdf2-dpapi.envelope.protector=none", "pbkdf2-dpapi.password.iterations=1000",
		"pbkdf2-dpapi.password.allow-weak-parameters=true", "pbkdf2-dpapi.password.budget.check=false",
		"pbkdf2-dpapi.bulkhead.max-concurrent=2", "pbkdf2-dpapi.bulkhead.max-wait=20ms",
		"pbkdf2-dpapi.bulkhead.retry-after=3s" })
@AutoConfigureMockMvc
class HashingBulkheadLoginTests {

	private static final String PASSWORD = "correct horse battery staple";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private HashingBulkhead bulkhead;

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<Thread> holders = new ArrayList<>();

	@AfterEach
	void releasePermits() throws InterruptedException {
		this.release.countDown();
		for (Thread holder : this.holders) {
			holder.join();
		}
	}

	@Test
	void formLoginWhenBulkheadFullThenServiceUnavailableWithRetryAfter() throws Exception {
		fillBulkhead();
		assertUnavailable(formLogin("alice", PASSWORD));
		assertUnavailable(formLogin("alice", "wrong"));
		assertUnavailable(formLogin("nobody", "wrong"));
	}

	@Test
	void httpBasicWhenBulkheadFullThenServiceUnavailable() throws Exception {
		fillBulkhead();
		assertUnavailable(this.mvc.perform(get("/hello").with(httpBasic("alice", PASSWORD))).andReturn().getResponse());
	}

	@Test
	void loginWhenManyRejectionsThenNotCountedAsFailures() throws Exception {
		fillBulkhead();
		for (int i = 0; i < 10; i++) {
			assertUnavailable(formLogin("bob", "wrong"));
		}
		releasePermits();
		MockHttpServletResponse response = formLogin("bob", PASSWORD);
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/");
	}

	private void fillBulkhead() throws InterruptedException {
		CountDownLatch holding = new CountDownLatch(this.bulkhead.getMaxConcurrent());
		for (int i = 0; i < this.bulkhead.getMaxConcurrent(); i++) {
			Thread holder = new Thread(() -> this.bulkhead.call(() -> {
				holding.countDown();
				try {
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return null;
			}));
			holder.start();
			this.holders.add(holder);
		}
		holding.await();
	}

	private MockHttpServletResponse formLogin(String username, String password) throws Exception {
		return this.mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn()
			.getResponse();
	}

	private static void assertUnavailable(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("3");
		assertThat(response.getRedirectedUrl()).isNull();
		assertThat(response.getContentAsString()).isEqualTo(HashingBulkheadFilter.BODY);
	}

	@SpringBootApplication
	static class TestApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users(PasswordEncoder passwordEncoder) {
			String hash = passwordEncoder.encode(PASSWORD);
			return new InMemoryUserDetailsManager(User.withUsername("alice").password(hash).roles("USER").build(),
					User.withUsername("bob").password(hash).roles("USER").build());
		}

		@Bean
		HelloController helloController() {
			return new HelloController();
		}

	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
