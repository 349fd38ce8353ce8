package io.github.pbkdf2dpapi.autoconfigure.password;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * A {@link FailureAnalyzer} that performs analysis of failures caused by an
 * {@link InvalidPbkdf2DpapiPropertyException}. It names the property and where it was set, never
 * its value.
 *
 * @author pbkdf2-dpapi
 */
class InvalidPbkdf2DpapiPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPbkdf2DpapiPropertyException> {

	private final Environment environment;

	InvalidPbkdf2DpapiPropertyFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPbkdf2DpapiPropertyException cause) {
		StringBuilder description = new StringBuilder();
		description.append("The pbkdf2-dpapi password encoder could not be configured.\n\n");
		description.append("    Property: ").append(cause.getProperty()).append('\n');
		String origin = origin(cause.getProperty());
		if (origin != null) {
			description.append("    Origin: ").append(origin).append('\n');
		}
		description.append("    Reason: ").append(cause.getReason()).append('\n');
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

	private String origin(String property) {
		if (!(this.environment instanceof ConfigurableEnvironment configurable)) {
			return null;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (source.containsProperty(property)) {
				Origin origin = OriginLookup.getOrigin(source, property);
				return (origin != null) ? origin.toString() : "\"" + source.getName() + "\"";
			}
		}
		return null;
	}

}
