package io.github.pbkdf2dpapi.protect;

/**
 * The scope of a DPAPI protection: which Windows secret the data is bound to.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public enum DpapiScope {

	/**
	 * Bound to the Windows user account running the process. Only that user (on any machine
	 * where the profile roams, with its password) can unprotect. Service accounts need a loaded
	 * user profile.
	 */
	CURRENT_USER("dpapi-cu"),

	/**
	 * Bound to the machine ({@code CRYPTPROTECT_LOCAL_MACHINE}). Any process on this machine can
	 * unprotect; no other machine can.
	 */
	LOCAL_MACHINE("dpapi-lm");

	private final String envelope;

	DpapiScope(String envelope) {
		this.envelope = envelope;
	}

	/**
	 * The envelope tag of data protected in this scope.
	 * @return {@code dpapi-cu} or {@code dpapi-lm}
	 */
	public String envelope() {
		return this.envelope;
	}

	/**
	 * The scope named by an envelope tag.
	 * @param envelope {@code dpapi-cu} or {@code dpapi-lm}
	 * @return the scope, or {@code null} if the tag names none
	 */
	public static DpapiScope ofEnvelope(String envelope) {
		for (DpapiScope scope : values()) {
			if (scope.envelope.equals(envelope)) {
				return scope;
			}
		}
		return null;
	}

}
