package io.github.pbkdf2dpapi.autoconfigure.password;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.pbkdf2dpapi.protect.KeyRingProtector;

/**
 * The key rings opened in one application, by their settings: the {@code ENC(...)} decryption of
 * the configuration (before any bean exists) and the password envelope bean open the ring of
 * {@code pbkdf2-dpapi.keyring.*} once between them, so it is read, unwrapped and checked once,
 * and its warnings (plain master key, readable files, a ring just created) are logged once. A
 * ring with other settings (another directory, master key, reload or rotation setting, or
 * clock) is opened on its own.
 *
 * <p>
 * {@code EncryptEnvironmentPostProcessor} keeps an instance in Spring Boot's bootstrap context
 * and registers it as the bean {@value #BEAN_NAME} when the application context is prepared.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class SharedKeyRings {

	/**
	 * The name of the bean that holds the key rings opened before the application context.
	 */
	public static final String BEAN_NAME = "pbkdf2DpapiSharedKeyRings";

	private final Map<Settings, KeyRingProtector> rings = new ConcurrentHashMap<>();

	/**
	 * The key ring of these settings: the one already opened with the same settings, else a new
	 * one (opened, or created with {@code create-if-missing}, as
	 * {@link EnvelopeProtectors#keyRing} does, with the same failures).
	 * @param envelope the envelope settings (the DPAPI scope of a DPAPI master key)
	 * @param properties the key ring settings
	 * @param clock the clock
	 * @return the key ring protector
	 */
	public KeyRingProtector keyRing(EnvelopeProperties envelope, KeyRingProperties properties, Clock clock) {
		if (properties.getDirectory() == null) {
			// Fails with the property to set.
			return EnvelopeProtectors.keyRing(envelope, properties, clock);
		}
		return this.rings.computeIfAbsent(Settings.of(envelope, properties, clock),
				(settings) -> EnvelopeProtectors.keyRing(envelope, properties, clock));
	}

	/**
	 * The number of key rings opened through this instance.
	 * @return the number of rings
	 */
	public int size() {
		return this.rings.size();
	}

	@Override
	public String toString() {
		return "SharedKeyRings[" + this.rings.size() + "]";
	}

	/**
	 * Everything that makes two openings of a ring equivalent. Not printed: the DPAPI entropy is
	 * a secret.
	 */
	private record Settings(Path directory, boolean createIfMissing, Duration reloadInterval, Duration activationDelay,
			boolean automaticRotation, Duration rotationInterval, KeyRingProperties.Source source,
			String environmentVariable, String credentialName, Path file, EnvelopeProperties.Scope dpapiScope,
			String dpapiEntropy, Clock clock) {

		static Settings of(EnvelopeProperties envelope, KeyRingProperties properties, Clock clock) {
			KeyRingProperties.MasterKey masterKey = properties.getMasterKey();
			boolean dpapi = masterKey.getSource() == KeyRingProperties.Source.DPAPI;
			return new Settings(properties.getDirectory().toAbsolutePath().normalize(), properties.isCreateIfMissing(),
					properties.getReloadInterval(), properties.getRotation().getActivationDelay(),
					properties.getRotation().isAutomatic(), properties.getRotation().getInterval(),
					masterKey.getSource(), masterKey.getEnvironmentVariable(), masterKey.getCredentialName(),
					(masterKey.getFile() != null) ? masterKey.getFile().toAbsolutePath().normalize() : null,
					dpapi ? envelope.getDpapi().getScope() : null, dpapi ? envelope.getDpapi().getEntropy() : null,
					clock);
		}

		@Override
		public String toString() {
			return "Settings[" + this.directory + "]";
		}

	}

}
