package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import io.github.pbkdf2dpapi.autoconfigure.env.WrappingPropertySource;

import org.springframework.boot.env.PropertySourceInfo;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.PropertySource;

/**
 * A property source that wraps another one, keeps its name, values, names and origins, and
 * decrypts its {@code ENC(...)} values.
 *
 * @author pbkdf2-dpapi
 */
interface EncryptableSource extends OriginLookup<String>, PropertySourceInfo, WrappingPropertySource {

	@Override
	PropertySource<?> getOriginal();

	/**
	 * The resolver that decrypts the values.
	 * @return the resolver
	 */
	EncryptedValueResolver getResolver();

	/**
	 * Whether the raw value of a property is {@code ENC(...)}.
	 * @param name the property name as known to the original source
	 * @return whether the original value is encrypted
	 */
	default boolean isEncrypted(String name) {
		return getResolver().isEncrypted(getOriginal().getProperty(name));
	}

	@Override
	default Origin getOrigin(String key) {
		return OriginLookup.getOrigin(getOriginal(), key);
	}

	@Override
	default boolean isImmutable() {
		return getOriginal() instanceof PropertySourceInfo info && info.isImmutable();
	}

	@Override
	default String getPrefix() {
		return (getOriginal() instanceof PropertySourceInfo info) ? info.getPrefix() : null;
	}

}
