package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Wraps a {@link SystemEnvironmentPropertySource} and stays one, so that Spring Boot keeps
 * mapping {@code SPRING_DATASOURCE_PASSWORD} to {@code spring.datasource.password}. Spring Boot
 * reads the map of such a source directly: {@link #getSource()} is a decrypting view of it. The
 * name used for a bound value is the variable's own name.
 *
 * @author pbkdf2-dpapi
 */
final class EncryptableSystemEnvironmentPropertySource extends SystemEnvironmentPropertySource
		implements EncryptableSource {

	private final SystemEnvironmentPropertySource original;

	private final EncryptedValueResolver resolver;

	EncryptableSystemEnvironmentPropertySource(SystemEnvironmentPropertySource original,
			EncryptedValueResolver resolver) {
		super(original.getName(), new DecryptingMap(original.getSource(), original, resolver));
		this.original = original;
		this.resolver = resolver;
	}

	@Override
	public SystemEnvironmentPropertySource getOriginal() {
		return this.original;
	}

	@Override
	public EncryptedValueResolver getResolver() {
		return this.resolver;
	}

	@Override
	public boolean isEncrypted(String name) {
		return this.resolver.isEncrypted(this.original.getSource().get(resolvePropertyName(name)));
	}

}
