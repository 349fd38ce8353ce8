package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EncryptedValueResolver}.
 */
class EncryptedValueResolverTests {

	private final MockEnvironment environment = new MockEnvironment()
		.withProperty("pbkdf2-dpapi.envelope.aes-gcm.key-id", "k1")
		.withProperty("pbkdf2-dpapi.envelope.aes-gcm.key", EncryptTestValues.KEY);

	private final MapPropertySource source = new MapPropertySource("test", Map.of());

	@Test
	void resolveWhenSameValueReadTwiceThenCached() {
		EncryptedValueResolver resolver = EncryptedValueResolver.get(this.environment);
		Object first = resolver.resolve(this.source, "a", EncryptTestValues.COMMAND_LINE);
		assertThat(first).isEqualTo("command-line-secret");
		assertThat(resolver.resolve(this.source, "b", EncryptTestValues.COMMAND_LINE)).isSameAs(first);
	}

	@Test
	void resolveWhenCacheFullThenEvictsAndDecryptsAgain() {
		this.environment.setProperty("pbkdf2-dpapi.encrypt.cache-size", "1");
		EncryptedValueResolver resolver = EncryptedValueResolver.get(this.environment);
		Object first = resolver.resolve(this.source, "a", EncryptTestValues.COMMAND_LINE);
		resolver.resolve(this.source, "b", EncryptTestValues.SYSTEM_PROPERTY);
		Object again = resolver.resolve(this.source, "a", EncryptTestValues.COMMAND_LINE);
		assertThat(again).isEqualTo(first).isNotSameAs(first);
	}

	@Test
	void resolveWhenBoundValueThenCachedPerName() {
		EncryptedValueResolver resolver = EncryptedValueResolver.get(this.environment);
		String value = EncryptTestValues.encrypt("bound", "enc.one");
		assertThat(resolver.resolve(this.source, "enc.one", value)).isEqualTo("bound");
		assertThatExceptionOfType(EncryptedPropertyException.class)
			.isThrownBy(() -> resolver.resolve(this.source, "enc.two", value));
		assertThat(resolver.resolve(this.source, "ENC_ONE", value)).isEqualTo("bound");
	}

	@Test
	void resolveWhenNotEncryptedThenSameObject() {
		EncryptedValueResolver resolver = EncryptedValueResolver.get(this.environment);
		Object value = new Object();
		assertThat(resolver.resolve(this.source, "a", value)).isSameAs(value);
		assertThat(resolver.resolve(this.source, "a", "ENC(abc")).isEqualTo("ENC(abc");
		assertThat(resolver.resolve(this.source, "a", null)).isNull();
	}

	@Test
	void resolveWhenCustomPrefixAndSuffixThenOnlyThoseDecrypted() {
		this.environment.setProperty("pbkdf2-dpapi.encrypt.prefix", "{cipher}");
		this.environment.setProperty("pbkdf2-dpapi.encrypt.suffix", "");
		EncryptedValueResolver resolver = EncryptedValueResolver.get(this.environment);
		String inner = EncryptTestValues.COMMAND_LINE.substring(4, EncryptTestValues.COMMAND_LINE.length() - 1);
		assertThat(resolver.resolve(this.source, "a", "{cipher}" + inner)).isEqualTo("command-line-secret");
		assertThat(resolver.resolve(this.source, "a", EncryptTestValues.COMMAND_LINE))
			.isEqualTo(EncryptTestValues.COMMAND_LINE);
	}

	@Test
	void getWhenDisabledThenNull() {
		this.environment.setProperty("pbkdf2-dpapi.encrypt.enabled", "false");
		assertThat(EncryptedValueResolver.get(this.environment)).isNull();
	}

	@Test
	void getWhenPrefixEmptyThenInvalidSetting() {
		this.environment.setProperty("pbkdf2-dpapi.encrypt.prefix", "");
		assertThatExceptionOfType(EncryptedPropertyException.class)
			.isThrownBy(() -> EncryptedValueResolver.get(this.environment))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("pbkdf2-dpapi.encrypt.prefix"));
	}

	@Test
	void isSensitiveWhenEncryptedNameOrDecryptedValueThenTrue() {
		EncryptedValueResolver resolver = EncryptedValueResolver.get(this.environment);
		resolver.resolve(this.source, "enc.api-key", EncryptTestValues.COMMAND_LINE);
		assertThat(resolver.isSensitive("enc.apiKey", "anything")).isTrue();
		assertThat(resolver.isSensitive("ENC_APIKEY", "anything")).isTrue();
		assertThat(resolver.isSensitive("other", "command-line-secret")).isTrue();
		assertThat(resolver.isSensitive("other", "url;password=command-line-secret;x")).isTrue();
		assertThat(resolver.isSensitive("other", EncryptTestValues.SYSTEM_PROPERTY)).isTrue();
		assertThat(resolver.isSensitive("other", "plain")).isFalse();
		assertThat(resolver.isSensitive("other", null)).isFalse();
	}

}
