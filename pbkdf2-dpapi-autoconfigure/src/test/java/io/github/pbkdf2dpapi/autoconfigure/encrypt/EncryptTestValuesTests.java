package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import io.github.pbkdf2dpapi.encrypt.EncryptedValue;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EncryptTestValues}: the constants decrypt to what their comments say, so a
 * failing integration test points at the code, not at a stale constant.
 */
class EncryptTestValuesTests {

	@Test
	void constantsWhenDecryptedThenExpectedPlaintexts() {
		assertThat(decrypt(EncryptTestValues.COMMAND_LINE, null)).isEqualTo("command-line-secret");
		assertThat(decrypt(EncryptTestValues.SYSTEM_PROPERTY, null)).isEqualTo("system-property-secret");
		assertThat(decrypt(EncryptTestValues.ENVIRONMENT, null)).isEqualTo("environment-secret");
		assertThat(decrypt(EncryptTestValues.ENVIRONMENT_BOUND, "enc.test.bound")).isEqualTo("env-bound-secret");
		assertThat(decrypt(EncryptTestValues.TEST_PROPERTY_SOURCE, null)).isEqualTo("test-property-source-secret");
		assertThat(decrypt(EncryptTestValues.DYNAMIC, null)).isEqualTo("dynamic-secret");
		assertThat(decrypt(EncryptTestValues.DATASOURCE_PASSWORD, "SPRING_DATASOURCE_PASSWORD")).isEqualTo("h2-s3cret");
		assertThat(decrypt(EncryptTestValues.LOGGING_MARKER, null)).isEqualTo("logging-marker-7d1e");
		assertThat(decrypt(EncryptTestValues.DEBUG, null)).isEqualTo("DEBUG");
		assertThat(EncryptedValues.decrypt(EncryptTestValues.otherProtector(),
				EncryptedValue.parse(EncryptTestValues.WRONG_KEY, "ENC(", ")"), null))
			.isEqualTo("wrong-key-secret");
		assertThat(EncryptedValue.parse(EncryptTestValues.UNKNOWN_KEY, "ENC(", ")").keyId()).isEqualTo("k9");
	}

	@Test
	void resourcesWhenReadThenHoldTheTestKey() throws IOException {
		String yaml = new ClassPathResource("enc-app.yml").getContentAsString(StandardCharsets.UTF_8);
		assertThat(yaml).contains(EncryptTestValues.KEY);
	}

	private static String decrypt(String value, String name) {
		return EncryptedValues.decrypt(EncryptTestValues.protector(), EncryptedValue.parse(value, "ENC(", ")"), name);
	}

}
