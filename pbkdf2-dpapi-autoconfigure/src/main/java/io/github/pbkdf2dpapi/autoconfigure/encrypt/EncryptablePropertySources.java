package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySource.StubPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Wraps the property sources of an environment so that their {@code ENC(...)} values read
 * decrypted, keeping each source's name, position and, where Spring relies on it, its type.
 *
 * <ul>
 * <li>{@link SystemEnvironmentPropertySource}: a subclass over a decrypting view of its map;</li>
 * <li>other {@link MapPropertySource}s: a {@code MapPropertySource} over a decrypting view;</li>
 * <li>other {@link EnumerablePropertySource}s and plain {@link PropertySource}s: a wrapper of the
 * same kind;</li>
 * <li>Spring's {@code DynamicValuesPropertySource}, which must keep its type: a shadow source
 * placed just before it;</li>
 * <li>left alone: Spring Boot's attached {@code configurationProperties} view, stubs replaced
 * later (servlet parameters), {@code random.*}, and sources that wrap an environment.</li>
 * </ul>
 *
 * @author pbkdf2-dpapi
 */
final class EncryptablePropertySources {

	private static final String DYNAMIC_VALUES_PROPERTY_SOURCE = "org.springframework.test.context.support.DynamicValuesPropertySource";

	private EncryptablePropertySources() {
	}

	/**
	 * Wraps every source of {@code sources} that is not wrapped yet.
	 * @param sources the property sources of an environment
	 * @param resolver the resolver the wrappers use
	 * @return the sources that were added, each to be {@linkplain #decryptAll validated}
	 */
	static List<PropertySource<?>> wrap(MutablePropertySources sources, EncryptedValueResolver resolver) {
		List<PropertySource<?>> added = new ArrayList<>();
		for (PropertySource<?> source : sources.stream().toList()) {
			if (!isWrappable(source)) {
				continue;
			}
			if (DYNAMIC_VALUES_PROPERTY_SOURCE.equals(source.getClass().getName())) {
				if (!sources.contains(source.getName() + EncryptedShadowPropertySource.SUFFIX)) {
					PropertySource<?> shadow = new EncryptedShadowPropertySource(source, resolver);
					sources.addBefore(source.getName(), shadow);
					added.add(shadow);
				}
				continue;
			}
			PropertySource<?> wrapper = wrapper(source, resolver);
			sources.replace(source.getName(), wrapper);
			added.add(wrapper);
		}
		return added;
	}

	private static boolean isWrappable(PropertySource<?> source) {
		return !(source instanceof EncryptableSource || source instanceof EncryptedShadowPropertySource
				|| source instanceof StubPropertySource || source instanceof RandomValuePropertySource
				|| ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
				|| source.getSource() instanceof ConfigurableEnvironment);
	}

	private static PropertySource<?> wrapper(PropertySource<?> source, EncryptedValueResolver resolver) {
		if (source instanceof SystemEnvironmentPropertySource environment) {
			return new EncryptableSystemEnvironmentPropertySource(environment, resolver);
		}
		if (source instanceof MapPropertySource map) {
			return new EncryptableMapPropertySource(map, resolver);
		}
		if (source instanceof EnumerablePropertySource<?> enumerable) {
			return new EncryptableEnumerablePropertySource(enumerable, resolver);
		}
		return new EncryptablePropertySource(source, resolver);
	}

	/**
	 * Reads every {@code ENC(...)} value of the given wrapped sources, so that a value that
	 * cannot be decrypted stops start-up now rather than at its first use (Spring Boot's binder
	 * ignores some read failures), and so that the values are cached. Sources that cannot list
	 * their names, and shadows (whose values may be computed on demand), are decrypted on read.
	 * @param wrapped sources returned by {@link #wrap}
	 * @return the number of encrypted values
	 * @throws EncryptedPropertyException for the first value that cannot be decrypted
	 */
	static int decryptAll(List<PropertySource<?>> wrapped) {
		int count = 0;
		for (PropertySource<?> source : wrapped) {
			if (source instanceof EncryptableSource encryptable
					&& source instanceof EnumerablePropertySource<?> enumerable) {
				String[] names = safePropertyNames(enumerable);
				for (String name : names) {
					if (encryptable.isEncrypted(name)) {
						source.getProperty(name);
						count++;
					}
				}
			}
		}
		return count;
	}

	private static String[] safePropertyNames(EnumerablePropertySource<?> source) {
		try {
			return source.getPropertyNames();
		}
		catch (UnsupportedOperationException ex) {
			// A security restricted system environment cannot be listed: decrypted on read.
			return new String[0];
		}
	}

}
