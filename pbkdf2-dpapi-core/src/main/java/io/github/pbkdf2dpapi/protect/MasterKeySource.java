package io.github.pbkdf2dpapi.protect;

import java.nio.file.Path;

/**
 * How the key material of a key ring is protected at rest: under a 32-byte master key (from a
 * systemd credential, an environment variable or a file), with DPAPI, or not at all ("plain",
 * explicit opt-in only). Obtain one from {@link MasterKeySources}.
 *
 * <p>
 * Every key file records its protection; a key ring opens only the key files whose protection
 * matches the configured source. The file's metadata (id, dates, revocation) is authenticated
 * together with the material, so a hand-edited date or revocation is detected.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public abstract class MasterKeySource {

	MasterKeySource() {
	}

	/**
	 * The protection written into key files: {@code master-key:<fingerprint>}, {@code dpapi-cu},
	 * {@code dpapi-lm} or {@code plain}.
	 * @return the protection
	 */
	public abstract String protection();

	/**
	 * Where the master key comes from, for messages (never the key).
	 * @return a description such as {@code environment variable PBKDF2_DPAPI_MASTER_KEY}
	 */
	public abstract String description();

	/**
	 * Whether key files may hold unprotected material (then they must be private to their owner).
	 * @return whether this is the plain source
	 */
	boolean isPlain() {
		return false;
	}

	/**
	 * Protects key material.
	 * @param keyId the key id
	 * @param material the 32-byte key
	 * @param associatedData the key file metadata
	 * @return the protected material
	 */
	abstract byte[] wrap(String keyId, byte[] material, byte[] associatedData);

	/**
	 * Reverses {@link #wrap}.
	 * @param keyId the key id
	 * @param file the key file, for messages
	 * @param wrapped the protected material
	 * @param associatedData the key file metadata
	 * @return the key material
	 * @throws ProtectorException if the material cannot be recovered
	 */
	abstract byte[] unwrap(String keyId, Path file, byte[] wrapped, byte[] associatedData);

	@Override
	public String toString() {
		return "MasterKeySource[" + description() + ", protection=" + protection() + "]";
	}

}
