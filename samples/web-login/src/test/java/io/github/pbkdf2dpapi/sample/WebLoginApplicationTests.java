package io.github.pbkdf2dpapi.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/**
 * The sample starts with its real configuration (600,000 iterations) and its demo user logs in.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebLoginApplicationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void demoUserLogsIn() throws Exception {
		assertThat(this.passwordEncoder.encode("x")).startsWith("{pbkdf2-dpapi}$p2d$v=1$a=sha256,i=600000,");
		this.mvc.perform(formLogin().user("alice").password("correct horse battery staple")).andExpect(authenticated());
		this.mvc.perform(formLogin().user("alice").password("wrong")).andExpect(unauthenticated());
	}

}
