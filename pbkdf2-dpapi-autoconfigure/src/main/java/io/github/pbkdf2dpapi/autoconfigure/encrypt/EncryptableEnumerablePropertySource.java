package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * Wraps any other {@link EnumerablePropertySource} (command-line arguments, {@code configtree:}
 * mounts, composite sources...). {@link #getSource()} is the original source, which Spring Boot
 * follows to check that the source is fully enumerable.
 *
 * @author pbkdf2-dpapi
 */
final class EncryptableEnumerablePropertySource extends EnumerablePropertySource<EnumerablePropertySource<?>>
		implements EncryptableSource {

	private final EncryptedValueResolver resolver;

	EncryptableEnumerablePropertySource(EnumerablePropertySource<?> original, EncryptedValueResolver resolver) {
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
	public String[] getPropertyNames() {
		return getSource().getPropertyNames();
	}

	@Override
	public EnumerablePropertySource<?> getOriginal() {
		return getSource();
	}

	@Override
	public EncryptedValueResolver getResolver() {
		return this.resolver;
	}

}
