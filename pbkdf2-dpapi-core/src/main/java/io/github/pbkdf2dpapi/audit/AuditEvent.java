package io.github.pbkdf2dpapi.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * Something to write into the audit trail: a type such as {@code AUTHENTICATION_FAILURE}, the
 * principal concerned and a few details. Never put a password, hash, salt, pepper, key or
 * decrypted value into an event.
 *
 * @param type the event type: 1 to 64 characters, upper case letters, digits and {@code _}
 * @param principal the username concerned, or {@code null}
 * @param details further values by name, sorted; not {@code null}
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record AuditEvent(String type, String principal, Map<String, String> details) {

	/** Successful login. */
	public static final String AUTHENTICATION_SUCCESS = "AUTHENTICATION_SUCCESS";

	/** Failed login (wrong password, unknown user, refused before hashing). */
	public static final String AUTHENTICATION_FAILURE = "AUTHENTICATION_FAILURE";

	/** An account locked by failed logins. */
	public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

	/** A lock lifted by an administrator. */
	public static final String ACCOUNT_UNLOCKED = "ACCOUNT_UNLOCKED";

	/** A stored password re-hashed with the current parameters. */
	public static final String PASSWORD_UPGRADED = "PASSWORD_UPGRADED";

	/** A new envelope or pepper key made current. */
	public static final String KEY_ROTATED = "KEY_ROTATED";

	/**
	 * Create an event.
	 * @param type the event type
	 * @param principal the principal, or {@code null}
	 * @param details the details, or {@code null} for none
	 */
	public AuditEvent {
		if (type == null || !type.matches("[A-Z0-9_]{1,64}")) {
			throw new IllegalArgumentException("Audit event type must be 1 to 64 of A-Z, 0-9 and '_'");
		}
		details = (details != null) ? java.util.Collections.unmodifiableMap(new TreeMap<>(details)) : Map.of();
	}

}
