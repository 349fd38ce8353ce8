package io.github.pbkdf2dpapi.password;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

/**
 * Factories for a {@link DelegatingPasswordEncoder} whose default is
 * {@link Pbkdf2DpapiPasswordEncoder} ({@code {pbkdf2-dpapi}}) and which still verifies what
 * Spring Security's standard encoders stored before.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class Pbkdf2DpapiPasswordEncoders {

	private static final boolean BOUNCY_CASTLE_PRESENT = isPresent("org.bouncycastle.crypto.generators.SCrypt");

	private Pbkdf2DpapiPasswordEncoders() {
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, Pbkdf2DpapiPasswordEncoders.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// Optional dependency absent: the encoders that need it are not registered.
			return false;
		}
	}

	/**
	 * The encoders used to verify existing data, by id: {@code bcrypt}, {@code pbkdf2},
	 * {@code pbkdf2@SpringSecurity_v5_8}, {@code scrypt}, {@code scrypt@SpringSecurity_v5_8},
	 * {@code argon2}, {@code argon2@SpringSecurity_v5_8} (the last four when Bouncy Castle is on the
	 * class path), {@code noop}, {@code MD5}, {@code SHA-1} and {@code SHA-256}.
	 * @return a new mutable map, in a stable order
	 */
	@SuppressWarnings("deprecation")
	public static Map<String, PasswordEncoder> standardEncoders() {
		Map<String, PasswordEncoder> encoders = new LinkedHashMap<>();
		encoders.put("bcrypt", new BCryptPasswordEncoder());
		encoders.put("pbkdf2", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5());
		encoders.put("pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		if (BOUNCY_CASTLE_PRESENT) {
			encoders.put("scrypt", SCryptPasswordEncoder.defaultsForSpringSecurity_v4_1());
			encoders.put("scrypt@SpringSecurity_v5_8", SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8());
			encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2());
			encoders.put("argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		}
		encoders.put("noop", NoOpPasswordEncoder.getInstance());
		encoders.put("MD5", new MessageDigestPasswordEncoder("MD5"));
		encoders.put("SHA-1", new MessageDigestPasswordEncoder("SHA-1"));
		encoders.put("SHA-256", new MessageDigestPasswordEncoder("SHA-256"));
		return encoders;
	}

	/**
	 * A {@link DelegatingPasswordEncoder} that encodes with {@code encoder} under the id
	 * {@value Pbkdf2DpapiPasswordEncoder#ID} and verifies the {@link #standardEncoders()}.
	 * @param encoder the encoder for new passwords
	 * @return the delegating encoder
	 */
	public static DelegatingPasswordEncoder createDelegatingPasswordEncoder(Pbkdf2DpapiPasswordEncoder encoder) {
		return createDelegatingPasswordEncoder(encoder, Map.of());
	}

	/**
	 * A {@link DelegatingPasswordEncoder} as {@link #createDelegatingPasswordEncoder(Pbkdf2DpapiPasswordEncoder)}
	 * with further encoders (for example legacy formats) added or replacing standard ones.
	 * @param encoder the encoder for new passwords
	 * @param additional more encoders by id
	 * @return the delegating encoder
	 */
	public static DelegatingPasswordEncoder createDelegatingPasswordEncoder(Pbkdf2DpapiPasswordEncoder encoder,
			Map<String, PasswordEncoder> additional) {
		Map<String, PasswordEncoder> encoders = standardEncoders();
		encoders.putAll(additional);
		encoders.put(Pbkdf2DpapiPasswordEncoder.ID, encoder);
		return new DelegatingPasswordEncoder(Pbkdf2DpapiPasswordEncoder.ID, encoders);
	}

}
