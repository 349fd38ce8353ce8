package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.springframework.core.env.MapPropertySource;

/**
 * Wraps a {@link MapPropertySource} (YAML and properties files, {@code @PropertySource},
 * {@code @TestPropertySource}, {@code spring.application.json}, default properties...) and stays
 * one: {@link #getSource()} is a decrypting view of the original map.
 *
 * @author pbkdf2-dpapi
 */
final class EncryptableMapPropertySource extends MapPropertySource implements EncryptableSource {

	private final MapPropertySource original;

	private final EncryptedValueResolver resolver;

	EncryptableMapPropertySource(MapPropertySource original, EncryptedValueResolver resolver) {
		super(original.getName(), new DecryptingMap(original.getSource(), original, resolver));
		this.original = original;
		this.resolver = resolver;
	}

	@Override
	public Object getProperty(String name) {
		// The original's getProperty unwraps origin-tracked values and resolves suppliers.
		return this.resolver.resolve(this.original, name, this.original.getProperty(name));
	}

	@Override
	public boolean containsProperty(String name) {
		return this.original.containsProperty(name);
	}

	@Override
	public String[] getPropertyNames() {
		return this.original.getPropertyNames();
	}

	@Override
	public MapPropertySource getOriginal() {
		return this.original;
	}

	@Override
	public EncryptedValueResolver getResolver() {
		return this.resolver;
	}

}
