package io.github.pbkdf2dpapi.protect;

import java.nio.file.Path;

import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;

/**
 * The catalogue of {@link ProtectorException}s thrown by the DPAPI and key ring protectors. Each
 * factory takes ids, paths and names, never data or keys, and its message tells an operator what
 * to do next. Tests compare messages against these factories.
 *
 * @author pbkdf2-dpapi
 */
final class ProtectorErrors {

	/** Windows {@code ERROR_FILE_NOT_FOUND}. */
	static final int ERROR_FILE_NOT_FOUND = 2;

	/** Windows {@code ERROR_ACCESS_DENIED}. */
	static final int ERROR_ACCESS_DENIED = 5;

	/** Windows {@code ERROR_INVALID_DATA}: wrong entropy or changed data. */
	static final int ERROR_INVALID_DATA = 13;

	/** {@code NTE_BAD_DATA}: a corrupt blob. */
	static final int NTE_BAD_DATA = 0x80090005;

	/** {@code NTE_BAD_KEY_STATE}: another user or another machine. */
	static final int NTE_BAD_KEY_STATE = 0x8009000B;

	private ProtectorErrors() {
	}

	// DPAPI

	static ProtectorException dpapiUnavailable(String reason) {
		return new ProtectorException(Reason.UNAVAILABLE, null, "DPAPI cannot be used: " + reason
				+ "; on this system use the key ring instead (pbkdf2-dpapi.envelope.protector=keyring)");
	}

	static ProtectorException dpapiLinkageFailed(String envelope, LinkageError cause) {
		return new ProtectorException(Reason.UNAVAILABLE, envelope,
				"the native DPAPI call could not be linked (" + cause.getClass().getSimpleName()
						+ "); check that jna and jna-platform are on the class path, or use the key ring (keyring)",
				cause);
	}

	static ProtectorException dpapiWrongScheme(String envelope, DpapiScope scope) {
		return new ProtectorException(Reason.WRONG_SCHEME, envelope,
				"this DPAPI protector protects with '" + scope.envelope() + "' and opens 'dpapi', 'dpapi-cu' or 'dpapi-lm'");
	}

	static ProtectorException dpapiNotABlob(String envelope) {
		return new ProtectorException(Reason.MALFORMED, envelope,
				"the data is not a DPAPI blob (its header is wrong or it is cut short)");
	}

	static ProtectorException dpapiFailed(String envelope, int errorCode, boolean protecting) {
		String code = String.format("0x%08X", errorCode);
		switch (errorCode) {
			case ERROR_INVALID_DATA:
				return new ProtectorException(Reason.TAMPERED_OR_WRONG_KEY, envelope,
						"DPAPI rejected the data (ERROR_INVALID_DATA): it was changed, or its entropy or associated data "
								+ "differ from those used to protect it (another record or property, or another "
								+ "pbkdf2-dpapi.envelope.dpapi.entropy)");
			case NTE_BAD_KEY_STATE:
				return new ProtectorException(Reason.TAMPERED_OR_WRONG_KEY, envelope,
						"DPAPI key not valid here (NTE_BAD_KEY_STATE): the data was protected by another Windows user "
								+ "or on another machine; DPAPI keys are bound to one user (dpapi-cu) or one machine (dpapi-lm)");
			case NTE_BAD_DATA:
				return new ProtectorException(Reason.MALFORMED, envelope,
						"the DPAPI blob is corrupt (NTE_BAD_DATA)");
			case ERROR_FILE_NOT_FOUND:
				return new ProtectorException(Reason.UNAVAILABLE, envelope,
						"DPAPI cannot find the master key of this user (ERROR_FILE_NOT_FOUND): the account's profile "
								+ "is not loaded; for a service account load its profile or use the local machine scope");
			case ERROR_ACCESS_DENIED:
				return new ProtectorException(Reason.UNAVAILABLE, envelope,
						"DPAPI denied access (ERROR_ACCESS_DENIED) to the account's master key");
			default:
				return new ProtectorException(protecting ? Reason.UNAVAILABLE : Reason.TAMPERED_OR_WRONG_KEY, envelope,
						"DPAPI failed with Windows error " + code);
		}
	}

	// Key ring: the directory

	static ProtectorException keyRingMissing(Path directory) {
		return new ProtectorException(Reason.KEY_STORE, null, "the key ring directory " + directory
				+ " does not exist; create the key ring with: " + initCommand(directory));
	}

	static ProtectorException keyRingNotADirectory(Path directory) {
		return new ProtectorException(Reason.KEY_STORE, null,
				"the key ring location " + directory + " is not a directory");
	}

	static ProtectorException keyRingUnreadable(Path directory, Exception cause) {
		return new ProtectorException(Reason.KEY_STORE, null,
				"the key ring directory " + directory + " cannot be read (" + cause.getClass().getSimpleName() + ")",
				cause);
	}

	static ProtectorException keyRingEmpty(Path directory) {
		return new ProtectorException(Reason.KEY_STORE, null, "the key ring at " + directory
				+ " has no keys; create the first key with: " + initCommand(directory));
	}

	static ProtectorException keyRingAlreadyExists(Path directory) {
		return new ProtectorException(Reason.KEY_STORE, null, "the key ring at " + directory
				+ " already has keys; add a key with: pbkdf2-dpapi keyring rotate --dir " + directory);
	}

	static ProtectorException keyRingNoUsableKey(Path directory, int problems, String firstProblem) {
		String detail = "the key ring at " + directory + " has no usable key";
		if (problems > 0) {
			detail += "; " + problems + " key file(s) cannot be used, the first: " + firstProblem;
		}
		else {
			detail += " (all keys are revoked); add one with: pbkdf2-dpapi keyring rotate --dir " + directory;
		}
		return new ProtectorException(Reason.KEY_STORE, null, detail);
	}

	static ProtectorException keyRingIncomplete(Path directory, int problems, String firstProblem) {
		return new ProtectorException(Reason.KEY_STORE, null, "the key ring at " + directory + " has " + problems
				+ " key file(s) that cannot be used; fix them first, the first: " + firstProblem);
	}

	static ProtectorException keyRingWriteFailed(Path file, Exception cause) {
		return new ProtectorException(Reason.KEY_STORE, null,
				"cannot write key file " + file + " (" + cause.getClass().getSimpleName() + ")", cause);
	}

	// Key ring: one key file

	static ProtectorException keyFileInvalid(String keyId, Path file, String detail) {
		return new ProtectorException(Reason.KEY_STORE, keyId, "key file " + file + " is unusable: " + detail);
	}

	static ProtectorException keyFileTampered(String keyId, Path file) {
		return new ProtectorException(Reason.KEY_STORE, keyId, "key file " + file
				+ " was changed after it was written (a date or the revoked field edited by hand, or the key material "
				+ "corrupted); restore it from a backup");
	}

	static ProtectorException wrongMasterKey(String keyId, String fileFingerprint, String configuredFingerprint,
			String source) {
		return new ProtectorException(Reason.MASTER_KEY, keyId,
				"the key material was protected with master key '" + fileFingerprint
						+ "', but the configured master key (" + source + ") is '" + configuredFingerprint
						+ "'; configure the master key the ring was written with, or re-protect the ring with: "
						+ "pbkdf2-dpapi keyring rewrap");
	}

	static ProtectorException protectionMismatch(String keyId, String fileProtection, String source) {
		return new ProtectorException(Reason.MASTER_KEY, keyId, "the key material is protected by '" + fileProtection
				+ "', but the key ring is configured with " + source
				+ "; configure the same protection on every node, or re-protect the ring with: pbkdf2-dpapi keyring rewrap");
	}

	static ProtectorException plainNotEnabled(String keyId, Path file) {
		return new ProtectorException(Reason.MASTER_KEY, keyId, "key file " + file
				+ " stores its key material unprotected (plain), which is refused unless plain storage is explicitly "
				+ "enabled (master-key source 'plain')");
	}

	static ProtectorException insecurePermissions(Path file) {
		return new ProtectorException(Reason.INSECURE_PERMISSIONS, null, file
				+ " holds unprotected key material and can be read by group or others; restrict it with: chmod 600 "
				+ file);
	}

	// Key ring: master key sources

	static ProtectorException masterKeyMissing(String source, String action) {
		return new ProtectorException(Reason.MASTER_KEY, null, "no master key in " + source + "; " + action);
	}

	static ProtectorException masterKeyUnreadable(String source, Exception cause) {
		return new ProtectorException(Reason.MASTER_KEY, null,
				"the master key in " + source + " cannot be read (" + cause.getClass().getSimpleName() + ")", cause);
	}

	static ProtectorException masterKeyMalformed(String source, int length) {
		return new ProtectorException(Reason.MASTER_KEY, null, "the master key in " + source + " is not "
				+ AesGcmCiphertext.KEY_LENGTH + " bytes (raw, Base64 or hex; " + length
				+ " bytes read); generate one with: openssl rand -base64 32");
	}

	// Key ring: using keys

	static ProtectorException keyRingWrongScheme(String envelope) {
		return new ProtectorException(Reason.WRONG_SCHEME, envelope, "expected scheme '" + KeyRingProtector.SCHEME
				+ "' (key ring)");
	}

	static ProtectorException unknownKey(String keyId, Path directory) {
		return new ProtectorException(Reason.UNKNOWN_KEY, keyId, "no such key in the key ring at " + directory
				+ " (deleted, or written by another ring); restore the key file from a backup");
	}

	static ProtectorException revokedKey(String keyId) {
		return new ProtectorException(Reason.REVOKED_KEY, keyId,
				"the key was revoked; data protected with it is treated as tampered with");
	}

	static ProtectorException envelopeKeyMismatch(String envelopeKeyId, String ciphertextKeyId) {
		return new ProtectorException(Reason.TAMPERED_OR_WRONG_KEY, ciphertextKeyId,
				"the envelope names key '" + envelopeKeyId + "' but the ciphertext was made with another key");
	}

	private static String initCommand(Path directory) {
		return "pbkdf2-dpapi keyring init --dir " + directory;
	}

}
