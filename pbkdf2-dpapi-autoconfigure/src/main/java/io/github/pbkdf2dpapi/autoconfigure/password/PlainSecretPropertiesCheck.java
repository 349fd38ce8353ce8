package io.github.pbkdf2dpapi.autoconfigure.password;

import io.github.pbkdf2dpapi.autoconfigure.env.WrappingPropertySource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Warns at start-up about one of the article's common mistakes: a pepper or key written as a
 * plain value in a configuration file. A value read from a file (a {@link TextResourceOrigin},
 * such as {@code application.yml}) whose raw text is neither {@code ENC(...)} nor a
 * {@code ${...}} placeholder is reported with the property name and file:line, never the value.
 * Environment variables, command-line arguments, system properties and credential files mounted
 * with {@code configtree:} are fine.
 *
 * <p>
 * A property source that wraps another (for example to decrypt {@code ENC(...)} values) is looked
 * through with {@link WrappingPropertySource#unwrap}, so the raw text is what is checked.
 */
class PlainSecretPropertiesCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(PlainSecretPropertiesCheck.class);

	/** Property names (or prefixes of maps) that hold secrets. */
	static final List<ConfigurationPropertyName> SECRETS = List.of(
			ConfigurationPropertyName.of("pbkdf2-dpapi.password.pepper.secrets"),
			ConfigurationPropertyName.of("pbkdf2-dpapi.envelope.aes-gcm.key"),
			ConfigurationPropertyName.of("pbkdf2-dpapi.audit.keys"),
			ConfigurationPropertyName.of("pbkdf2-dpapi.lockout.secret"));

	private final Environment environment;

	PlainSecretPropertiesCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		warnings(this.environment).forEach(logger::warn);
	}

	static List<String> warnings(Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return List.of();
		}
		Set<String> warnings = new LinkedHashSet<>();
		for (PropertySource<?> source : configurable.getPropertySources()) {
			PropertySource<?> raw = WrappingPropertySource.unwrap(source);
			if (raw instanceof ConfigTreePropertySource || !(raw instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				if (isSecret(name)) {
					String warning = check(enumerable, name);
					if (warning != null) {
						warnings.add(warning);
					}
				}
			}
		}
		return new ArrayList<>(warnings);
	}

	private static boolean isSecret(String name) {
		ConfigurationPropertyName adapted = ConfigurationPropertyName.adapt(name, '.');
		for (ConfigurationPropertyName secret : SECRETS) {
			if (secret.equals(adapted) || secret.isAncestorOf(adapted)) {
				return true;
			}
		}
		return false;
	}

	private static String check(EnumerablePropertySource<?> source, String name) {
		Origin origin = OriginLookup.getOrigin(source, name);
		if (!(origin instanceof TextResourceOrigin text) || text.getResource() == null) {
			return null;
		}
		Object value = source.getProperty(name);
		if (value instanceof OriginTrackedValue tracked) {
			value = tracked.getValue();
		}
		String raw = (value != null) ? value.toString().trim() : "";
		if (raw.isEmpty() || raw.startsWith("ENC(") || raw.contains("${")) {
			return null;
		}
		return "pbkdf2-dpapi: " + name + " is written as a plain value in " + origin + "; store it as ENC(...), "
				+ "in an environment variable or in a credential file (spring.config.import=configtree:...)";
	}

}
