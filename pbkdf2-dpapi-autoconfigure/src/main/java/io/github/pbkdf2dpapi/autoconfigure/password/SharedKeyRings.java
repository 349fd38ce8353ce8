package io.github.pbkdf2dpapi.autoconfigure.password;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

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

	private final Map<List<Object>, KeyRingProtector> rings = new ConcurrentHashMap<>();

	private final Log logger;

	/**
	 * Key rings whose warnings are logged by {@link EnvelopeProtectors}' logger.
	 */
	public SharedKeyRings() {
		this(LogFactory.getLog(EnvelopeProtectors.class));
	}

	/**
	 * Key rings whose warnings go to the given log: before the logging system is initialised, a
	 * deferred log, or they would be lost.
	 * @param logger the log of the warnings of the rings opened here
	 */
	public SharedKeyRings(Log logger) {
		this.logger = logger;
	}

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
			return EnvelopeProtectors.keyRing(envelope, properties, clock, this.logger);
		}
		return this.rings.computeIfAbsent(settings(envelope, properties, clock),
				(key) -> EnvelopeProtectors.keyRing(envelope, properties, clock, this.logger));
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
	 * Everything that makes two openings of a ring equivalent, as a list (a record's generated
	 * {@code hashCode} would cost a method-handle bootstrap at start-up). Never printed: the DPAPI
	 * entropy is a secret.
	 */
	private static List<Object> settings(EnvelopeProperties envelope, KeyRingProperties properties, Clock clock) {
		KeyRingProperties.MasterKey masterKey = properties.getMasterKey();
		boolean dpapi = masterKey.getSource() == KeyRingProperties.Source.DPAPI;
		return Arrays.asList(properties.getDirectory().toAbsolutePath().normalize(), properties.isCreateIfMissing(),
				properties.getReloadInterval(), properties.getRotation().getActivationDelay(),
				properties.getRotation().isAutomatic(), properties.getRotation().getInterval(), masterKey.getSource(),
				masterKey.getEnvironmentVariable(), masterKey.getCredentialName(),
				(masterKey.getFile() != null) ? masterKey.getFile().toAbsolutePath().normalize() : null,
				dpapi ? envelope.getDpapi().getScope() : null, dpapi ? envelope.getDpapi().getEntropy() : null, clock);
	}

}
