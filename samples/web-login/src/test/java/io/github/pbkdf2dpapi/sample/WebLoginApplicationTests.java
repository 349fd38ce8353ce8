package io.github.pbkdf2dpapi.sample;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sample with its real configuration (600,000 iterations, lockout after 5 failures), driven
 * through MockMvc: demo users, upgrades at login, lockout and unlock, CSRF, access rules.
 */
@SpringBootTest(properties = { WebLoginApplicationTests.OWN_DATABASE, WebLoginApplicationTests.TEST_KEY_RING })
@AutoConfigureMockMvc
class WebLoginApplicationTests {

	/** Each test context gets its own in-memory database (contexts share the JVM). */
	static final String OWN_DATABASE = "spring.datasource.url=jdbc:h2:mem:${random.uuid}";

	/**
	 * The development key ring and secrets of the tests, under {@code target/} so that
	 * {@code mvn clean} makes the next run a first start.
	 */
	static final String TEST_KEY_RING = "pbkdf2-dpapi.keyring.directory=target/.pbkdf2-dpapi/keyring";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcUserDetailsManager users;

	@Autowired
	private ConfigurableEnvironment environment;

	@Test
	void newPasswordsUseTheRealDefaults() {
		assertThat(this.passwordEncoder.encode("x")).startsWith("{pbkdf2-dpapi}$p2d$v=1$a=sha256,i=600000,");
	}

	@Test
	void datasourcePasswordAndPepperAreEncValuesDecryptedAtStartUp() throws Exception {
		String file = Files.readString(Path.of("target/.pbkdf2-dpapi/secrets.properties"));
		for (String name : new String[] { DevelopmentSecretsEnvironmentPostProcessor.DATASOURCE_PASSWORD,
				DevelopmentSecretsEnvironmentPostProcessor.PEPPER }) {
			assertThat(file).contains(name + "=ENC(kr:");
			String decrypted = this.environment.getProperty(name);
			assertThat(decrypted).isNotEmpty().doesNotStartWith("ENC(");
			assertThat(file).doesNotContain(decrypted);
		}
	}

	@Test
	void demoUsersLogIn() throws Exception {
		this.mvc.perform(formLogin().user(DemoUsers.ALICE.username()).password(DemoUsers.ALICE.password()))
			.andExpect(authenticated().withRoles("USER"));
		this.mvc.perform(formLogin().user(DemoUsers.ADMIN.username()).password(DemoUsers.ADMIN.password()))
			.andExpect(authenticated().withRoles("USER", "ADMIN"));
	}

	@Test
	void md5UserIsUpgradedAtLogin() throws Exception {
		assertUpgradedAtLogin(DemoUsers.LEGACY_MD5, "md5");
	}

	@Test
	void aspNetIdentityUserIsUpgradedAtLogin() throws Exception {
		assertUpgradedAtLogin(DemoUsers.LEGACY_ASPNET, "aspnet");
	}

	@Test
	void olderPbkdf2DpapiUserIsUpgradedAtLogin() throws Exception {
		assertUpgradedAtLogin(DemoUsers.LEGACY_PBKDF2, "pbkdf2-dpapi (sha256, 100000 iterations, pepper p1, envelope kr:");
	}

	private void assertUpgradedAtLogin(DemoUsers.DemoUser demo, String formatBefore) throws Exception {
		assertThat(storedFormat(demo.username())).startsWith(formatBefore);
		this.mvc.perform(formLogin().user(demo.username()).password(demo.password())).andExpect(authenticated());
		assertThat(storedFormat(demo.username())).startsWith("pbkdf2-dpapi (sha256, 600000 iterations");
		this.mvc.perform(formLogin().user(demo.username()).password(demo.password())).andExpect(authenticated());
	}

	@Test
	void fiveFailuresLockTheAccountWithTheGenericAnswerAndAnAdminUnlocksIt() throws Exception {
		String username = createUser("locked-out", "a long enough password");
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin().user(username).password("wrong password " + i))
				.andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(formLogin().user(username).password("a long enough password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		String page = adminUsersPage();
		assertThat(page).contains("id=\"user-locked-out\"").containsPattern("locked until \\d{4}-");

		this.mvc.perform(post("/admin/unlock").param("username", username).with(user("admin").roles("ADMIN")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/unlock").param("username", username).with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));
		this.mvc.perform(formLogin().user(username).password("a long enough password")).andExpect(authenticated());
	}

	@Test
	void adminPageListsFormatsButNeverHashes() throws Exception {
		String page = adminUsersPage();
		for (DemoUsers.DemoUser demo : DemoUsers.ALL) {
			String stored = this.users.loadUserByUsername(demo.username()).getPassword();
			assertThat(page).contains("id=\"user-" + demo.username() + "\"")
				.contains(StoredPasswordFormat.describe(stored))
				.doesNotContain(stored.substring(stored.length() - 16));
		}
		assertThat(page).doesNotContain("$p2d$");
	}

	@Test
	void adminPagesAndActuatorNeedTheAdminRole() throws Exception {
		this.mvc.perform(get("/admin/users").with(user("alice").roles("USER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/admin/users")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/metrics").with(httpBasic("alice", DemoUsers.ALICE.password())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/metrics").with(httpBasic("admin", DemoUsers.ADMIN.password())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/actuator/pbkdf2dpapi").with(httpBasic("admin", DemoUsers.ADMIN.password())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("600000")));
		this.mvc.perform(get("/actuator/pbkdf2dpapi").with(httpBasic("alice", DemoUsers.ALICE.password())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/metrics/pbkdf2dpapi.password.matches").with(httpBasic("admin", DemoUsers.ADMIN.password())))
			.andExpect(status().isOk());
		this.mvc.perform(get("/actuator/pbkdf2dpapilockouts").with(httpBasic("admin", DemoUsers.ADMIN.password())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("lockouts")));
	}

	@Test
	void formsCarryACsrfTokenAndPostsWithoutItAreRefused() throws Exception {
		for (String page : new String[] { "/login", "/register" }) {
			this.mvc.perform(get(page))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
		}
		this.mvc.perform(post("/login").param("username", "alice").param("password", DemoUsers.ALICE.password()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/register").param("username", "nocsrf")
			.param("password", "a long enough password")
			.param("confirmPassword", "a long enough password")).andExpect(status().isForbidden());
		assertThat(this.users.userExists("nocsrf")).isFalse();
	}

	@Test
	void registerThenChangePassword() throws Exception {
		this.mvc.perform(post("/register").with(csrf())
			.param("username", "newcomer")
			.param("password", "first passphrase here")
			.param("confirmPassword", "first passphrase here")).andExpect(redirectedUrl("/login?registered="));
		assertThat(storedFormat("newcomer")).startsWith("pbkdf2-dpapi (sha256, 600000 iterations");
		this.mvc.perform(post("/password").with(user("newcomer")).with(csrf())
			.param("currentPassword", "not the password")
			.param("newPassword", "second passphrase here")
			.param("confirmPassword", "second passphrase here"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(AccountController.WRONG_CURRENT_PASSWORD)));
		this.mvc.perform(post("/password").with(user("newcomer")).with(csrf())
			.param("currentPassword", "first passphrase here")
			.param("newPassword", "second passphrase here")
			.param("confirmPassword", "second passphrase here")).andExpect(redirectedUrl("/"));
		this.mvc.perform(formLogin().user("newcomer").password("first passphrase here")).andExpect(unauthenticated());
		this.mvc.perform(formLogin().user("newcomer").password("second passphrase here")).andExpect(authenticated());
	}

	@Test
	void wrongCurrentPasswordsInTheChangeFormCountAsFailedLogins() throws Exception {
		String username = createUser("guessed", "the real passphrase");
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/password").with(user(username)).with(csrf())
				.param("currentPassword", "guess number " + i)
				.param("newPassword", "attacker passphrase")
				.param("confirmPassword", "attacker passphrase"))
				.andExpect(content().string(org.hamcrest.Matchers.containsString(AccountController.WRONG_CURRENT_PASSWORD)));
		}
		this.mvc.perform(formLogin().user(username).password("the real passphrase")).andExpect(unauthenticated());
		this.mvc.perform(post("/admin/unlock").param("username", username).with(user("admin").roles("ADMIN")).with(csrf()));
		this.mvc.perform(formLogin().user(username).password("the real passphrase")).andExpect(authenticated());
	}

	@Test
	void registrationRefusesShortPasswordsAndTakenNames() throws Exception {
		this.mvc.perform(post("/register").with(csrf())
			.param("username", "shorty")
			.param("password", "short")
			.param("confirmPassword", "short"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("at least 12 characters")));
		this.mvc.perform(post("/register").with(csrf())
			.param("username", "alice")
			.param("password", "a long enough password")
			.param("confirmPassword", "a long enough password"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("That username is taken.")));
	}

	private String createUser(String username, String password) {
		this.users.createUser(User.withUsername(username).password(this.passwordEncoder.encode(password)).roles("USER").build());
		return username;
	}

	private String storedFormat(String username) {
		return StoredPasswordFormat.describe(this.users.loadUserByUsername(username).getPassword());
	}

	private String adminUsersPage() throws Exception {
		MvcResult result = this.mvc.perform(get("/admin/users").with(user("admin").roles("USER", "ADMIN")))
			.andExpect(status().isOk())
			.andReturn();
		return result.getResponse().getContentAsString();
	}

}
