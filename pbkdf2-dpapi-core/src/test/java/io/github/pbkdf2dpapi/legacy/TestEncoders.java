package io.github.pbkdf2dpapi.legacy;

import java.security.GeneralSecurityException;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.github.pbkdf2dpapi.password.PepperRing;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

/**
 * Encoders with low costs for tests, and the JDK's PBKDF2 as a second implementation.
 */
final class TestEncoders {

	static final byte[] PEPPER = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	static final byte[] KEY = new byte[32];

	private TestEncoders() {
	}

	/**
	 * A current encoder with a pepper and an AES-GCM envelope, at a low iteration count.
	 */
	static Pbkdf2DpapiPasswordEncoder current(int iterations) {
		return Pbkdf2DpapiPasswordEncoder.builder()
			.iterations(iterations)
			.allowWeakParameters(true)
			.peppers(PepperRing.of("p1", Map.of("p1", PEPPER)))
			.protector(SecretProtectors.aesGcm("k1", KEY))
			.build();
	}

	/**
	 * PBKDF2 by the JDK ({@code PBKDF2WithHmacSHA*}), which takes the password as UTF-8.
	 */
	static byte[] jdkPbkdf2(String algorithm, String password, byte[] salt, int iterations, int length) {
		try {
			PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8);
			return SecretKeyFactory.getInstance("PBKDF2With" + algorithm).generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
