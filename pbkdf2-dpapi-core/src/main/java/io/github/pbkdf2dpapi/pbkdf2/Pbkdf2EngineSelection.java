package io.github.pbkdf2dpapi.pbkdf2;

/**
 * The outcome of asking for an engine: the engine to use and, when the requested one cannot run
 * here, why the Java engine is used instead. Immutable; the reason names settings, versions and
 * library paths, never a secret.
 *
 * @param requested the name of the engine asked for ({@code java} or {@code openssl})
 * @param engine the engine to use
 * @param fallback why {@code engine} is not the requested one, or {@code null} when it is
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record Pbkdf2EngineSelection(String requested, Pbkdf2Engine engine, Fallback fallback) {

	/**
	 * Validates the components.
	 * @param requested the name of the engine asked for
	 * @param engine the engine to use
	 * @param fallback the fallback, or {@code null}
	 */
	public Pbkdf2EngineSelection {
		if (requested == null || engine == null) {
			throw new IllegalArgumentException("'requested' and 'engine' must not be null");
		}
	}

	/**
	 * Whether the requested engine could not be used.
	 * @return {@code true} when {@link #engine()} is the Java engine in place of another
	 */
	public boolean isFallback() {
		return this.fallback != null;
	}

	/**
	 * Why an engine fell back to the Java engine.
	 *
	 * @param cause the kind of problem
	 * @param message what is wrong and what to change
	 */
	public record Fallback(Cause cause, String message) {

		/**
		 * Whether this is a fault (log at ERROR) rather than a missing prerequisite (WARN).
		 * @return {@code true} for {@link Cause#CROSS_CHECK_FAILED} and {@link Cause#FAILED}
		 */
		public boolean isError() {
			return this.cause == Cause.CROSS_CHECK_FAILED || this.cause == Cause.FAILED;
		}

	}

	/**
	 * The kinds of fallback.
	 */
	public enum Cause {

		/** The JVM is older than the engine needs (the OpenSSL engine needs Java 22+). */
		JAVA_VERSION,

		/** The engine's class is not in this build (or not loaded from the multi-release JAR). */
		NOT_IN_BUILD,

		/** Native access is not enabled for the module ({@code --enable-native-access}). */
		NATIVE_ACCESS_DISABLED,

		/** The native library was not found. */
		LIBRARY_NOT_FOUND,

		/** The library lacks a function the engine needs. */
		SYMBOL_MISSING,

		/** The engine gave a wrong result for a known vector or disagreed with the Java engine. */
		CROSS_CHECK_FAILED,

		/** The engine failed to start for another reason. */
		FAILED

	}

}
