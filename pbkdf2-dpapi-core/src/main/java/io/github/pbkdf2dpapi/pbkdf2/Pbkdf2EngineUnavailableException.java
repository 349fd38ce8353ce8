package io.github.pbkdf2dpapi.pbkdf2;

/**
 * Exception thrown when an optional engine cannot run here; the message says what to change and
 * holds no secret. {@link Pbkdf2Engines} turns it into a fallback.
 *
 * @author pbkdf2-dpapi
 */
final class Pbkdf2EngineUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Pbkdf2EngineSelection.Cause cause;

	Pbkdf2EngineUnavailableException(Pbkdf2EngineSelection.Cause cause, String message) {
		super(message, null, false, false);
		this.cause = cause;
	}

	Pbkdf2EngineSelection.Cause getFallbackCause() {
		return this.cause;
	}

}
