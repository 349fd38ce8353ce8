package io.github.pbkdf2dpapi.protect;

/**
 * Encrypts and decrypts small secrets: the envelope around a password record and the payload of
 * {@code ENC(...)} configuration values.
 *
 * <p>
 * Every protected value is described by an <em>envelope tag</em>: the scheme, optionally followed
 * by {@code :} and the key id, for example {@code none}, {@code aes:k1}, {@code kr:7f3a},
 * {@code dpapi-cu}. The tag is written next to the ciphertext (in the record header), so a
 * verifier knows which key to use and can tell when a record was protected with a key that is no
 * longer current. Associated data is authenticated but not encrypted: callers pass the record
 * header or the property name so that a ciphertext cannot be moved elsewhere.
 *
 * <p>
 * Implementations are thread-safe. Every failure is a {@link ProtectorException} whose message
 * names the key id and reason, never the data.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public interface SecretProtector {

	/**
	 * The scheme of this protector, the part of an envelope tag before {@code :}.
	 * @return the scheme, e.g. {@code none}, {@code aes}, {@code kr}, {@code dpapi-cu}
	 */
	String scheme();

	/**
	 * The envelope tag under which {@link #protect(String, byte[], byte[])} protects new data now.
	 * Changes when a key ring rotates.
	 * @return the current envelope tag
	 */
	String currentEnvelope();

	/**
	 * Protects {@code plaintext} under the key named by {@code envelope}.
	 * @param envelope an envelope tag, usually {@link #currentEnvelope()}
	 * @param plaintext the data to protect
	 * @param associatedData data bound to the ciphertext (not encrypted); may be empty
	 * @return the protected data
	 * @throws ProtectorException if the key is unknown, not usable or the platform cannot protect
	 */
	byte[] protect(String envelope, byte[] plaintext, byte[] associatedData);

	/**
	 * Reverses {@link #protect(String, byte[], byte[])}.
	 * @param envelope the envelope tag stored with the ciphertext
	 * @param ciphertext the protected data
	 * @param associatedData the same associated data as given to {@code protect}
	 * @return the plaintext; the caller should clear it after use
	 * @throws ProtectorException if the data was tampered with, the key is wrong, unknown or
	 * revoked, or the platform cannot unprotect
	 */
	byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData);

	/**
	 * Whether data protected under {@code envelope} should be re-protected under
	 * {@link #currentEnvelope()}.
	 * @param envelope an envelope tag read from stored data
	 * @return {@code true} if the tag differs from the current one
	 */
	default boolean isOutdated(String envelope) {
		return !currentEnvelope().equals(envelope);
	}

}
