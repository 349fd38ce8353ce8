package io.github.pbkdf2dpapi.protect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link SecretProtector} over the Windows Data Protection API ({@code CryptProtectData} /
 * {@code CryptUnprotectData} through jna-platform's {@code Crypt32Util}). Envelope tags
 * {@code dpapi-cu} (current user) and {@code dpapi-lm} (local machine); {@code ENC(...)} values
 * use the bare scheme {@code dpapi}, since a DPAPI blob records its own scope.
 *
 * <h2>Entropy</h2> DPAPI's optional entropy is built as
 * <pre>
 * ASCII("pbkdf2-dpapi/dpapi-entropy/v1")
 *   || uint32be(len(configured entropy)) || configured entropy
 *   || uint32be(len(associated data))    || associated data
 * </pre>
 * so a blob opens only with the same configured entropy and the same associated data (the record
 * header or property name): it cannot be moved to another record or property. The flags always
 * include {@code CRYPTPROTECT_UI_FORBIDDEN}.
 *
 * <h2>Availability</h2> Loading this class never fails: where Windows or JNA is absent,
 * {@link #isAvailable()} is {@code false} and every operation throws a
 * {@link ProtectorException} with reason {@code UNAVAILABLE} that names the key ring as the
 * alternative. Every Windows error becomes a {@code ProtectorException} without data.
 *
 * <p>
 * DPAPI keys are bound to one Windows user or one machine: see {@code docs/KEYS.md} before using
 * this protector on several servers, under a service account, or with backups.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class DpapiProtector implements SecretProtector {

	/** The scheme used by {@code ENC(dpapi:...)} values, valid in either scope. */
	public static final String SCHEME = "dpapi";

	private static final byte[] ENTROPY_LABEL = "pbkdf2-dpapi/dpapi-entropy/v1".getBytes(StandardCharsets.US_ASCII);

	/** DPAPI blob header: version 1, then the provider GUID {df9d8cd0-1501-11d1-8c7a-00c04fc297eb}. */
	private static final byte[] BLOB_HEADER = { 0x01, 0x00, 0x00, 0x00, (byte) 0xD0, (byte) 0x8C, (byte) 0x9D,
			(byte) 0xDF, 0x01, 0x15, (byte) 0xD1, 0x11, (byte) 0x8C, 0x7A, 0x00, (byte) 0xC0, 0x4F, (byte) 0xC2,
			(byte) 0x97, (byte) 0xEB };

	private final DpapiScope scope;

	private final byte[] entropy;

	private final DpapiNative dpapi;

	DpapiProtector(DpapiScope scope, byte[] entropy, DpapiNative dpapi) {
		if (scope == null) {
			throw new IllegalArgumentException("'scope' must not be null");
		}
		this.scope = scope;
		this.entropy = (entropy != null) ? entropy.clone() : new byte[0];
		this.dpapi = dpapi;
	}

	/**
	 * Create a DPAPI protector. Never fails: check {@link #isAvailable()}.
	 * @param scope current user or local machine
	 * @param entropy additional entropy from configuration, or {@code null} (copied)
	 * @return the protector
	 */
	public static DpapiProtector create(DpapiScope scope, byte[] entropy) {
		return new DpapiProtector(scope, entropy, DpapiNative.system());
	}

	/**
	 * Whether DPAPI can be used in this process (Windows with JNA on the class path).
	 * @return whether DPAPI is available
	 */
	public static boolean isSupported() {
		return DpapiNative.system().unavailableReason() == null;
	}

	/**
	 * Whether this protector can work.
	 * @return whether DPAPI is available
	 */
	public boolean isAvailable() {
		return this.dpapi.unavailableReason() == null;
	}

	/**
	 * Why this protector cannot work, naming the alternative.
	 * @return the message, or {@code null} when available
	 */
	public String unavailableMessage() {
		String reason = this.dpapi.unavailableReason();
		return (reason != null) ? ProtectorErrors.dpapiUnavailable(reason).getMessage() : null;
	}

	/**
	 * The scope of new protections.
	 * @return the scope
	 */
	public DpapiScope getScope() {
		return this.scope;
	}

	@Override
	public String scheme() {
		return this.scope.envelope();
	}

	@Override
	public String currentEnvelope() {
		return this.scope.envelope();
	}

	@Override
	public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
		if (!SCHEME.equals(envelope) && !this.scope.envelope().equals(envelope)) {
			throw ProtectorErrors.dpapiWrongScheme(envelope, this.scope);
		}
		checkAvailable();
		int flags = DpapiNative.CRYPTPROTECT_UI_FORBIDDEN
				| ((this.scope == DpapiScope.LOCAL_MACHINE) ? DpapiNative.CRYPTPROTECT_LOCAL_MACHINE : 0);
		try {
			return this.dpapi.protect(plaintext, entropy(this.entropy, associatedData), flags);
		}
		catch (DpapiNative.Failure ex) {
			throw ProtectorErrors.dpapiFailed(envelope, ex.errorCode(), true);
		}
		catch (LinkageError ex) {
			throw ProtectorErrors.dpapiLinkageFailed(envelope, ex);
		}
	}

	@Override
	public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
		if (!SCHEME.equals(envelope) && DpapiScope.ofEnvelope(envelope) == null) {
			throw ProtectorErrors.dpapiWrongScheme(envelope, this.scope);
		}
		if (!isDpapiBlob(ciphertext)) {
			throw ProtectorErrors.dpapiNotABlob(envelope);
		}
		checkAvailable();
		try {
			return this.dpapi.unprotect(ciphertext, entropy(this.entropy, associatedData),
					DpapiNative.CRYPTPROTECT_UI_FORBIDDEN);
		}
		catch (DpapiNative.Failure ex) {
			throw ProtectorErrors.dpapiFailed(envelope, ex.errorCode(), false);
		}
		catch (LinkageError ex) {
			throw ProtectorErrors.dpapiLinkageFailed(envelope, ex);
		}
	}

	/**
	 * Data protected under any DPAPI tag of either scope is current only under this protector's
	 * tag.
	 */
	@Override
	public boolean isOutdated(String envelope) {
		return !this.scope.envelope().equals(envelope);
	}

	private void checkAvailable() {
		String reason = this.dpapi.unavailableReason();
		if (reason != null) {
			throw ProtectorErrors.dpapiUnavailable(reason);
		}
	}

	/**
	 * Whether {@code data} starts like a DPAPI blob (version 1 and the DPAPI provider GUID). A
	 * cheap check made before the native call, so that garbage gets a clear message.
	 * @param data the data
	 * @return whether it looks like a DPAPI blob
	 */
	public static boolean isDpapiBlob(byte[] data) {
		if (data == null || data.length <= BLOB_HEADER.length) {
			return false;
		}
		for (int i = 0; i < BLOB_HEADER.length; i++) {
			if (data[i] != BLOB_HEADER[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The DPAPI optional entropy: a fixed label, then the configured entropy and the associated
	 * data, each prefixed by its length so that no two different pairs give the same bytes.
	 */
	static byte[] entropy(byte[] configured, byte[] associatedData) {
		byte[] aad = (associatedData != null) ? associatedData : new byte[0];
		ByteArrayOutputStream out = new ByteArrayOutputStream(ENTROPY_LABEL.length + 8 + configured.length + aad.length);
		out.writeBytes(ENTROPY_LABEL);
		writeLength(out, configured.length);
		out.writeBytes(configured);
		writeLength(out, aad.length);
		out.writeBytes(aad);
		return out.toByteArray();
	}

	private static void writeLength(ByteArrayOutputStream out, int length) {
		out.write(length >>> 24);
		out.write(length >>> 16);
		out.write(length >>> 8);
		out.write(length);
	}

	@Override
	public String toString() {
		return "DpapiProtector[scope=" + this.scope + ", entropy=" + ((this.entropy.length > 0) ? "set" : "none")
				+ ", available=" + isAvailable() + "]";
	}

}
