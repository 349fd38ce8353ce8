package io.github.pbkdf2dpapi.pbkdf2;

/**
 * A PBKDF2 implementation. Every engine gives the same bytes as {@link Pbkdf2#derive} for the same
 * input; engines differ in speed only. Implementations are stateless and thread-safe.
 *
 * <p>
 * {@link #java()} is the pure-Java engine and the default. {@link Pbkdf2Engines#openSsl} selects
 * OpenSSL's SHA-2 block functions through the FFM API on Java 22+, falling back to the Java
 * engine where that is not possible. Every engine runs HMAC-SHA1 (legacy records only) on the
 * Java engine.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public interface Pbkdf2Engine {

	/**
	 * Derives {@code length} bytes, with the contract of {@link Pbkdf2#derive}.
	 * @param prf the pseudo-random function
	 * @param password the password bytes (may be empty, any length)
	 * @param salt the salt (may be empty, any length)
	 * @param iterations the iteration count, at least 1
	 * @param length the output length in bytes, at least 1
	 * @return the derived key
	 * @throws IllegalArgumentException for a null argument, {@code iterations < 1} or
	 * {@code length < 1}
	 */
	byte[] derive(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length);

	/**
	 * The engine's name, as in {@code pbkdf2-dpapi.password.engine}.
	 * @return {@code java} or {@code openssl}
	 */
	String name();

	/**
	 * The pure-Java engine, {@link Pbkdf2#derive}.
	 * @return the Java engine
	 */
	static Pbkdf2Engine java() {
		return JavaPbkdf2Engine.INSTANCE;
	}

}
