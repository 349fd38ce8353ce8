package io.github.pbkdf2dpapi.autoconfigure.password;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.github.pbkdf2dpapi.protect.AesGcmCiphertext;
import io.github.pbkdf2dpapi.protect.DpapiProtector;
import io.github.pbkdf2dpapi.protect.DpapiScope;
import io.github.pbkdf2dpapi.protect.KeyRingKey;
import io.github.pbkdf2dpapi.protect.KeyRingOptions;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.KeyRings;
import io.github.pbkdf2dpapi.protect.MasterKeySource;
import io.github.pbkdf2dpapi.protect.MasterKeySources;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

/**
 * Builds the configured {@link SecretProtector} from {@code pbkdf2-dpapi.envelope.*} and
 * {@code pbkdf2-dpapi.keyring.*}. Used by the auto-configured bean and, before any bean exists,
 * to decrypt {@code ENC(...)} configuration values. Every misconfiguration becomes an exception
 * that names the property and says what to change (the CLI command that creates a key ring,
 * {@code chmod 600}, the alternative to DPAPI off Windows), never a secret.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class EnvelopeProtectors {

	private static final Log logger = LogFactory.getLog(EnvelopeProtectors.class);

	private static final String ENVELOPE = "pbkdf2-dpapi.envelope.";

	private static final String KEYRING = "pbkdf2-dpapi.keyring.";

	private EnvelopeProtectors() {
	}

	/**
	 * The protector configured in an environment whose {@code pbkdf2-dpapi.envelope.*} and
	 * {@code pbkdf2-dpapi.keyring.*} properties are plain values.
	 * @param environment the environment
	 * @param clock the clock of the key ring
	 * @return the protector
	 */
	public static SecretProtector fromEnvironment(Environment environment, Clock clock) {
		Binder binder = Binder.get(environment);
		EnvelopeProperties envelope = binder.bind("pbkdf2-dpapi.envelope", EnvelopeProperties.class)
			.orElseGet(EnvelopeProperties::new);
		KeyRingProperties keyRing = binder.bind("pbkdf2-dpapi.keyring", KeyRingProperties.class)
			.orElseGet(KeyRingProperties::new);
		return create(envelope, keyRing, clock);
	}

	static SecretProtector create(EnvelopeProperties envelope, KeyRingProperties keyRing, Clock clock) {
		return create(envelope, keyRing, clock, new SharedKeyRings());
	}

	/**
	 * The configured protector; a key ring comes from {@code keyRings}, so a ring already opened
	 * with the same settings (to decrypt {@code ENC(...)} values) is not opened again.
	 */
	static SecretProtector create(EnvelopeProperties envelope, KeyRingProperties keyRing, Clock clock,
			SharedKeyRings keyRings) {
		return switch (envelope.getProtector()) {
			case AUTO -> DpapiProtector.isSupported() ? dpapi(envelope.getDpapi())
					: keyRings.keyRing(envelope, keyRing, clock);
			case KEYRING -> keyRings.keyRing(envelope, keyRing, clock);
			case DPAPI -> dpapi(envelope.getDpapi());
			case AES_GCM -> aesGcm(envelope.getAesGcm());
			case NONE -> {
				logger.warn("pbkdf2-dpapi: password records are stored WITHOUT an encryption envelope "
						+ "(pbkdf2-dpapi.envelope.protector=none); a stolen database exposes the PBKDF2 hashes to "
						+ "offline guessing. Use the key ring or DPAPI in production.");
				yield SecretProtectors.none();
			}
		};
	}

	/**
	 * The DPAPI protector of the configured scope and entropy, whether or not DPAPI is available
	 * here (an unavailable one fails each operation with the reason).
	 * @param dpapi the DPAPI settings
	 * @return the protector
	 */
	public static DpapiProtector dpapiProtector(EnvelopeProperties.Dpapi dpapi) {
		return DpapiProtector.create(scope(dpapi.getScope()), entropy(dpapi));
	}

	private static SecretProtector dpapi(EnvelopeProperties.Dpapi dpapi) {
		DpapiProtector protector = dpapiProtector(dpapi);
		if (!protector.isAvailable()) {
			throw new InvalidPbkdf2DpapiPropertyException(ENVELOPE + "protector", protector.unavailableMessage(),
					"Set pbkdf2-dpapi.envelope.protector=keyring and configure pbkdf2-dpapi.keyring.directory "
							+ "(DPAPI exists only on Windows).");
		}
		return protector;
	}

	/**
	 * Opens (or, with {@code create-if-missing}, creates) the configured key ring.
	 * @param envelope the envelope settings (the DPAPI scope of a DPAPI master key)
	 * @param properties the key ring settings
	 * @param clock the clock
	 * @return the key ring protector
	 */
	public static KeyRingProtector keyRing(EnvelopeProperties envelope, KeyRingProperties properties, Clock clock) {
		return keyRing(envelope, properties, clock, logger);
	}

	/**
	 * Opens (or, with {@code create-if-missing}, creates) the configured key ring, logging its
	 * warnings to the given log (a deferred one before the logging system is initialised).
	 * @param envelope the envelope settings (the DPAPI scope of a DPAPI master key)
	 * @param properties the key ring settings
	 * @param clock the clock
	 * @param logger the log of the warnings
	 * @return the key ring protector
	 */
	static KeyRingProtector keyRing(EnvelopeProperties envelope, KeyRingProperties properties, Clock clock,
			Log logger) {
		Path directory = properties.getDirectory();
		if (directory == null) {
			throw new InvalidPbkdf2DpapiPropertyException(KEYRING + "directory",
					"the envelope protector is " + envelope.getProtector().name().toLowerCase(java.util.Locale.ROOT)
							+ " (the key ring on this system), but no key ring directory is set",
					"Create a key ring with 'java -jar pbkdf2-dpapi-cli-exec.jar keyring init --dir /var/lib/myapp/keyring' "
							+ "and set pbkdf2-dpapi.keyring.directory to it; for development only, also set "
							+ "pbkdf2-dpapi.keyring.create-if-missing=true; to store records without an envelope, set "
							+ "pbkdf2-dpapi.envelope.protector=none.");
		}
		if (!properties.isCreateIfMissing() && !Files.isDirectory(directory)) {
			throw new InvalidPbkdf2DpapiPropertyException(KEYRING + "directory",
					"the key ring directory " + directory.toAbsolutePath() + " does not exist",
					"Create the key ring with 'java -jar pbkdf2-dpapi-cli-exec.jar keyring init --dir " + directory
							+ "' (see docs/KEYS.md), or for development only set pbkdf2-dpapi.keyring.create-if-missing=true.");
		}
		KeyRingOptions options = KeyRingOptions.defaults()
			.withActivationDelay(properties.getRotation().getActivationDelay())
			.withReloadInterval(properties.getReloadInterval());
		options = properties.getRotation().isAutomatic()
				? options.withAutomaticRotation(properties.getRotation().getInterval())
				: options.withoutAutomaticRotation();
		try {
			MasterKeySource source = masterKey(envelope, properties.getMasterKey(), logger);
			if (properties.isCreateIfMissing()) {
				Optional<KeyRingKey> created = KeyRings.createIfMissing(directory, source, clock.instant());
				created.ifPresent((key) -> logger.warn("pbkdf2-dpapi: CREATED A NEW KEY RING in " + directory.toAbsolutePath()
						+ " with key " + key.id() + " (pbkdf2-dpapi.keyring.create-if-missing=true). This is meant for "
						+ "development: in production create the key ring with the CLI, back it up, and turn "
						+ "create-if-missing off. Records and ENC values protected by it cannot be read without it."));
			}
			KeyRingProtector protector = KeyRingProtector.open(directory, source, options, clock);
			readableByOthers(directory).forEach((file) -> logger.warn("pbkdf2-dpapi: key ring file " + file
					+ " can be read by group or others; restrict it with: chmod 600 " + file));
			return protector;
		}
		catch (ProtectorException ex) {
			String property = switch (ex.getReason()) {
				case MASTER_KEY, INSECURE_PERMISSIONS -> KEYRING + "master-key.source";
				default -> KEYRING + "directory";
			};
			throw new InvalidPbkdf2DpapiPropertyException(property, ex.getMessage(),
					"Fix the key ring as the reason says (see docs/KEYS.md), or for development set "
							+ "pbkdf2-dpapi.keyring.create-if-missing=true.");
		}
	}

	/**
	 * The key files of a ring that a group or other users can read (POSIX file systems only).
	 */
	static List<Path> readableByOthers(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".json")).filter((file) -> {
				try {
					Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
					return permissions.contains(PosixFilePermission.GROUP_READ)
							|| permissions.contains(PosixFilePermission.OTHERS_READ);
				}
				catch (UnsupportedOperationException | IOException ex) {
					// No POSIX permissions here (Windows): ACLs are the operator's business.
					return false;
				}
			}).sorted().toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static MasterKeySource masterKey(EnvelopeProperties envelope, KeyRingProperties.MasterKey masterKey,
			Log logger) {
		return switch (masterKey.getSource()) {
			case ENV -> MasterKeySources.environmentVariable(masterKey.getEnvironmentVariable());
			case SYSTEMD -> MasterKeySources.systemdCredential(masterKey.getCredentialName());
			case FILE -> {
				if (masterKey.getFile() == null) {
					throw new InvalidPbkdf2DpapiPropertyException(KEYRING + "master-key.file",
							"the master key source is 'file' but no file is set",
							"Set pbkdf2-dpapi.keyring.master-key.file to a file readable only by the application.");
				}
				yield MasterKeySources.file(masterKey.getFile());
			}
			case DPAPI -> MasterKeySources.dpapi(scope(envelope.getDpapi().getScope()), entropy(envelope.getDpapi()));
			case PLAIN -> {
				logger.warn("pbkdf2-dpapi: key ring material is stored UNPROTECTED "
						+ "(pbkdf2-dpapi.keyring.master-key.source=plain); anyone who can read the key files can "
						+ "decrypt every envelope. Use a master key (env, systemd, file) or DPAPI in production.");
				yield MasterKeySources.plainUnprotected();
			}
		};
	}

	private static DpapiScope scope(EnvelopeProperties.Scope scope) {
		return (scope == EnvelopeProperties.Scope.LOCAL_MACHINE) ? DpapiScope.LOCAL_MACHINE : DpapiScope.CURRENT_USER;
	}

	private static byte[] entropy(EnvelopeProperties.Dpapi dpapi) {
		return StringUtils.hasText(dpapi.getEntropy()) ? dpapi.getEntropy().getBytes(StandardCharsets.UTF_8) : null;
	}

	private static SecretProtector aesGcm(EnvelopeProperties.AesGcm aes) {
		return aesGcm(aes.getKeyId(), aes.getKey(), InvalidPbkdf2DpapiPropertyException::new);
	}

	/**
	 * The AES-GCM protector of {@code pbkdf2-dpapi.envelope.aes-gcm.key-id} and {@code .key}, the
	 * checks shared by the password envelope and the {@code ENC(aes:...)} values. Failures name
	 * the property and never quote the key.
	 * @param keyId the key id
	 * @param key the Base64 key
	 * @param invalid makes the exception of an invalid setting
	 * @return the protector
	 */
	public static SecretProtector aesGcm(String keyId, String key, InvalidSetting invalid) {
		String prefix = ENVELOPE + "aes-gcm.";
		if (!StringUtils.hasText(keyId)) {
			throw invalid.create(prefix + "key-id", "no key id is set",
					"Set pbkdf2-dpapi.envelope.aes-gcm.key-id to a short name for the key, e.g. k1.");
		}
		if (!StringUtils.hasText(key)) {
			throw invalid.create(prefix + "key", "no key is set",
					"Set pbkdf2-dpapi.envelope.aes-gcm.key to the Base64 encoding of 32 random bytes "
							+ "('openssl rand -base64 32'), as a plain environment variable or credential file.");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(key.trim());
		}
		catch (IllegalArgumentException ex) {
			// The decoder's message may quote a character of the key: not propagated.
			throw invalid.create(prefix + "key", "the key is not valid Base64",
					"Set pbkdf2-dpapi.envelope.aes-gcm.key to the Base64 encoding of 32 random bytes "
							+ "('openssl rand -base64 32').");
		}
		if (bytes.length != AesGcmCiphertext.KEY_LENGTH) {
			throw invalid.create(prefix + "key",
					"the key is " + bytes.length + " bytes long; AES-256 needs exactly " + AesGcmCiphertext.KEY_LENGTH,
					"Generate a key with 'openssl rand -base64 32' and store it encrypted or in an environment variable.");
		}
		try {
			return SecretProtectors.aesGcm(keyId, bytes);
		}
		catch (IllegalArgumentException ex) {
			throw invalid.create(prefix + "key-id", ex.getMessage(),
					"Use 1 to 64 letters, digits, '_', '.' or '-' in pbkdf2-dpapi.envelope.aes-gcm.key-id.");
		}
	}

	/**
	 * Makes the exception for an invalid setting.
	 */
	@FunctionalInterface
	public interface InvalidSetting {

		/**
		 * The exception for an invalid setting.
		 * @param property the property
		 * @param reason what is wrong, never its value
		 * @param action what to change
		 * @return the exception
		 */
		RuntimeException create(String property, String reason, String action);

	}

	/**
	 * Decodes a Base64 secret property; failures name the property, never the value.
	 */
	static byte[] decodeBase64(String property, String value) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidPbkdf2DpapiPropertyException(property, "no value is set",
					"Set " + property + " to the Base64 encoding of at least 32 random bytes "
							+ "(e.g. 'openssl rand -base64 32').");
		}
		try {
			return Base64.getDecoder().decode(value.trim());
		}
		catch (IllegalArgumentException ex) {
			// The decoder's message may quote a character of the secret: not propagated.
			throw new InvalidPbkdf2DpapiPropertyException(property, "the value is not valid Base64",
					"Set " + property + " to the Base64 encoding of the secret (e.g. 'openssl rand -base64 32').");
		}
	}

}
