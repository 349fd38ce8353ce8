package io.github.pbkdf2dpapi.protect;

/**
 * The seam between {@link DpapiProtector} and the native Windows API. The only implementation
 * that touches JNA is {@link JnaDpapiNative}; tests use a fake. Nothing here refers to a JNA
 * type, so this interface and {@code DpapiProtector} load where JNA is absent.
 *
 * @author pbkdf2-dpapi
 */
interface DpapiNative {

	/** {@code CRYPTPROTECT_UI_FORBIDDEN}: never show a prompt; a server has nobody to answer it. */
	int CRYPTPROTECT_UI_FORBIDDEN = 0x1;

	/** {@code CRYPTPROTECT_LOCAL_MACHINE}: bind to the machine instead of the user. */
	int CRYPTPROTECT_LOCAL_MACHINE = 0x4;

	/**
	 * Why DPAPI cannot be used here.
	 * @return the reason, or {@code null} if DPAPI is available
	 */
	String unavailableReason();

	/**
	 * {@code CryptProtectData}.
	 * @param data the plaintext
	 * @param entropy the optional entropy (never empty here)
	 * @param flags {@code CRYPTPROTECT_*} flags
	 * @return the DPAPI blob
	 * @throws Failure with the Windows error code
	 */
	byte[] protect(byte[] data, byte[] entropy, int flags) throws Failure;

	/**
	 * {@code CryptUnprotectData}.
	 * @param blob the DPAPI blob
	 * @param entropy the entropy given to {@code protect}
	 * @param flags {@code CRYPTPROTECT_*} flags
	 * @return the plaintext
	 * @throws Failure with the Windows error code
	 */
	byte[] unprotect(byte[] blob, byte[] entropy, int flags) throws Failure;

	/**
	 * The native DPAPI of this process, or an unavailable one (not Windows, or JNA missing).
	 * @return the native access, never {@code null}
	 */
	static DpapiNative system() {
		String os = System.getProperty("os.name", "");
		if (!os.startsWith("Windows")) {
			// Decided without loading JNA, whose Platform class would answer the same.
			return unavailable("DPAPI is a Windows API and this is " + os);
		}
		try {
			return JnaDpapiNative.load();
		}
		catch (LinkageError ex) {
			// JNA is an optional dependency: without it, loading JnaDpapiNative fails here.
			return unavailable("JNA (net.java.dev.jna:jna-platform) is not on the class path ("
					+ ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * A native access that is not available.
	 * @param reason why
	 * @return the native access
	 */
	static DpapiNative unavailable(String reason) {
		return new DpapiNative() {

			@Override
			public String unavailableReason() {
				return reason;
			}

			@Override
			public byte[] protect(byte[] data, byte[] entropy, int flags) {
				throw new IllegalStateException(reason);
			}

			@Override
			public byte[] unprotect(byte[] blob, byte[] entropy, int flags) {
				throw new IllegalStateException(reason);
			}

		};
	}

	/**
	 * A failed native call: only the Windows error code, never data.
	 */
	final class Failure extends Exception {

		private final int errorCode;

		Failure(int errorCode) {
			super(String.format("Windows error 0x%08X", errorCode), null, false, false);
			this.errorCode = errorCode;
		}

		int errorCode() {
			return this.errorCode;
		}

	}

}
