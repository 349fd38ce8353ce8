package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

import io.github.pbkdf2dpapi.autoconfigure.password.SharedKeyRings;
import io.github.pbkdf2dpapi.encrypt.EncryptedValue;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * Decrypts the {@code ENC(...)} values read through the wrapped property sources of one
 * environment. Protectors are created on the first value of their scheme; decrypted values are
 * cached per property source and value, in a bounded map. Nothing here logs, and failures carry
 * the property name and origin, never the value.
 *
 * @author pbkdf2-dpapi
 */
final class EncryptedValueResolver {

	private static final String PROPERTIES = "pbkdf2-dpapi.encrypt";

	/** Plaintexts at least this long are also masked where they appear inside another value. */
	private static final int MIN_MASKED_SUBSTRING = 8;

	private volatile MutablePropertySources propertySources;

	private final String prefix;

	private final String suffix;

	private final Map<String, SecretProtector> protectors = new ConcurrentHashMap<>();

	private final Map<CacheKey, String> cache;

	private final Set<String> encryptedNames = ConcurrentHashMap.newKeySet();

	private final SharedKeyRings keyRings;

	private EncryptedValueResolver(MutablePropertySources propertySources, String prefix, String suffix,
			int cacheSize, SharedKeyRings keyRings) {
		this.propertySources = propertySources;
		this.keyRings = keyRings;
		this.prefix = prefix;
		this.suffix = suffix;
		this.cache = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<CacheKey, String> eldest) {
				return size() > cacheSize;
			}

		};
	}

	/**
	 * The resolver of an environment: the one its wrapped sources already use, else a new one
	 * configured from {@code pbkdf2-dpapi.encrypt.*}.
	 * @param environment the environment
	 * @return the resolver, or {@code null} when decryption is disabled
	 * @throws EncryptedPropertyException when a setting is invalid
	 */
	static EncryptedValueResolver get(ConfigurableEnvironment environment) {
		return get(environment, new SharedKeyRings());
	}

	/**
	 * The resolver of an environment: the one its wrapped sources already use, else a new one
	 * configured from {@code pbkdf2-dpapi.encrypt.*} that opens key rings through
	 * {@code keyRings}.
	 * @param environment the environment
	 * @param keyRings the key rings opened in this application, shared with the password envelope
	 * @return the resolver, or {@code null} when decryption is disabled
	 * @throws EncryptedPropertyException when a setting is invalid
	 */
	static EncryptedValueResolver get(ConfigurableEnvironment environment, SharedKeyRings keyRings) {
		EncryptedValueResolver existing = find(environment.getPropertySources());
		if (existing != null) {
			// Spring Boot may have copied the sources into a converted environment: bootstrap
			// protectors from the sources in use now.
			existing.propertySources = environment.getPropertySources();
			return existing;
		}
		MutablePropertySources sources = environment.getPropertySources();
		PlainProperties plain = new PlainProperties(plainSources(sources), EncryptedValues.DEFAULT_PREFIX,
				EncryptedValues.DEFAULT_SUFFIX);
		EncryptProperties properties = plain.binder()
			.bind(PROPERTIES, Bindable.of(EncryptProperties.class))
			.orElseGet(EncryptProperties::new);
		if (!properties.isEnabled()) {
			return null;
		}
		if (properties.getPrefix() == null || properties.getPrefix().isEmpty()) {
			throw EncryptedPropertyException.invalidSetting(PROPERTIES + ".prefix", plain.origin(PROPERTIES + ".prefix"),
					null, null, "the prefix is empty",
					"Set pbkdf2-dpapi.encrypt.prefix to a marker that plain values never start with, e.g. ENC(.");
		}
		if (properties.getCacheSize() < 1) {
			throw EncryptedPropertyException.invalidSetting(PROPERTIES + ".cache-size",
					plain.origin(PROPERTIES + ".cache-size"), null, null, "the cache size must be at least 1",
					"Set pbkdf2-dpapi.encrypt.cache-size to a positive number or remove it.");
		}
		String suffix = (properties.getSuffix() != null) ? properties.getSuffix() : "";
		return new EncryptedValueResolver(sources, properties.getPrefix(), suffix, properties.getCacheSize(), keyRings);
	}

	/**
	 * The key rings through which this resolver opens the ring of {@code kr} values.
	 * @return the key rings
	 */
	SharedKeyRings getKeyRings() {
		return this.keyRings;
	}

	/**
	 * The resolver already used by the wrapped sources of {@code sources}.
	 * @param sources the property sources
	 * @return the resolver, or {@code null} when no source is wrapped
	 */
	static EncryptedValueResolver find(MutablePropertySources sources) {
		for (PropertySource<?> source : sources) {
			if (source instanceof EncryptableSource encryptable) {
				return encryptable.getResolver();
			}
		}
		return null;
	}

	/**
	 * The property sources as they were before wrapping.
	 * @param sources the property sources of the environment
	 * @return the originals, without Spring Boot's attached source or our shadows
	 */
	static List<PropertySource<?>> plainSources(MutablePropertySources sources) {
		List<PropertySource<?>> plain = new ArrayList<>();
		for (PropertySource<?> source : sources) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
					|| source instanceof EncryptedShadowPropertySource) {
				continue;
			}
			plain.add((source instanceof EncryptableSource encryptable) ? encryptable.getOriginal() : source);
		}
		return plain;
	}

	/**
	 * Whether a raw value is meant to be decrypted.
	 * @param value the raw value
	 * @return whether it has the form {@code ENC(...)}
	 */
	boolean isEncrypted(Object value) {
		return value instanceof CharSequence text && EncryptedValue.isEncrypted(text, this.prefix, this.suffix);
	}

	/**
	 * Resolves a raw value read from a property source.
	 * @param source the original property source
	 * @param name the name the value was read under
	 * @param value the raw value
	 * @return the decrypted value when the raw one is {@code ENC(...)}, else the raw value
	 * @throws EncryptedPropertyException when the value cannot be decrypted
	 */
	Object resolve(PropertySource<?> source, String name, Object value) {
		if (!isEncrypted(value)) {
			return value;
		}
		return decrypt(source, name, value.toString());
	}

	private String decrypt(PropertySource<?> source, String name, String raw) {
		CacheKey unbound = new CacheKey(source.getName(), raw, null);
		String cached = cached(unbound);
		if (cached != null) {
			return cached;
		}
		String canonicalName = canonicalName(name);
		this.encryptedNames.add(canonicalName);
		EncryptedValue value;
		try {
			value = EncryptedValue.parse(raw, this.prefix, this.suffix);
		}
		catch (ProtectorException ex) {
			String scheme = schemeOf(raw);
			if (scheme != null && EncryptionProtectors.scheme(scheme) == null) {
				// An unknown scheme says more than the payload error it causes.
				throw EncryptedPropertyException.noProtector(name, origin(source, name), scheme, null, null,
						EncryptionProtectors.schemes());
			}
			throw EncryptedPropertyException.cannotDecrypt(name, origin(source, name), scheme, null, ex);
		}
		CacheKey key = value.isBound() ? new CacheKey(source.getName(), raw, canonicalName) : unbound;
		cached = (key != unbound) ? cached(key) : null;
		if (cached != null) {
			return cached;
		}
		SecretProtector protector = protector(value, source, name);
		String plaintext;
		try {
			plaintext = EncryptedValues.decrypt(protector, value, name);
		}
		catch (ProtectorException ex) {
			throw EncryptedPropertyException.cannotDecrypt(name, origin(source, name), value.scheme(), value.keyId(),
					ex);
		}
		synchronized (this.cache) {
			this.cache.put(key, plaintext);
		}
		return plaintext;
	}

	private String cached(CacheKey key) {
		synchronized (this.cache) {
			return this.cache.get(key);
		}
	}

	private SecretProtector protector(EncryptedValue value, PropertySource<?> source, String name) {
		SecretProtector protector = this.protectors.get(value.scheme());
		if (protector != null) {
			return protector;
		}
		EncryptionProtectors.Scheme scheme = EncryptionProtectors.scheme(value.scheme());
		if (scheme != null) {
			PlainProperties plain = new PlainProperties(plainSources(this.propertySources), this.prefix, this.suffix);
			protector = scheme.factory().create(plain, this.keyRings);
		}
		if (protector == null) {
			throw EncryptedPropertyException.noProtector(name, origin(source, name), value.scheme(), value.keyId(),
					(scheme != null) ? scheme.howToConfigure() : null, EncryptionProtectors.schemes());
		}
		SecretProtector existing = this.protectors.putIfAbsent(value.scheme(), protector);
		return (existing != null) ? existing : protector;
	}

	/**
	 * Whether a value shown by Actuator must be masked: its property was {@code ENC(...)}
	 * somewhere, the value is itself {@code ENC(...)}, or it equals or contains (when at least
	 * {@value #MIN_MASKED_SUBSTRING} characters long) a decrypted value, as a placeholder
	 * {@code ${...}} referring to an encrypted property would.
	 * @param name the property name
	 * @param value the value about to be shown
	 * @return whether to mask it
	 */
	boolean isSensitive(String name, Object value) {
		if (value == null) {
			return false;
		}
		if (isEncrypted(value) || (name != null && this.encryptedNames.contains(canonicalName(name)))) {
			return true;
		}
		String text = value.toString();
		List<String> plaintexts;
		synchronized (this.cache) {
			plaintexts = new ArrayList<>(this.cache.values());
		}
		for (String plaintext : plaintexts) {
			if (text.equals(plaintext) || (plaintext.length() >= MIN_MASKED_SUBSTRING && text.contains(plaintext))) {
				return true;
			}
		}
		return false;
	}

	String getPrefix() {
		return this.prefix;
	}

	String getSuffix() {
		return this.suffix;
	}

	private static String canonicalName(String name) {
		try {
			return EncryptedValues.canonicalName(name);
		}
		catch (IllegalArgumentException ex) {
			// A name without letters or digits: bind values to it as written.
			return name;
		}
	}

	private static String origin(PropertySource<?> source, String name) {
		try {
			return PropertySourceOrigin.get(source, name).toString();
		}
		catch (RuntimeException ex) {
			// An origin is a nice-to-have in a failure report: fall back to the source name.
			return "\"" + name + "\" from property source \"" + source.getName() + "\"";
		}
	}

	private String schemeOf(String raw) {
		String text = raw.strip();
		int colon = text.indexOf(':', this.prefix.length());
		if (colon < 0) {
			return null;
		}
		String scheme = text.substring(this.prefix.length(), colon);
		return (scheme.matches("[a-z][a-z0-9-]{0,31}")) ? scheme : null;
	}

	private record CacheKey(String source, String value, String boundName) {

	}

}
