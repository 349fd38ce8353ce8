package io.github.pbkdf2dpapi.protect;

import java.util.Locale;

/**
 * Exception thrown when a {@link SecretProtector} cannot protect or unprotect data. The one
 * failure type of every protector: its message names the reason and, where known, the key id or
 * envelope tag, never the data, the key or the plaintext.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class ProtectorException extends RuntimeException {

	private final Reason reason;

	private final String keyId;

	private final String detail;

	/**
	 * Create a new exception.
	 * @param reason why the operation failed
	 * @param keyId the key id or envelope tag concerned, or {@code null}
	 * @param detail a short operator-facing explanation without any secret
	 * @param cause the underlying failure, or {@code null}
	 */
	public ProtectorException(Reason reason, String keyId, String detail, Throwable cause) {
		super(message(reason, keyId, detail), cause);
		this.reason = reason;
		this.keyId = keyId;
		this.detail = detail;
	}

	/**
	 * Create a new exception without a cause.
	 * @param reason why the operation failed
	 * @param keyId the key id or envelope tag concerned, or {@code null}
	 * @param detail a short operator-facing explanation without any secret
	 */
	public ProtectorException(Reason reason, String keyId, String detail) {
		this(reason, keyId, detail, null);
	}

	private static String message(Reason reason, String keyId, String detail) {
		StringBuilder sb = new StringBuilder(reason.name().toLowerCase(Locale.ROOT).replace('_', ' '));
		if (keyId != null) {
			sb.append(" (key '").append(keyId).append("')");
		}
		if (detail != null && !detail.isEmpty()) {
			sb.append(": ").append(detail);
		}
		return sb.toString();
	}

	/**
	 * Why the operation failed.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * The key id or envelope tag concerned.
	 * @return the key id, or {@code null} when unknown
	 */
	public String getKeyId() {
		return this.keyId;
	}

	/**
	 * A new exception with the same reason, key id and message, and this one as its cause; used
	 * to report a problem found earlier (for example while loading a key ring) each time it
	 * matters, without sharing one instance between threads.
	 * @return the new exception
	 */
	ProtectorException again() {
		return new ProtectorException(this.reason, this.keyId, this.detail, this);
	}

	/**
	 * Why a protector failed.
	 */
	public enum Reason {

		/** The ciphertext is not in the expected format (truncated, wrong header or version). */
		MALFORMED,

		/** Authentication failed: the data or its associated data was changed, or the key is wrong. */
		TAMPERED_OR_WRONG_KEY,

		/** No key with the given id is known. */
		UNKNOWN_KEY,

		/** The key was revoked and must not be used any more. */
		REVOKED_KEY,

		/** The key exists but cannot protect new data (not yet active or expired). */
		KEY_NOT_ACTIVE,

		/** The protector cannot work on this platform or in this process (e.g. DPAPI off Windows). */
		UNAVAILABLE,

		/** The envelope tag names another scheme than this protector's. */
		WRONG_SCHEME,

		/** The key store itself is unusable (missing, unreadable, corrupt). */
		KEY_STORE,

		/**
		 * The master key that protects key material at rest is missing, malformed or not the one
		 * the key material was protected with.
		 */
		MASTER_KEY,

		/** A key file holding unprotected key material may be read by other users. */
		INSECURE_PERMISSIONS

	}

}
