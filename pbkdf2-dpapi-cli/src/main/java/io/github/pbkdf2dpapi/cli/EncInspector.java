package io.github.pbkdf2dpapi.cli;

import java.util.HashMap;
import java.util.Map;

import io.github.pbkdf2dpapi.encrypt.EncryptedValue;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.DpapiProtector;
import io.github.pbkdf2dpapi.protect.DpapiScope;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * Checks {@code ENC(...)} values found in files: parses each, decrypts it under its property
 * name with the protector of its scheme, tells whether its key is the current one, and
 * re-encrypts it under the current key when asked. Protectors are opened once per scheme, when
 * the first value of that scheme is met; a protector that cannot be opened fails every value of
 * its scheme with the same reason. Plaintext never leaves this class.
 *
 * @author pbkdf2-dpapi
 */
final class EncInspector {

	private final KeyRingLocation location;

	private final CliEnvironment env;

	private final boolean dpapiScopeGiven;

	private final Map<String, SecretProtector> protectors = new HashMap<>();

	private final Map<String, RuntimeException> failures = new HashMap<>();

	/**
	 * Create a new inspector.
	 * @param location the key ring and DPAPI options
	 * @param env the environment
	 * @param dpapiScopeGiven whether {@code --dpapi-scope} was given: only then is a DPAPI value
	 * of the other scope outdated (DPAPI rotates its own keys, so the scope is all that can be)
	 */
	EncInspector(KeyRingLocation location, CliEnvironment env, boolean dpapiScopeGiven) {
		this.location = location;
		this.env = env;
		this.dpapiScopeGiven = dpapiScopeGiven;
	}

	/**
	 * Checks a value, and re-encrypts it under the current key if asked and it is outdated.
	 * @param entry the value
	 * @param reencrypt whether to re-encrypt an outdated value
	 * @return the result
	 */
	Inspection inspect(EncEntry entry, boolean reencrypt) {
		EncryptedValue value;
		try {
			value = EncryptedValue.parse(entry.token(), EncryptedValues.DEFAULT_PREFIX, EncryptedValues.DEFAULT_SUFFIX);
		}
		catch (ProtectorException ex) {
			return new Inspection(entry, null, Status.ERROR, ex.getMessage(), null, null);
		}
		try {
			SecretProtector protector = protector(value);
			String plaintext = EncryptedValues.decrypt(protector, value, entry.name());
			if (!protector.isOutdated(value.envelope())) {
				return new Inspection(entry, value, Status.CURRENT, null, null, null);
			}
			String replacement = null;
			if (reencrypt) {
				if (!entry.isInPlace()) {
					return new Inspection(entry, value, Status.ERROR, "the value is escaped or spread over several "
							+ "lines and cannot be replaced in place; re-create it with protect", null, null);
				}
				replacement = EncryptedValues.encrypt(protector, plaintext, value.isBound() ? entry.name() : null);
			}
			return new Inspection(entry, value, Status.OUTDATED, null, protector.currentEnvelope(), replacement);
		}
		catch (ProtectorException | CliException ex) {
			return new Inspection(entry, value, Status.ERROR, ex.getMessage(), null, null);
		}
	}

	private SecretProtector protector(EncryptedValue value) {
		String scheme = value.scheme();
		if (DpapiProtector.SCHEME.equals(scheme) && !this.dpapiScopeGiven) {
			DpapiScope scope = DpapiScope.ofEnvelope(value.envelope());
			return DpapiProtector.create((scope != null) ? scope : this.location.scope(), this.location.entropy());
		}
		RuntimeException failure = this.failures.get(scheme);
		if (failure != null) {
			throw failure;
		}
		SecretProtector protector = this.protectors.get(scheme);
		if (protector == null) {
			try {
				protector = ProtectCommand.protectorForScheme(scheme, this.location, this.env);
			}
			catch (ProtectorException | CliException ex) {
				this.failures.put(scheme, ex);
				throw ex;
			}
			this.protectors.put(scheme, protector);
		}
		return protector;
	}

	/**
	 * Where a value stands.
	 */
	enum Status {

		/** Decrypts, and under the current key. */
		CURRENT,

		/** Decrypts, under a key that is no longer the current one. */
		OUTDATED,

		/** Does not decrypt (or cannot be re-encrypted); the reason says why. */
		ERROR

	}

	/**
	 * The result of checking one value: never the plaintext.
	 */
	static final class Inspection {

		final EncEntry entry;

		final EncryptedValue value;

		final Status status;

		final String reason;

		final String currentEnvelope;

		final String replacement;

		Inspection(EncEntry entry, EncryptedValue value, Status status, String reason, String currentEnvelope,
				String replacement) {
			this.entry = entry;
			this.value = value;
			this.status = status;
			this.reason = reason;
			this.currentEnvelope = currentEnvelope;
			this.replacement = replacement;
		}

		/** The scheme, or {@code -} when the value does not parse. */
		String scheme() {
			return (this.value != null) ? this.value.scheme() : "-";
		}

		/** The key id, the envelope tag when it names none (DPAPI), or {@code -}. */
		String key() {
			return (this.value == null) ? "-" : keyOf(this.value.envelope());
		}

		/** Whether the value is bound to its property name: {@code yes}, {@code no} or {@code -}. */
		String bound() {
			return (this.value == null) ? "-" : (this.value.isBound() ? "yes" : "no");
		}

		static String keyOf(String envelope) {
			int colon = envelope.indexOf(':');
			return (colon >= 0) ? envelope.substring(colon + 1) : envelope;
		}

	}

}
