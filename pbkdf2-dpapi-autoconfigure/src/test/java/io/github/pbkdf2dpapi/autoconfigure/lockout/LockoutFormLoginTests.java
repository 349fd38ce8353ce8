package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Form login and HTTP Basic through the whole Spring Security chain with the lockout
 * auto-configuration: locks, timing-neutral refusals, the client address budget and the absence
 * of PBKDF2 work for refused attempts.
 */
@SpringBootTest(classes = LockoutFormLoginTests.TestApplication.class)
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LockoutFormLoginTests {

	private static final String PASSWORD = "correct horse battery staple";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CountingPasswordEncoder encoder;

	@Autowired
	private TestApplication application;

	@Test
	void loginWhenFiveWrongPasswordsThenSixthRefusedEvenWithRightPasswordUntilDurationPassed(CapturedOutput output)
			throws Exception {
		String address = "198.51.100.1";
		for (int i = 0; i < 5; i++) {
			assertFailed(login("alice", "wrong" + i, address));
		}
		assertThat(this.application.locked).extracting(AccountLockedEvent::getUsername).contains("alice");
		int before = this.encoder.matchesCalls();
		assertFailed(login("alice", PASSWORD, address));
		assertFailed(login("alice", PASSWORD, "192.0.2.99"));
		assertThat(this.encoder.matchesCalls()).as("PBKDF2 runs for a locked account").isEqualTo(before);
		this.clock.advance(Duration.ofMinutes(15));
		assertSucceeded(login("alice", PASSWORD, address));
		assertThat(output).contains("locked until").doesNotContain("alice").doesNotContain(address)
			.doesNotContain(PASSWORD);
	}

	@Test
	void loginWhenUnknownOrKnownUserThenByteIdenticalResponses() throws Exception {
		String address = "198.51.100.2";
		MockHttpServletResponse known = login("bob", "wrong", address);
		MockHttpServletResponse unknown = login("nobody-here", "wrong", address);
		assertSameResponse(known, unknown);
		for (int i = 0; i < 4; i++) {
			login("bob", "wrong", address);
		}
		MockHttpServletResponse locked = login("bob", PASSWORD, address);
		assertSameResponse(known, locked);
	}

	@Test
	void loginWhenUnknownUsernamesThenCountedLikeKnownOnes() throws Exception {
		String address = "198.51.100.3";
		for (int i = 0; i < 5; i++) {
			login("ghost", "wrong", address);
		}
		int before = this.encoder.matchesCalls();
		assertFailed(login("GHOST", "wrong", address));
		assertThat(this.encoder.matchesCalls()).isEqualTo(before);
	}

	@Test
	void loginWhenAddressSpendsBudgetAcrossUsernamesThenThrottledWithoutHashing() throws Exception {
		String attacker = "203.0.113.50";
		for (int i = 0; i < 50; i++) {
			assertFailed(login("sprayed" + i, "Summer2025!", attacker));
		}
		int before = this.encoder.matchesCalls();
		assertFailed(login("carol", PASSWORD, attacker));
		assertThat(this.encoder.matchesCalls()).isEqualTo(before);
		assertSucceeded(login("carol", PASSWORD, "198.51.100.4"));
	}

	@Test
	void httpBasicWhenAccountLockedThenUnauthorizedWithoutHashing() throws Exception {
		String address = "198.51.100.5";
		for (int i = 0; i < 5; i++) {
			assertThat(basic("dave", "wrong", address).getStatus()).isEqualTo(401);
		}
		int before = this.encoder.matchesCalls();
		assertThat(basic("dave", PASSWORD, address).getStatus()).isEqualTo(401);
		assertThat(this.encoder.matchesCalls()).isEqualTo(before);
		assertThat(basic("erin", PASSWORD, address).getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse login(String username, String password, String address) throws Exception {
		MockHttpServletRequestBuilder request = post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(remoteAddress(address));
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private MockHttpServletResponse basic(String username, String password, String address) throws Exception {
		return this.mvc.perform(get("/hello").with(httpBasic(username, password)).with(remoteAddress(address)))
			.andReturn()
			.getResponse();
	}

	private static RequestPostProcessor remoteAddress(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static void assertFailed(MockHttpServletResponse response) {
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
	}

	private static void assertSucceeded(MockHttpServletResponse response) {
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/");
	}

	private static void assertSameResponse(MockHttpServletResponse a, MockHttpServletResponse b) throws Exception {
		assertThat(b.getStatus()).isEqualTo(a.getStatus());
		assertThat(b.getHeaderNames()).containsExactlyElementsOf(a.getHeaderNames());
		for (String name : a.getHeaderNames()) {
			assertThat(b.getHeaders(name)).as(name).isEqualTo(a.getHeaders(name));
		}
		assertThat(b.getContentAsByteArray()).isEqualTo(a.getContentAsByteArray());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		final List<AccountLockedEvent> locked = new ArrayList<>();

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

		@Bean
		CountingPasswordEncoder passwordEncoder() {
			return new CountingPasswordEncoder();
		}

		@Bean
		UserDetailsService userDetailsService(CountingPasswordEncoder encoder) {
			String hash = encoder.encode(PASSWORD);
			InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
			for (String name : List.of("alice", "bob", "carol", "dave", "erin")) {
				users.createUser(User.withUsername(name).password(hash).roles("USER").build());
			}
			return users;
		}

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		HelloController helloController() {
			return new HelloController();
		}

		@EventListener
		void onLocked(AccountLockedEvent event) {
			this.locked.add(event);
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
