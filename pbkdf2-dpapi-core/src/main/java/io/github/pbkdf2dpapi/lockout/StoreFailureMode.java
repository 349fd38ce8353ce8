package io.github.pbkdf2dpapi.lockout;

/**
 * What a check does when the {@link LockoutStore} cannot be read.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public enum StoreFailureMode {

	/** Fail closed: refuse the login with the generic failure (the default for accounts). */
	DENY,

	/** Fail open: let the login proceed to the password check. */
	ALLOW

}
