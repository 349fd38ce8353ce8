package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;

import io.github.pbkdf2dpapi.autoconfigure.encrypt.EncryptTestValues.EncRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ENC(...)} values in command-line arguments.
 */
@SpringBootTest(classes = EncryptTestValues.MinimalApplication.class,
		args = { "--" + EncryptTestValues.KEY_ID_PROPERTY, "--" + EncryptTestValues.KEY_PROPERTY,
				"--enc.cli.secret=" + EncryptTestValues.COMMAND_LINE,
				"--enc.record.api-key=" + EncryptTestValues.COMMAND_LINE, "non-option" })
class EncryptCommandLineIntegrationTests {

	@Autowired
	private ConfigurableEnvironment environment;

	@Autowired
	private EncRecord record;

	@Autowired
	private ApplicationArguments arguments;

	@Value("${enc.cli.secret}")
	private String secret;

	@Test
	void commandLineArgumentWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.cli.secret")).isEqualTo("command-line-secret");
		assertThat(this.secret).isEqualTo("command-line-secret");
		assertThat(this.record.apiKey()).isEqualTo("command-line-secret");
		assertThat(this.environment.getPropertySources().get("commandLineArgs")).isInstanceOf(EncryptableSource.class);
		assertThat(this.environment.getProperty("nonOptionArgs")).isEqualTo("non-option");
		// The raw arguments are the application's own business.
		assertThat(this.arguments.getOptionValues("enc.cli.secret")).containsExactly(EncryptTestValues.COMMAND_LINE);
	}

}
