package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ENC(...)} values in a {@code configtree:} mount (one file per property, with a trailing
 * new line as written by most tools).
 */
@SpringBootTest(classes = EncryptTestValues.MinimalApplication.class,
		properties = { EncryptTestValues.KEY_ID_PROPERTY, EncryptTestValues.KEY_PROPERTY,
				"spring.config.import=configtree:target/test-classes/encrypt/configtree/" })
class EncryptConfigTreeIntegrationTests {

	@Autowired
	private ConfigurableEnvironment environment;

	@Value("${enc.configtree.secret}")
	private String secret;

	@Test
	void configTreeFileWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.configtree.secret")).isEqualTo("configtree-secret");
		assertThat(this.secret).isEqualTo("configtree-secret");
		assertThat(this.environment.getPropertySources().stream().map((source) -> source.getName()))
			.anyMatch((name) -> name.contains("configtree"));
	}

}
