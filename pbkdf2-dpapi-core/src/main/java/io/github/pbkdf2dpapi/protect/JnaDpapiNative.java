package io.github.pbkdf2dpapi.protect;

import com.sun.jna.Platform;
import com.sun.jna.platform.win32.Crypt32Util;
import com.sun.jna.platform.win32.Win32Exception;

/**
 * {@link DpapiNative} through jna-platform's {@link Crypt32Util}. The only class of the project
 * that refers to JNA: loading it fails with a {@link LinkageError} where JNA is absent, which
 * {@link DpapiNative#system()} catches.
 *
 * @author pbkdf2-dpapi
 */
final class JnaDpapiNative implements DpapiNative {

	private JnaDpapiNative() {
	}

	static DpapiNative load() {
		if (!Platform.isWindows()) {
			return DpapiNative.unavailable("DPAPI is a Windows API and this is " + System.getProperty("os.name"));
		}
		return new JnaDpapiNative();
	}

	@Override
	public String unavailableReason() {
		return null;
	}

	@Override
	public byte[] protect(byte[] data, byte[] entropy, int flags) throws Failure {
		try {
			return Crypt32Util.cryptProtectData(data, entropy, flags, "", null);
		}
		catch (Win32Exception ex) {
			throw new Failure(ex.getErrorCode());
		}
	}

	@Override
	public byte[] unprotect(byte[] blob, byte[] entropy, int flags) throws Failure {
		try {
			return Crypt32Util.cryptUnprotectData(blob, entropy, flags, null);
		}
		catch (Win32Exception ex) {
			throw new Failure(ex.getErrorCode());
		}
	}

}
