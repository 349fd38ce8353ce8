package io.github.pbkdf2dpapi.sample;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordProperties;
import io.github.pbkdf2dpapi.password.PepperRing;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * Fills the empty H2 database at start-up with the demo users of the README: two users stored in
 * the current format and three whose hashes come from older systems, built here from their
 * published formats so that logging in upgrades them.
 *
 * <p>
 * The demo passwords are in the source on purpose: this is a demonstration, and the README lists
 * them. A real application never ships passwords.
 */
@Component
class DemoUsers implements ApplicationRunner {

	/** A demo user: what to type, and how the password is first stored. */
	record DemoUser(String username, String password, String storedAs, List<String> roles) {
	}

	static final DemoUser ALICE = new DemoUser("alice", "correct horse battery staple", "current", List.of("USER"));

	static final DemoUser ADMIN = new DemoUser("admin", "admin horse battery staple", "current",
			List.of("USER", "ADMIN"));

	static final DemoUser LEGACY_MD5 = new DemoUser("legacy-md5", "password from 2009", "MD5",
			List.of("USER"));

	static final DemoUser LEGACY_ASPNET = new DemoUser("legacy-aspnet", "password from asp.net", "ASP.NET Identity V3",
			List.of("USER"));

	static final DemoUser LEGACY_PBKDF2 = new DemoUser("legacy-pbkdf2", "password from 2023",
			"pbkdf2-dpapi, 100,000 iterations", List.of("USER"));

	static final List<DemoUser> ALL = List.of(ALICE, ADMIN, LEGACY_MD5, LEGACY_ASPNET, LEGACY_PBKDF2);

	/** Iteration count of the seeded ASP.NET Identity V3 hash (the .NET Core 3 to .NET 6 default). */
	static final int ASPNET_ITERATIONS = 10_000;

	/** Iteration count of the seeded older {@code {pbkdf2-dpapi}} record. */
	static final int OLD_PBKDF2_DPAPI_ITERATIONS = 100_000;

	private static final Log logger = LogFactory.getLog(DemoUsers.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcUserDetailsManager users;

	private final PasswordEncoder passwordEncoder;

	private final Pbkdf2DpapiPasswordProperties passwordProperties;

	private final SecretProtector protector;

	DemoUsers(JdbcUserDetailsManager users, PasswordEncoder passwordEncoder,
			Pbkdf2DpapiPasswordProperties passwordProperties, SecretProtector protector) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.passwordProperties = passwordProperties;
		this.protector = protector;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (DemoUser demo : ALL) {
			if (!this.users.userExists(demo.username())) {
				this.users.createUser(User.withUsername(demo.username())
					.password(stored(demo))
					.roles(demo.roles().toArray(String[]::new))
					.build());
			}
		}
		logger.info("Demo users: " + ALL.stream().map(DemoUser::username).toList()
				+ " (passwords in samples/web-login/README.md)");
	}

	private String stored(DemoUser demo) {
		if (demo == LEGACY_MD5) {
			return md5(demo.password());
		}
		if (demo == LEGACY_ASPNET) {
			return aspNetIdentityV3(demo.password(), ASPNET_ITERATIONS);
		}
		if (demo == LEGACY_PBKDF2) {
			return olderPbkdf2Dpapi(demo.password());
		}
		return this.passwordEncoder.encode(demo.password());
	}

	/**
	 * What an old PHP application stored: the MD5 of the UTF-8 password, lower-case hex, no salt,
	 * with the {@code {md5}} id of the starter's legacy digest verifier (docs/MIGRATION.md).
	 * @param password the password
	 * @return the stored value
	 */
	static String md5(String password) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
			return "{md5}" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is a required JDK algorithm", ex);
		}
	}

	/**
	 * What ASP.NET Core Identity's {@code PasswordHasher} stores (format version 3): {@code 0x01},
	 * then the PRF (1 = HMAC-SHA256), the iteration count and the salt length as big-endian
	 * 32-bit integers, the 16-byte salt and the 32-byte PBKDF2 subkey, all Base64.
	 * @param password the password
	 * @param iterations the iteration count
	 * @return the stored value, with the {@code {aspnet}} id
	 */
	static String aspNetIdentityV3(String password, int iterations) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		byte[] subkey = Pbkdf2.derive(Pbkdf2Prf.HMAC_SHA256, password.getBytes(StandardCharsets.UTF_8), salt,
				iterations, 32);
		ByteBuffer out = ByteBuffer.allocate(13 + salt.length + subkey.length);
		out.put((byte) 0x01).putInt(1).putInt(iterations).putInt(salt.length).put(salt).put(subkey);
		return "{aspnet}" + Base64.getEncoder().encodeToString(out.array());
	}

	/**
	 * A {@code {pbkdf2-dpapi}} record as an earlier release of the application wrote it: the same
	 * pepper and envelope as today, but 100,000 iterations instead of 600,000.
	 */
	private String olderPbkdf2Dpapi(String password) {
		Pbkdf2DpapiPasswordProperties properties = this.passwordProperties;
		Pbkdf2DpapiPasswordEncoder older = Pbkdf2DpapiPasswordEncoder.builder()
			.prf(Pbkdf2Prf.fromId(properties.getAlgorithm().name().toLowerCase(Locale.ROOT)))
			.iterations(OLD_PBKDF2_DPAPI_ITERATIONS)
			.normalization(properties.getNormalization())
			.peppers(peppers(properties.getPepper()))
			.protector(this.protector)
			.build();
		return "{" + Pbkdf2DpapiPasswordEncoder.ID + "}" + older.encode(password);
	}

	private static PepperRing peppers(Pbkdf2DpapiPasswordProperties.Pepper pepper) {
		if (pepper.getCurrent() == null || pepper.getSecrets().isEmpty()) {
			return PepperRing.none();
		}
		Map<String, byte[]> secrets = new LinkedHashMap<>();
		pepper.getSecrets().forEach((id, value) -> secrets.put(id, Base64.getDecoder().decode(value.trim())));
		return PepperRing.of(pepper.getCurrent(), secrets);
	}

}
