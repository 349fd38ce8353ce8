package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ENC(...)} values in test property sources: {@code @TestPropertySource},
 * {@code @DynamicPropertySource} and a {@code DynamicPropertyRegistrar} bean. The dynamic source
 * must keep its type, so it gets a decrypting shadow instead of a wrapper.
 */
@SpringBootTest(classes = EncryptTestPropertySourceIntegrationTests.Config.class)
@TestPropertySource(properties = { EncryptTestValues.KEY_ID_PROPERTY, EncryptTestValues.KEY_PROPERTY,
		"enc.tps.secret=" + EncryptTestValues.TEST_PROPERTY_SOURCE })
class EncryptTestPropertySourceIntegrationTests {

	@Autowired
	private ConfigurableEnvironment environment;

	@Value("${enc.tps.secret}")
	private String testPropertySourceSecret;

	@Value("${enc.dynamic.secret}")
	private String dynamicSecret;

	@DynamicPropertySource
	static void dynamicProperties(DynamicPropertyRegistry registry) {
		registry.add("enc.dynamic.secret", () -> EncryptTestValues.DYNAMIC);
		registry.add("enc.dynamic.plain", () -> "plain");
	}

	@Test
	void testPropertySourceWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.tps.secret")).isEqualTo("test-property-source-secret");
		assertThat(this.testPropertySourceSecret).isEqualTo("test-property-source-secret");
	}

	@Test
	void dynamicPropertySourceWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.dynamic.secret")).isEqualTo("dynamic-secret");
		assertThat(this.dynamicSecret).isEqualTo("dynamic-secret");
		assertThat(this.environment.getProperty("enc.dynamic.plain")).isEqualTo("plain");
		assertThat(this.environment.getPropertySources().get("Dynamic Test Properties"))
			.isNotInstanceOf(EncryptableSource.class);
	}

	@Test
	void dynamicPropertyRegistrarWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.registrar.secret")).isEqualTo("dynamic-secret");
	}

	@Configuration(proxyBeanMethods = false)
	@Import(EncryptTestValues.MinimalApplication.class)
	static class Config {

		@Bean
		DynamicPropertyRegistrar encRegistrar() {
			return (registry) -> registry.add("enc.registrar.secret", () -> EncryptTestValues.DYNAMIC);
		}

	}

}
