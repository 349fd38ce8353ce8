package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ENC(...)} values in a {@code @PropertySource} file, which is added while configuration
 * classes are parsed, after the environment post-processors ran.
 */
@SpringBootTest(classes = EncryptPropertySourceAnnotationIntegrationTests.Config.class,
		properties = { EncryptTestValues.KEY_ID_PROPERTY, EncryptTestValues.KEY_PROPERTY })
class EncryptPropertySourceAnnotationIntegrationTests {

	@Autowired
	private ConfigurableEnvironment environment;

	@Autowired
	private SecretHolder holder;

	@Test
	void propertySourceFileWhenEncThenDecrypted() {
		assertThat(this.environment.getPropertySources().stream().map((source) -> source.getName()))
			.anyMatch((name) -> name.contains("property-source.properties"));
		assertThat(this.environment.getProperty("enc.property-source.secret")).isEqualTo("property-source-secret");
		assertThat(this.holder.secret()).isEqualTo("property-source-secret");
		assertThat(Binder.get(this.environment).bind("enc.property-source.secret", String.class).get())
			.isEqualTo("property-source-secret");
	}

	record SecretHolder(String secret) {

	}

	@Configuration(proxyBeanMethods = false)
	@Import(EncryptTestValues.MinimalApplication.class)
	@PropertySource("classpath:encrypt/property-source.properties")
	static class Config {

		@Bean
		SecretHolder secretHolder(@Value("${enc.property-source.secret}") String secret) {
			return new SecretHolder(secret);
		}

	}

}
