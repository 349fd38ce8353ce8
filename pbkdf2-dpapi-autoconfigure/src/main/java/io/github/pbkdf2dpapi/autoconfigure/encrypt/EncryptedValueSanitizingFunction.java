package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * A {@link SanitizingFunction} that masks, in the Actuator {@code env} and {@code configprops}
 * endpoints, every value that was {@code ENC(...)} in configuration, even when
 * {@code show-values} is {@code always}: properties whose raw value is encrypted, and values that
 * equal or contain a decrypted value (a {@code ${...}} placeholder referring to an encrypted
 * property).
 *
 * @author pbkdf2-dpapi
 */
class EncryptedValueSanitizingFunction implements SanitizingFunction {

	private final Environment environment;

	EncryptedValueSanitizingFunction(Environment environment) {
		this.environment = environment;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		if (data.getPropertySource() instanceof EncryptableSource source && source.isEncrypted(data.getKey())) {
			return data.withSanitizedValue();
		}
		EncryptedValueResolver resolver = resolver();
		if (resolver != null && resolver.isSensitive(data.getKey(), data.getValue())) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private EncryptedValueResolver resolver() {
		if (this.environment instanceof ConfigurableEnvironment configurable) {
			return EncryptedValueResolver.find(configurable.getPropertySources());
		}
		return null;
	}

}
