package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ENC(...)} values in system properties, including one set after start-up (decrypted on
 * read).
 */
@SpringBootTest(classes = EncryptTestValues.MinimalApplication.class,
		properties = { EncryptTestValues.KEY_ID_PROPERTY, EncryptTestValues.KEY_PROPERTY })
class EncryptSystemPropertiesIntegrationTests {

	@Autowired
	private ConfigurableEnvironment environment;

	@Value("${enc.sysprop.secret}")
	private String secret;

	@BeforeAll
	static void setSystemProperty() {
		System.setProperty("enc.sysprop.secret", EncryptTestValues.SYSTEM_PROPERTY);
	}

	@AfterAll
	static void clearSystemProperties() {
		System.clearProperty("enc.sysprop.secret");
		System.clearProperty("enc.sysprop.late");
	}

	@Test
	void systemPropertyWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.sysprop.secret")).isEqualTo("system-property-secret");
		assertThat(this.secret).isEqualTo("system-property-secret");
		assertThat(this.environment.getPropertySources().get("systemProperties"))
			.isInstanceOf(EncryptableMapPropertySource.class);
	}

	@Test
	void systemPropertyWhenSetAfterStartThenDecryptedOnRead() {
		System.setProperty("enc.sysprop.late", EncryptTestValues.SYSTEM_PROPERTY);
		assertThat(this.environment.getProperty("enc.sysprop.late")).isEqualTo("system-property-secret");
	}

}
