package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.PropertySource;

/**
 * Stands just before a property source that must not be replaced, because code looks it up by
 * name and requires its exact type (Spring's {@code DynamicValuesPropertySource} behind
 * {@code @DynamicPropertySource} and {@code DynamicPropertyRegistrar}). It answers only for the
 * original's {@code ENC(...)} values, decrypted; every other name falls through to the original
 * right after it, so precedence is unchanged.
 *
 * @author pbkdf2-dpapi
 */
final class EncryptedShadowPropertySource extends PropertySource<PropertySource<?>> implements OriginLookup<String> {

	/** Appended to the original's name. */
	static final String SUFFIX = " (decrypted)";

	private final EncryptedValueResolver resolver;

	EncryptedShadowPropertySource(PropertySource<?> original, EncryptedValueResolver resolver) {
		super(original.getName() + SUFFIX, original);
		this.resolver = resolver;
	}

	@Override
	public Object getProperty(String name) {
		Object value = getSource().getProperty(name);
		return this.resolver.isEncrypted(value) ? this.resolver.resolve(getSource(), name, value) : null;
	}

	@Override
	public Origin getOrigin(String key) {
		return PropertySourceOrigin.get(getSource(), key);
	}

	EncryptedValueResolver getResolver() {
		return this.resolver;
	}

}
