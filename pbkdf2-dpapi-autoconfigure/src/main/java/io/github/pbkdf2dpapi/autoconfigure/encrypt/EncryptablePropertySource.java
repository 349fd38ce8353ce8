package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.springframework.core.env.PropertySource;

/**
 * Wraps a property source that cannot list its names (JNDI, for example). Its values are
 * decrypted when read, so a failure surfaces at the first read rather than at start-up.
 *
 * @author pbkdf2-dpapi
 */
final class EncryptablePropertySource extends PropertySource<PropertySource<?>> implements EncryptableSource {

	private final EncryptedValueResolver resolver;

	EncryptablePropertySource(PropertySource<?> original, EncryptedValueResolver resolver) {
		super(original.getName(), original);
		this.resolver = resolver;
	}

	@Override
	public Object getProperty(String name) {
		return this.resolver.resolve(getSource(), name, getSource().getProperty(name));
	}

	@Override
	public boolean containsProperty(String name) {
		return getSource().containsProperty(name);
	}

	@Override
	public PropertySource<?> getOriginal() {
		return getSource();
	}

	@Override
	public EncryptedValueResolver getResolver() {
		return this.resolver;
	}

}
