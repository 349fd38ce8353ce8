package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootContextLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextConfiguration;

import io.github.pbkdf2dpapi.autoconfigure.encrypt.EncryptTestValues.EncRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ENC(...)} values in environment variables, with Spring Boot's relaxed mapping
 * ({@code ENC_RECORD_APIKEY} to {@code enc.record.api-key}). The variables are added to the
 * process environment map that Spring Boot sees, through a context loader.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(classes = EncryptTestValues.MinimalApplication.class,
		loader = EncryptEnvironmentVariablesIntegrationTests.FakeEnvironmentContextLoader.class)
class EncryptEnvironmentVariablesIntegrationTests {

	static final Map<String, Object> VARIABLES = Map.of("PBKDF2DPAPI_ENVELOPE_AESGCM_KEYID", "k1",
			"PBKDF2DPAPI_ENVELOPE_AESGCM_KEY", EncryptTestValues.KEY, "ENC_ENV_SECRET", EncryptTestValues.ENVIRONMENT,
			"ENC_RECORD_APIKEY", EncryptTestValues.ENVIRONMENT, "ENC_TEST_BOUND", EncryptTestValues.ENVIRONMENT_BOUND);

	@Autowired
	private ConfigurableEnvironment environment;

	@Autowired
	private EncRecord record;

	@Value("${enc.env.secret}")
	private String secret;

	@Test
	void environmentVariableWhenEncThenDecryptedThroughRelaxedNames() {
		assertThat(this.environment.getProperty("enc.env.secret")).isEqualTo("environment-secret");
		assertThat(this.environment.getProperty("ENC_ENV_SECRET")).isEqualTo("environment-secret");
		assertThat(this.secret).isEqualTo("environment-secret");
		assertThat(this.record.apiKey()).isEqualTo("environment-secret");
		assertThat(Binder.get(this.environment).bind("enc.env.secret", String.class).get())
			.isEqualTo("environment-secret");
	}

	@Test
	void boundVariableWhenReadUnderEitherFormThenDecrypted() {
		assertThat(this.environment.getProperty("enc.test.bound")).isEqualTo("env-bound-secret");
		assertThat(this.environment.getProperty("ENC_TEST_BOUND")).isEqualTo("env-bound-secret");
		assertThat(Binder.get(this.environment).bind("enc.test.bound", String.class).get())
			.isEqualTo("env-bound-secret");
	}

	@Test
	void systemEnvironmentSourceWhenWrappedThenStillSystemEnvironmentWithOrigin() {
		assertThat(this.environment.getPropertySources().get("systemEnvironment"))
			.isInstanceOf(EncryptableSystemEnvironmentPropertySource.class);
		EncryptableSystemEnvironmentPropertySource source = (EncryptableSystemEnvironmentPropertySource) this.environment
			.getPropertySources()
			.get("systemEnvironment");
		assertThat(source.getOrigin("enc.env.secret")).hasToString("System Environment Property \"ENC_ENV_SECRET\"");
		assertThat(source.getSource().get("ENC_ENV_SECRET")).isEqualTo("environment-secret");
	}

	static class FakeEnvironmentContextLoader extends SpringBootContextLoader {

		@Override
		protected ConfigurableEnvironment getEnvironment() {
			return new StandardEnvironment() {

				@Override
				public Map<String, Object> getSystemEnvironment() {
					Map<String, Object> variables = new HashMap<>(super.getSystemEnvironment());
					variables.putAll(VARIABLES);
					return variables;
				}

			};
		}

	}

}
