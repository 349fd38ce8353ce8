package io.github.pbkdf2dpapi.autoconfigure.password;

/**
 * Exception thrown when a {@code pbkdf2-dpapi.*} property has a value that is invalid or unsafe.
 * Carries the property name and an action; never the value.
 *
 * @author pbkdf2-dpapi
 */
class InvalidPbkdf2DpapiPropertyException extends RuntimeException {

	private final String property;

	private final String reason;

	private final String action;

	InvalidPbkdf2DpapiPropertyException(String property, String reason, String action) {
		super("Invalid value for property '" + property + "': " + reason);
		this.property = property;
		this.reason = reason;
		this.action = action;
	}

	String getProperty() {
		return this.property;
	}

	String getReason() {
		return this.reason;
	}

	String getAction() {
		return this.action;
	}

}
