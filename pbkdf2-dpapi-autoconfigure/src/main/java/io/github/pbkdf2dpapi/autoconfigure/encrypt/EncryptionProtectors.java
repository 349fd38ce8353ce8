package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.pbkdf2dpapi.autoconfigure.password.EnvelopeProperties;
import io.github.pbkdf2dpapi.autoconfigure.password.EnvelopeProtectors;
import io.github.pbkdf2dpapi.autoconfigure.password.KeyRingProperties;
import io.github.pbkdf2dpapi.autoconfigure.password.SharedKeyRings;
import io.github.pbkdf2dpapi.protect.AesGcmSecretProtector;
import io.github.pbkdf2dpapi.protect.DpapiProtector;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * The bootstrap of the protectors that decrypt {@code ENC(<scheme>:...)} values, one per scheme,
 * from {@link PlainProperties} (the same {@code pbkdf2-dpapi.envelope.*} settings as the password
 * envelope). A protector is created the first time a value of its scheme is read, so an
 * application without encrypted values, or without values of a scheme, never touches its keys.
 *
 * <p>
 * To add a scheme, add one {@link Scheme} to {@link #SCHEMES}: its name (the protector's
 * {@link SecretProtector#scheme()}), a {@link Factory} and a sentence telling how to configure
 * it.
 *
 * @author pbkdf2-dpapi
 */
final class EncryptionProtectors {

	private static final String AES_GCM = "pbkdf2-dpapi.envelope.aes-gcm.";

	/**
	 * The known schemes, in the order they are listed to users.
	 */
	private static final List<Scheme> SCHEMES = List.of(
			new Scheme(KeyRingProtector.SCHEME, EncryptionProtectors::keyRing,
					"set pbkdf2-dpapi.keyring.directory and its master key (pbkdf2-dpapi.keyring.master-key.*)"),
			new Scheme(DpapiProtector.SCHEME, (properties, keyRings) -> dpapi(properties),
					"run on Windows, as the user (or on the machine) that encrypted the values, with the same "
							+ "pbkdf2-dpapi.envelope.dpapi.entropy"),
			new Scheme(AesGcmSecretProtector.SCHEME, (properties, keyRings) -> aesGcm(properties),
					"set " + AES_GCM + "key-id and " + AES_GCM + "key"));

	private static final Map<String, Scheme> BY_NAME;

	static {
		Map<String, Scheme> byName = new LinkedHashMap<>();
		SCHEMES.forEach((scheme) -> byName.put(scheme.name(), scheme));
		BY_NAME = byName;
	}

	private EncryptionProtectors() {
	}

	/**
	 * The names of the known schemes.
	 * @return the scheme names
	 */
	static Set<String> schemes() {
		return BY_NAME.keySet();
	}

	/**
	 * The scheme of the given name.
	 * @param name a scheme name
	 * @return the scheme, or {@code null} when unknown
	 */
	static Scheme scheme(String name) {
		return BY_NAME.get(name);
	}

	/**
	 * Opens the key ring of {@code pbkdf2-dpapi.keyring.*}, the same one the password envelope
	 * uses: through {@code keyRings}, which the envelope bean consults too, so the ring is opened
	 * once.
	 * @param properties the plain properties
	 * @param keyRings the key rings opened in this application
	 * @return the protector, or {@code null} when no key ring directory is set
	 */
	static SecretProtector keyRing(PlainProperties properties, SharedKeyRings keyRings) {
		KeyRingProperties keyRing = properties.binder()
			.bind("pbkdf2-dpapi.keyring", KeyRingProperties.class)
			.orElseGet(KeyRingProperties::new);
		if (keyRing.getDirectory() == null) {
			return null;
		}
		return keyRings.keyRing(envelope(properties), keyRing, Clock.systemUTC());
	}

	/**
	 * The DPAPI protector of {@code pbkdf2-dpapi.envelope.dpapi.*}; off Windows it fails every
	 * value with the reason "unavailable".
	 * @param properties the plain properties
	 * @return the protector
	 */
	static SecretProtector dpapi(PlainProperties properties) {
		return EnvelopeProtectors.dpapiProtector(envelope(properties).getDpapi());
	}

	private static EnvelopeProperties envelope(PlainProperties properties) {
		return properties.binder().bind("pbkdf2-dpapi.envelope", EnvelopeProperties.class).orElseGet(EnvelopeProperties::new);
	}

	/**
	 * Creates the AES-GCM protector from {@code pbkdf2-dpapi.envelope.aes-gcm.key-id} and
	 * {@code .key}, whatever {@code pbkdf2-dpapi.envelope.protector} is.
	 * @param properties the plain properties
	 * @return the protector, or {@code null} when neither setting is present
	 */
	static SecretProtector aesGcm(PlainProperties properties) {
		String keyId = properties.get(AES_GCM + "key-id");
		String key = properties.get(AES_GCM + "key");
		if (keyId == null && key == null) {
			return null;
		}
		return EnvelopeProtectors.aesGcm(keyId, key, (property, reason, action) -> EncryptedPropertyException
			.invalidSetting(property, properties.origin(property), AesGcmSecretProtector.SCHEME,
					(property.endsWith(".key") && keyId != null && !keyId.isBlank()) ? keyId : null, reason, action));
	}

	/**
	 * Creates the protector of one scheme.
	 */
	@FunctionalInterface
	interface Factory {

		/**
		 * Creates the protector from plain properties.
		 * @param properties the plain properties
		 * @param keyRings the key rings opened in this application
		 * @return the protector, or {@code null} when the scheme is not configured
		 * @throws EncryptedPropertyException when a setting is invalid
		 */
		SecretProtector create(PlainProperties properties, SharedKeyRings keyRings);

	}

	/**
	 * A scheme of {@code ENC(...)} values.
	 *
	 * @param name the scheme, as written in values
	 * @param factory creates its protector
	 * @param howToConfigure completes "To decrypt 'x' values, ..."
	 */
	record Scheme(String name, Factory factory, String howToConfigure) {

	}

}
