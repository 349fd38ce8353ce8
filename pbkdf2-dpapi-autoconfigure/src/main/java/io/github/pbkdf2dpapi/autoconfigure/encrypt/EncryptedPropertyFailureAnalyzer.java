package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * A {@link FailureAnalyzer} that performs analysis of failures caused by an
 * {@link EncryptedPropertyException}. It names the property, its origin, the scheme, the key id
 * and the reason, never the value. Ordered first, so that it wins over Spring Boot's analysis of
 * a bind failure caused by an undecryptable value.
 *
 * @author pbkdf2-dpapi
 */
class EncryptedPropertyFailureAnalyzer extends AbstractFailureAnalyzer<EncryptedPropertyException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EncryptedPropertyException cause) {
		StringBuilder description = new StringBuilder();
		description.append(cause.isSetting() ? "ENC(...) configuration values cannot be decrypted.\n\n"
				: "An encrypted configuration value could not be decrypted.\n\n");
		description.append("    Property: ").append(cause.getProperty()).append('\n');
		if (cause.getOrigin() != null) {
			description.append("    Origin: ").append(cause.getOrigin()).append('\n');
		}
		if (cause.getScheme() != null) {
			description.append("    Scheme: ").append(cause.getScheme()).append('\n');
		}
		if (cause.getKeyId() != null) {
			description.append("    Key id: ").append(cause.getKeyId()).append('\n');
		}
		description.append("    Reason: ").append(cause.getReason()).append('\n');
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
