package io.github.pbkdf2dpapi.protect;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Factory methods for key rings, for start-up code and tools.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class KeyRings {

	private KeyRings() {
	}

	/**
	 * Creates the key ring (directory and first key, active at once) unless the directory already
	 * holds key files. Meant for development and single-node set-ups; in production create the
	 * ring once with {@code pbkdf2-dpapi keyring init} and share it.
	 * @param directory the key ring directory
	 * @param source how the key material is protected at rest
	 * @param now the creation time
	 * @return the key created, or empty if the ring existed
	 */
	public static Optional<KeyRingKey> createIfMissing(Path directory, MasterKeySource source, Instant now) {
		KeyRingDirectory keyRing = new KeyRingDirectory(directory, source);
		if (keyRing.exists()) {
			return Optional.empty();
		}
		try {
			return Optional.of(keyRing.init(now));
		}
		catch (ProtectorException ex) {
			if (keyRing.exists()) {
				// Another node or process created the ring at the same moment: use theirs.
				return Optional.empty();
			}
			throw ex;
		}
	}

}
