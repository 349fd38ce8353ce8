package io.github.pbkdf2dpapi.benchmarks;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The allocation-free alternative to the engine's loop, kept here only to compare with numbers:
 * instead of cloning a pre-keyed digest (two compressions and two small objects per iteration),
 * it resets one digest and feeds the 64-byte key block again every time (four compressions, no
 * allocation). PBKDF2-HMAC-SHA256 only.
 */
final class ResetLoopPbkdf2 {

	private ResetLoopPbkdf2() {
	}

	static byte[] sha256(byte[] password, byte[] salt, int iterations) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] key = (password.length > 64) ? digest.digest(password) : password;
			byte[] ipad = new byte[64];
			byte[] opad = new byte[64];
			for (int i = 0; i < 64; i++) {
				byte k = (i < key.length) ? key[i] : 0;
				ipad[i] = (byte) (k ^ 0x36);
				opad[i] = (byte) (k ^ 0x5c);
			}
			byte[] u = new byte[32];
			byte[] t = new byte[32];
			digest.update(ipad);
			digest.update(salt);
			digest.update(new byte[] { 0, 0, 0, 1 });
			digest.digest(u, 0, 32);
			digest.update(opad);
			digest.update(u);
			digest.digest(u, 0, 32);
			System.arraycopy(u, 0, t, 0, 32);
			for (int i = 1; i < iterations; i++) {
				digest.update(ipad);
				digest.update(u);
				digest.digest(u, 0, 32);
				digest.update(opad);
				digest.update(u);
				digest.digest(u, 0, 32);
				for (int k = 0; k < 32; k++) {
					t[k] ^= u[k];
				}
			}
			return t;
		}
		catch (NoSuchAlgorithmException | DigestException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
