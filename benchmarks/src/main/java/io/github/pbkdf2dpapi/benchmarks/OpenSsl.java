package io.github.pbkdf2dpapi.benchmarks;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * OpenSSL's {@code PKCS5_PBKDF2_HMAC} from the system's libcrypto, called through JNA so that
 * OpenSSL is measured in the same JVM and the same run as the Java engines. One native call per
 * hash: the JNA overhead (microseconds) is negligible against a hash of ~100 ms.
 */
final class OpenSsl {

	interface LibCrypto extends Library {

		Pointer EVP_sha1();

		Pointer EVP_sha256();

		Pointer EVP_sha512();

		int PKCS5_PBKDF2_HMAC(byte[] pass, int passlen, byte[] salt, int saltlen, int iter, Pointer digest,
				int keylen, byte[] out);

		String OpenSSL_version(int type);

	}

	private static final LibCrypto LIB = Native.load("crypto", LibCrypto.class);

	private OpenSsl() {
	}

	static Pointer digest(String prf) {
		return switch (prf) {
			case "sha1" -> LIB.EVP_sha1();
			case "sha256" -> LIB.EVP_sha256();
			case "sha512" -> LIB.EVP_sha512();
			default -> throw new IllegalArgumentException(prf);
		};
	}

	static byte[] pbkdf2(Pointer digest, byte[] password, byte[] salt, int iterations, int length) {
		byte[] out = new byte[length];
		if (LIB.PKCS5_PBKDF2_HMAC(password, password.length, salt, salt.length, iterations, digest, length,
				out) != 1) {
			throw new IllegalStateException("PKCS5_PBKDF2_HMAC failed");
		}
		return out;
	}

	static String version() {
		return LIB.OpenSSL_version(0);
	}

}
