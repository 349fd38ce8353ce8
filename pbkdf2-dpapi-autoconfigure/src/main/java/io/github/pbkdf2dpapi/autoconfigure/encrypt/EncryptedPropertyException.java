package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import io.github.pbkdf2dpapi.protect.ProtectorException;

/**
 * Exception thrown when an {@code ENC(...)} configuration value cannot be decrypted, or when the
 * settings that decryption needs are invalid. Carries the property name, its origin, the scheme,
 * the key id, a reason and an action; never the value, encrypted or not.
 *
 * @author pbkdf2-dpapi
 */
class EncryptedPropertyException extends RuntimeException {

	private static final String CLI_HINT = "Re-create the value with 'pbkdf2-dpapi-cli protect'";

	private final String property;

	private final String origin;

	private final String scheme;

	private final String keyId;

	private final String reason;

	private final String action;

	private final boolean setting;

	private EncryptedPropertyException(boolean setting, String property, String origin, String scheme, String keyId,
			String reason, String action, Throwable cause) {
		super(((setting) ? "Invalid setting for ENC(...) decryption '" : "Cannot decrypt property '") + property + "'"
				+ ((origin != null) ? " (" + origin + ")" : "") + ": " + reason, cause);
		this.setting = setting;
		this.property = property;
		this.origin = origin;
		this.scheme = scheme;
		this.keyId = keyId;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * A value that the protector refused.
	 * @param property the property name as read
	 * @param origin where the property is set
	 * @param scheme the scheme of the value, or {@code null} when it could not be read
	 * @param keyId the key id the value names, or {@code null}
	 * @param cause the protector's failure, whose message names no data
	 * @return the exception
	 */
	static EncryptedPropertyException cannotDecrypt(String property, String origin, String scheme, String keyId,
			ProtectorException cause) {
		String keyIdOrCause = (keyId != null) ? keyId : cause.getKeyId();
		return new EncryptedPropertyException(false, property, origin, scheme, keyIdOrCause, cause.getMessage(),
				action(cause, scheme, keyIdOrCause), cause);
	}

	/**
	 * A value whose scheme has no protector.
	 * @param property the property name as read
	 * @param origin where the property is set
	 * @param scheme the scheme of the value
	 * @param keyId the key id the value names, or {@code null}
	 * @param howTo how to configure the scheme, or {@code null} for an unknown scheme
	 * @param knownSchemes the schemes this application knows
	 * @return the exception
	 */
	static EncryptedPropertyException noProtector(String property, String origin, String scheme, String keyId,
			String howTo, Iterable<String> knownSchemes) {
		if (howTo == null) {
			return new EncryptedPropertyException(false, property, origin, scheme, keyId,
					"unknown scheme '" + scheme + "'",
					"Use one of the schemes " + String.join(", ", knownSchemes) + ". " + CLI_HINT
							+ " or, if the value is not meant to be encrypted, change pbkdf2-dpapi.encrypt.prefix.",
					null);
		}
		return new EncryptedPropertyException(false, property, origin, scheme, keyId,
				"no protector is configured for scheme '" + scheme + "'",
				"To decrypt '" + scheme + "' values, " + howTo + " (plain values, not ENC(...)).", null);
	}

	/**
	 * A setting of the decryption itself that is invalid.
	 * @param property the setting
	 * @param origin where it is set
	 * @param scheme the scheme it configures, or {@code null}
	 * @param keyId the key id concerned, or {@code null}
	 * @param reason what is wrong, without the value
	 * @param action what to do
	 * @return the exception
	 */
	static EncryptedPropertyException invalidSetting(String property, String origin, String scheme, String keyId,
			String reason, String action) {
		return new EncryptedPropertyException(true, property, origin, scheme, keyId, reason, action, null);
	}

	private static String action(ProtectorException cause, String scheme, String keyId) {
		String key = (keyId != null) ? "key '" + keyId + "'" : "the key";
		return switch (cause.getReason()) {
			case TAMPERED_OR_WRONG_KEY -> "Check that " + key + " configured for scheme '" + scheme
					+ "' is the one that encrypted the value, that the value was not edited, and that a value bound to "
					+ "a property name (protect --bind-to) is used under that name only. " + CLI_HINT + " if needed.";
			case UNKNOWN_KEY -> "Add " + key + " to the protector of scheme '" + scheme
					+ "' (keep old keys until every value is re-encrypted), or re-create the value with "
					+ "'pbkdf2-dpapi-cli protect' under the current key.";
			case REVOKED_KEY -> key.substring(0, 1).toUpperCase() + key.substring(1)
					+ " was revoked: treat the value as compromised, change the secret and encrypt the new one.";
			case KEY_NOT_ACTIVE -> "Check the activation and expiry dates of " + key + ".";
			case UNAVAILABLE -> "The protector of scheme '" + scheme + "' cannot work here (DPAPI values only decrypt "
					+ "on Windows, for the user or machine that encrypted them). Re-encrypt the value for the key "
					+ "ring to share it between machines.";
			case KEY_STORE -> "Check that the key store of scheme '" + scheme
					+ "' exists, is readable by this process and is not corrupt.";
			case WRONG_SCHEME -> "Check the scheme written before ':' in the value. " + CLI_HINT + ".";
			case MALFORMED -> "The value has the form ENC(<scheme>:<data>) but its data is not valid. " + CLI_HINT
					+ " or, if the value is not meant to be encrypted, change pbkdf2-dpapi.encrypt.prefix and "
					+ "pbkdf2-dpapi.encrypt.suffix.";
			// Reasons added by protectors later (master key, permissions...): their message says it all.
			default -> "Fix the protector of scheme '" + scheme + "' as the reason says, or " + CLI_HINT.substring(0, 1)
				.toLowerCase() + CLI_HINT.substring(1) + " under a key this application holds.";
		};
	}

	boolean isSetting() {
		return this.setting;
	}

	String getProperty() {
		return this.property;
	}

	String getOrigin() {
		return this.origin;
	}

	String getScheme() {
		return this.scheme;
	}

	String getKeyId() {
		return this.keyId;
	}

	String getReason() {
		return this.reason;
	}

	String getAction() {
		return this.action;
	}

}
