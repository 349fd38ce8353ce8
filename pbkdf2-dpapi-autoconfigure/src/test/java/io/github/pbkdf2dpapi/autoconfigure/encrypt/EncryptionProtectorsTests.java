package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

import io.github.pbkdf2dpapi.encrypt.EncryptedValue;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.SecretProtector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EncryptionProtectors} and {@link PlainProperties}.
 */
class EncryptionProtectorsTests {

	@Test
	void schemesThenAesKnown() {
		assertThat(EncryptionProtectors.schemes()).contains("aes");
		assertThat(EncryptionProtectors.scheme("aes").howToConfigure()).contains("pbkdf2-dpapi.envelope.aes-gcm.key");
		assertThat(EncryptionProtectors.scheme("nope")).isNull();
	}

	@Test
	void aesGcmWhenConfiguredThenDecryptsTestValues() {
		SecretProtector protector = EncryptionProtectors.aesGcm(plain(Map.of("pbkdf2-dpapi.envelope.aes-gcm.key-id",
				"k1", "pbkdf2-dpapi.envelope.aes-gcm.key", EncryptTestValues.KEY)));
		assertThat(protector.currentEnvelope()).isEqualTo("aes:k1");
		assertThat(EncryptedValues.decrypt(protector,
				EncryptedValue.parse(EncryptTestValues.COMMAND_LINE, "ENC(", ")"), null))
			.isEqualTo("command-line-secret");
	}

	@Test
	void aesGcmWhenEnvelopeProtectorIsNoneThenStillConfigured() {
		assertThat(EncryptionProtectors.aesGcm(plain(Map.of("pbkdf2-dpapi.envelope.protector", "none",
				"pbkdf2-dpapi.envelope.aes-gcm.key-id", "k1", "pbkdf2-dpapi.envelope.aes-gcm.key", EncryptTestValues.KEY))))
			.isNotNull();
	}

	@Test
	void aesGcmWhenPlaceholderThenResolved() {
		assertThat(EncryptionProtectors.aesGcm(plain(Map.of("pbkdf2-dpapi.envelope.aes-gcm.key-id", "k1",
				"pbkdf2-dpapi.envelope.aes-gcm.key", "${MY_KEY}", "MY_KEY", EncryptTestValues.KEY))))
			.isNotNull();
	}

	@Test
	void aesGcmWhenNotConfiguredThenNull() {
		assertThat(EncryptionProtectors.aesGcm(plain(Map.of()))).isNull();
	}

	@Test
	void aesGcmWhenKeyMissingOrInvalidThenInvalidSettingWithoutValue() {
		assertThatExceptionOfType(EncryptedPropertyException.class)
			.isThrownBy(() -> EncryptionProtectors.aesGcm(plain(Map.of("pbkdf2-dpapi.envelope.aes-gcm.key-id", "k1"))))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("no key is set"));
		assertThatExceptionOfType(EncryptedPropertyException.class)
			.isThrownBy(() -> EncryptionProtectors.aesGcm(plain(Map.of("pbkdf2-dpapi.envelope.aes-gcm.key",
					EncryptTestValues.KEY))))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("no key id is set"));
		assertThatExceptionOfType(EncryptedPropertyException.class)
			.isThrownBy(() -> EncryptionProtectors.aesGcm(plain(Map.of("pbkdf2-dpapi.envelope.aes-gcm.key-id", "k1",
					"pbkdf2-dpapi.envelope.aes-gcm.key", "s3cr%t"))))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("the key is not valid Base64"))
			.satisfies((ex) -> assertThat(ex.getOrigin())
				.isEqualTo("\"pbkdf2-dpapi.envelope.aes-gcm.key\" from property source \"test\""))
			.withMessageNotContaining("s3cr");
		assertThatExceptionOfType(EncryptedPropertyException.class)
			.isThrownBy(() -> EncryptionProtectors.aesGcm(plain(Map.of("pbkdf2-dpapi.envelope.aes-gcm.key-id",
					"bad id", "pbkdf2-dpapi.envelope.aes-gcm.key", EncryptTestValues.KEY))))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("pbkdf2-dpapi.envelope.aes-gcm.key-id"));
	}

	@Test
	void plainPropertiesWhenValueEncryptedThenRefused() {
		PlainProperties properties = plain(Map.of("pbkdf2-dpapi.envelope.aes-gcm.key", EncryptTestValues.COMMAND_LINE));
		assertThatExceptionOfType(EncryptedPropertyException.class)
			.isThrownBy(() -> properties.get("pbkdf2-dpapi.envelope.aes-gcm.key"))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("cannot be encrypted itself"));
		assertThat(properties.get("pbkdf2-dpapi.envelope.aes-gcm.key-id")).isNull();
		assertThat(properties.origin("pbkdf2-dpapi.envelope.aes-gcm.key-id")).isNull();
	}

	private static PlainProperties plain(Map<String, Object> values) {
		List<PropertySource<?>> sources = List.of(new MapPropertySource("test", values));
		return new PlainProperties(sources, "ENC(", ")");
	}

}
