package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.PropertySource;

import io.github.pbkdf2dpapi.encrypt.EncryptedValue;

/**
 * The properties a protector is bootstrapped from: the property sources as they were before any
 * decryption, with relaxed names and placeholders. A property that is itself {@code ENC(...)} is
 * refused, since it would be needed to decrypt itself.
 *
 * @author pbkdf2-dpapi
 */
final class PlainProperties {

	private final Iterable<ConfigurationPropertySource> sources;

	private final PropertySourcesPlaceholdersResolver placeholders;

	private final Binder binder;

	private final String prefix;

	private final String suffix;

	PlainProperties(List<PropertySource<?>> propertySources, String prefix, String suffix) {
		this.sources = ConfigurationPropertySources.from(propertySources);
		this.placeholders = new PropertySourcesPlaceholdersResolver(propertySources);
		this.binder = new Binder(this.sources, this.placeholders);
		this.prefix = prefix;
		this.suffix = suffix;
	}

	/**
	 * The value of a property.
	 * @param name the property name, in canonical form ({@code pbkdf2-dpapi.envelope.aes-gcm.key})
	 * @return the value with placeholders resolved, or {@code null} when unset
	 * @throws EncryptedPropertyException when the value is itself encrypted
	 */
	String get(String name) {
		ConfigurationProperty property = find(name);
		if (property == null || property.getValue() == null) {
			return null;
		}
		Object value = this.placeholders.resolvePlaceholders(property.getValue());
		String text = (value != null) ? value.toString() : null;
		if (EncryptedValue.isEncrypted(text, this.prefix, this.suffix)) {
			throw EncryptedPropertyException.invalidSetting(name, origin(name), null, null,
					"this property is needed to decrypt ENC(...) values and cannot be encrypted itself",
					"Give " + name + " a plain value: an environment variable, a file mounted with "
							+ "spring.config.import=configtree:, or a systemd credential.");
		}
		return text;
	}

	/**
	 * Where a property is set.
	 * @param name the property name, in canonical form
	 * @return a description of its origin, or {@code null} when unset
	 */
	String origin(String name) {
		ConfigurationProperty property = find(name);
		if (property == null) {
			return null;
		}
		return (property.getOrigin() != null) ? property.getOrigin().toString()
				: "\"" + name + "\" from property source \"" + property.getSource() + "\"";
	}

	/**
	 * A binder over the plain properties, to bind a group of settings at once. Unlike
	 * {@link #get(String)}, it does not refuse encrypted values: check them with {@code get}.
	 * @return the binder
	 */
	Binder binder() {
		return this.binder;
	}

	private ConfigurationProperty find(String name) {
		ConfigurationPropertyName propertyName = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : this.sources) {
			ConfigurationProperty property = source.getConfigurationProperty(propertyName);
			if (property != null) {
				return property;
			}
		}
		return null;
	}

}
