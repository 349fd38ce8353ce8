package io.github.pbkdf2dpapi.autoconfigure.hygiene;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.apache.commons.logging.LogFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderSettings;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.legacy.migrate.JdbcHashMigrator;
import io.github.pbkdf2dpapi.legacy.migrate.MigrationOptions;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Runs the login, lockout, encode and upgrade flows with DEBUG logging everywhere and asserts that
 * no password, stored hash (or its payload: salt and hash under the envelope), pepper or key,
 * in any usual encoding, appears in the captured output.
 *
 * <p>
 * The flows: form login and HTTP Basic, upgrade of a legacy hash at login, lockout, the actuator
 * endpoints, {@code ENC(...)} configuration values (plain and bound) and a bulk migration of MD5
 * hashes. To cover another flow, add its secrets to {@link #secrets} and a method to
 * {@link #flows()}; values only known at run time (stored hashes) are added by the flow itself.
 */
@SpringBootTest(properties = { "logging.level.root=DEBUG", "logging.level.io.github.pbkdf2dpapi=TRACE",
		"pbkdf2-dpapi.password.iterations=1000", "pbkdf2-dpapi.password.allow-weak-parameters=true",
		"pbkdf2-dpapi.password.pepper.current=p1", "pbkdf2-dpapi.password.pepper.secrets.p1=" + LogHygieneTests.PEPPER,
		"pbkdf2-dpapi.envelope.protector=aes-gcm", "pbkdf2-dpapi.envelope.aes-gcm.key-id=k1",
		"pbkdf2-dpapi.envelope.aes-gcm.key=" + LogHygieneTests.AES_KEY,
		"pbkdf2-dpapi.audit.keys.a1=" + LogHygieneTests.AUDIT_KEY,
		"pbkdf2-dpapi.lockout.secret=" + LogHygieneTests.LOCKOUT_SECRET,
		"management.endpoints.web.exposure.include=health,pbkdf2dpapi,pbkdf2dpapilockouts",
		"management.endpoint.health.show-details=always" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTests {

	static final String PEPPER = "aHlnaWVuZS1wZXBwZXItc2VjcmV0LTAxMjM0NTY3ODk=";

	static final String AES_KEY = "aHlnaWVuZS1hZXMta2V5LTAxMjM0NTY3ODlhYmNkZWY=";

	static final String AUDIT_KEY = "aHlnaWVuZS1hdWRpdC1rZXktMDEyMzQ1Njc4OWFiY2Q=";

	static final String LOCKOUT_SECRET = "hygiene-lockout-secret-0123456789";

	static final String ALICE_PASSWORD = "Tr0ub4dor&3-alice";

	static final String BOB_PASSWORD = "Tr0ub4dor&3-bob-legacy";

	static final String WRONG_PASSWORD = "Wr0ng-guess-hygiene";

	static final String MIGRATED_PASSWORD = "Mig-rated-secret-";

	static final String API_KEY = "hygiene-api-key-from-ENC-0123456789";

	@DynamicPropertySource
	static void encryptedProperties(DynamicPropertyRegistry registry) {
		SecretProtector aes = SecretProtectors.aesGcm("k1", Base64.getDecoder().decode(AES_KEY));
		registry.add("app.api-key", () -> EncryptedValues.encrypt(aes, API_KEY, null));
		registry.add("app.bound-key", () -> EncryptedValues.encrypt(aes, API_KEY, "app.bound-key"));
	}

	@Autowired
	private Environment environment;

	@Autowired
	private Pbkdf2DpapiPasswordEncoderSettings settings;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private InMemoryUserDetailsManager users;

	@Autowired
	private PasswordEncoder passwordEncoder;

	/** Secrets that must never appear, by what they are. */
	private final Map<String, String> secrets = new LinkedHashMap<>();

	@Test
	void flowsWithDebugLoggingThenNoSecretInOutput(CapturedOutput output) throws Exception {
		secret("pepper", PEPPER);
		secret("aes key", AES_KEY);
		secret("audit key", AUDIT_KEY);
		secret("lockout secret", LOCKOUT_SECRET);
		secret("alice password", ALICE_PASSWORD);
		secret("bob password", BOB_PASSWORD);
		secret("wrong password", WRONG_PASSWORD);
		for (Flow flow : flows()) {
			flow.run();
		}
		assertThat(output).as("the flows ran with DEBUG logging")
			.contains("DEBUG")
			.contains("type=ACCOUNT_LOCKED")
			.contains("reason=refused%3Aaccount_locked")
			.contains("type=PASSWORD_UPGRADED principal=\"~")
			.contains("migration report");
		String captured = output.getAll();
		this.secrets.forEach((what, value) -> assertThat(captured).as(what).doesNotContain(value));
	}

	private List<Flow> flows() {
		List<Flow> flows = new ArrayList<>();
		flows.add(this::loginFlow);
		flows.add(this::upgradeFlow);
		flows.add(this::lockoutFlow);
		flows.add(this::actuatorFlow);
		flows.add(this::encryptedConfigurationFlow);
		flows.add(this::migrationFlow);
		return flows;
	}

	private void loginFlow() throws Exception {
		storedHash("alice stored hash", "alice");
		assertThat(formLogin("alice", ALICE_PASSWORD)).isEqualTo("/");
		assertThat(formLogin("alice", WRONG_PASSWORD)).isEqualTo("/login?error");
		this.mvc.perform(get("/").with(httpBasic("alice", ALICE_PASSWORD)));
		String encoded = this.passwordEncoder.encode(ALICE_PASSWORD);
		secret("fresh encode", encoded);
		secret("fresh encode payload", payload(encoded));
	}

	private void upgradeFlow() throws Exception {
		storedHash("bob legacy hash", "bob");
		assertThat(formLogin("bob", BOB_PASSWORD)).isEqualTo("/");
		String upgraded = storedHash("bob upgraded hash", "bob");
		assertThat(upgraded).startsWith("{pbkdf2-dpapi}");
	}

	private void lockoutFlow() throws Exception {
		for (int i = 0; i < 6; i++) {
			formLogin("carol", WRONG_PASSWORD + i);
			secret("wrong password " + i, WRONG_PASSWORD + i);
		}
		assertThat(formLogin("carol", ALICE_PASSWORD)).isEqualTo("/login?error");
		formLogin("nobody-" + WRONG_PASSWORD.length(), WRONG_PASSWORD);
	}

	private void actuatorFlow() throws Exception {
		String endpoint = this.mvc.perform(get("/actuator/pbkdf2dpapi").with(httpBasic("alice", ALICE_PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(endpoint).contains("\"iterations\":1000").contains("aes:k1");
		String health = this.mvc.perform(get("/actuator/health").with(httpBasic("alice", ALICE_PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(health).contains("roundTrip");
		for (String value : this.secrets.values()) {
			assertThat(endpoint).doesNotContain(value);
			assertThat(health).doesNotContain(value);
		}
	}

	private void encryptedConfigurationFlow() {
		secret("decrypted ENC value", API_KEY);
		assertThat(this.environment.getProperty("app.api-key")).isEqualTo(API_KEY);
		assertThat(this.environment.getProperty("app.bound-key")).isEqualTo(API_KEY);
	}

	/**
	 * Wraps a table of MD5 hashes in {@code {pbkdf2-dpapi-wrap:md5}} records with the bulk migrator
	 * (progress and summary logged), then logs in as a migrated user.
	 */
	private void migrationFlow() throws Exception {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:hygiene;DB_CLOSE_DELAY=-1");
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table legacy_users (id int primary key, hash varchar(500))");
			for (int i = 0; i < 20; i++) {
				String password = MIGRATED_PASSWORD + i;
				String md5 = HexFormat.of()
					.formatHex(MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8)));
				secret("migrated password " + i, password);
				secret("md5 hash " + i, md5);
				statement.execute("insert into legacy_users values (" + i + ", '" + md5 + "')");
			}
		}
		Pbkdf2DpapiPasswordEncoder current = this.settings.getEncoder();
		JdbcHashMigrator migrator = new JdbcHashMigrator(dataSource, current,
				MigrationOptions.of("legacy_users", "id", "hash").withUnprefixedFormat("md5-hex").withBatchSize(7));
		migrator.migrate((progress) -> LogFactory.getLog(LogHygieneTests.class).info("migration " + progress));
		LogFactory.getLog(LogHygieneTests.class).info("migration report " + migrator.report());
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select hash from legacy_users where id = 3")) {
			rows.next();
			String wrapped = rows.getString(1);
			secret("wrapped hash", wrapped);
			secret("wrapped hash payload", payload(wrapped));
			assertThat(wrapped).startsWith("{pbkdf2-dpapi-wrap:md5}");
			assertThat(this.passwordEncoder.matches(MIGRATED_PASSWORD + 3, wrapped)).isTrue();
		}
	}

	private String formLogin(String username, String password) throws Exception {
		return this.mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private String storedHash(String what, String username) {
		String encoded = this.users.loadUserByUsername(username).getPassword();
		secret(what, encoded);
		secret(what + " payload", payload(encoded));
		return encoded;
	}

	/**
	 * Records a secret in its raw form and, for Base64 values, the decoded bytes as hex and text.
	 */
	private void secret(String what, String value) {
		this.secrets.put(what, value);
		try {
			byte[] decoded = Base64.getDecoder().decode(value);
			this.secrets.put(what + " (hex)", HexFormat.of().formatHex(decoded));
			this.secrets.put(what + " (url-safe base64)", Base64.getUrlEncoder().withoutPadding().encodeToString(decoded));
			String text = new String(decoded, StandardCharsets.UTF_8);
			if (text.chars().allMatch((c) -> c >= 0x20 && c < 0x7f) && text.length() >= 16) {
				this.secrets.put(what + " (text)", text);
			}
		}
		catch (IllegalArgumentException ex) {
			// Not Base64: only the raw form can leak.
		}
	}

	private static String payload(String encoded) {
		int dollar = encoded.lastIndexOf('$');
		return encoded.substring(dollar + 1);
	}

	@FunctionalInterface
	interface Flow {

		void run() throws Exception;

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
			return new InMemoryUserDetailsManager(
					User.withUsername("alice").password(passwordEncoder.encode(ALICE_PASSWORD)).roles("USER").build(),
					User.withUsername("bob")
						.password("{bcrypt}" + new BCryptPasswordEncoder(4).encode(BOB_PASSWORD))
						.roles("USER")
						.build(),
					User.withUsername("carol").password(passwordEncoder.encode(ALICE_PASSWORD)).roles("USER").build());
		}

	}

}
