package io.github.pbkdf2dpapi.protect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A key ring stored in a directory, one JSON file per key ({@code key-<id>.json}), the key
 * material protected by a {@link MasterKeySource}. Creates, loads, revokes and re-protects keys;
 * {@link KeyRingProtector} uses the keys.
 *
 * <p>
 * Several nodes may share the directory. Every write is atomic (temporary file and rename) and
 * every new key has a new random id, so two nodes rotating at the same moment add two keys and
 * never corrupt one: the newer becomes primary, the other remains a valid key.
 *
 * <p>
 * Immutable and thread-safe; every method that decides by time takes {@code now}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class KeyRingDirectory {

	private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path directory;

	private final MasterKeySource source;

	/**
	 * Create a key ring directory.
	 * @param directory the directory (need not exist yet)
	 * @param source how key material is protected at rest
	 */
	public KeyRingDirectory(Path directory, MasterKeySource source) {
		if (directory == null) {
			throw new IllegalArgumentException("'directory' must not be null");
		}
		if (source == null) {
			throw new IllegalArgumentException("'source' must not be null");
		}
		this.directory = directory;
		this.source = source;
	}

	/**
	 * The directory.
	 * @return the directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	/**
	 * How key material is protected.
	 * @return the source
	 */
	public MasterKeySource getMasterKeySource() {
		return this.source;
	}

	/**
	 * Whether the directory exists and holds at least one key file.
	 * @return whether a key ring exists here
	 */
	public boolean exists() {
		try {
			return Files.isDirectory(this.directory) && !keyFiles().isEmpty();
		}
		catch (ProtectorException ex) {
			return false;
		}
	}

	/**
	 * Reads every key file. A key file that cannot be used becomes a
	 * {@linkplain KeyRing#problems() problem} of the snapshot rather than an exception.
	 * @return the snapshot
	 * @throws ProtectorException if the directory is missing or cannot be listed
	 */
	public KeyRing load() {
		Map<String, Path> files = keyFiles();
		List<KeyRingKey> keys = new ArrayList<>();
		Map<String, byte[]> material = new HashMap<>();
		Map<String, ProtectorException> problems = new TreeMap<>();
		for (Map.Entry<String, Path> entry : files.entrySet()) {
			try {
				Loaded loaded = loadKey(entry.getKey(), entry.getValue());
				keys.add(loaded.key);
				material.put(loaded.key.id(), loaded.material);
			}
			catch (ProtectorException ex) {
				problems.put(entry.getKey(), ex);
			}
		}
		return new KeyRing(this.directory, keys, material, problems);
	}

	/**
	 * Creates the directory if needed and the first key, active at once (no node can have used
	 * another key of this ring before).
	 * @param now the creation time
	 * @return the new key
	 * @throws ProtectorException if the ring already has keys
	 */
	public KeyRingKey init(Instant now) {
		try {
			KeyFiles.createPrivateDirectory(this.directory);
		}
		catch (IOException ex) {
			throw ProtectorErrors.keyRingWriteFailed(this.directory, ex);
		}
		if (!keyFiles().isEmpty()) {
			throw ProtectorErrors.keyRingAlreadyExists(this.directory);
		}
		return addKey(now, Duration.ZERO, null);
	}

	/**
	 * Adds a key to an existing ring (rotation).
	 * @param now the creation time
	 * @param activationDelay how long after {@code now} the key becomes active; give every node
	 * time to reload before any uses it
	 * @param lifetime how long after activation the key stops protecting new data, or
	 * {@code null} for no expiration
	 * @return the new key
	 * @throws ProtectorException if the directory does not exist
	 */
	public KeyRingKey addKey(Instant now, Duration activationDelay, Duration lifetime) {
		if (activationDelay == null || activationDelay.isNegative()) {
			throw new IllegalArgumentException("'activationDelay' must be zero or positive");
		}
		if (lifetime != null && (lifetime.isNegative() || lifetime.isZero())) {
			throw new IllegalArgumentException("'lifetime' must be positive");
		}
		checkDirectory();
		Instant created = now.truncatedTo(ChronoUnit.MILLIS);
		Instant activation = created.plus(activationDelay);
		Instant expiration = (lifetime != null) ? activation.plus(lifetime) : null;
		KeyRingKey key = new KeyRingKey(newKeyId(created), created, activation, expiration, null,
				this.source.protection());
		byte[] material = new byte[AesGcmCiphertext.KEY_LENGTH];
		RANDOM.nextBytes(material);
		try {
			write(key, material, false);
		}
		finally {
			Arrays.fill(material, (byte) 0);
		}
		return key;
	}

	/**
	 * Revokes a key: data protected with it no longer unprotects, on every node after its next
	 * reload. Revoking a revoked key changes nothing.
	 * @param keyId the key id
	 * @param now the revocation time
	 * @return the revoked key
	 * @throws ProtectorException if the key does not exist or cannot be loaded
	 */
	public KeyRingKey revoke(String keyId, Instant now) {
		checkDirectory();
		Path file = KeyFiles.file(this.directory, keyId);
		if (!KeyFiles.KEY_ID.matcher(keyId).matches() || !Files.isRegularFile(file)) {
			throw ProtectorErrors.unknownKey(keyId, this.directory);
		}
		Loaded loaded = loadKey(keyId, file);
		try {
			if (loaded.key.isRevoked()) {
				return loaded.key;
			}
			KeyRingKey revoked = loaded.key.withRevocation(now.truncatedTo(ChronoUnit.MILLIS));
			write(revoked, loaded.material, true);
			return revoked;
		}
		finally {
			Arrays.fill(loaded.material, (byte) 0);
		}
	}

	/**
	 * Re-protects every key under another master key source (for example a new master key, or
	 * moving from DPAPI to a master key). Refuses to start unless every key file loads.
	 * @param target the new protection
	 * @return the re-protected keys
	 * @throws ProtectorException if a key file cannot be loaded
	 */
	public List<KeyRingKey> rewrap(MasterKeySource target) {
		KeyRing ring = load();
		if (!ring.problems().isEmpty()) {
			Map.Entry<String, ProtectorException> first = ring.problems().entrySet().iterator().next();
			throw ProtectorErrors.keyRingIncomplete(this.directory, ring.problems().size(),
					first.getValue().getMessage());
		}
		KeyRingDirectory rewrapped = new KeyRingDirectory(this.directory, target);
		List<KeyRingKey> result = new ArrayList<>();
		for (KeyRingKey key : ring.keys()) {
			KeyRingKey moved = key.withProtection(target.protection());
			rewrapped.write(moved, ring.material(key.id()), true);
			result.add(moved);
		}
		return result;
	}

	private void write(KeyRingKey key, byte[] material, boolean replace) {
		byte[] wrapped = this.source.wrap(key.id(), material, KeyFiles.associatedData(key));
		KeyFiles.writeAtomically(KeyFiles.file(this.directory, key.id()), KeyFiles.write(key, wrapped), replace);
	}

	private Loaded loadKey(String keyId, Path file) {
		byte[] content;
		try {
			content = KeyFiles.read(keyId, file);
		}
		catch (NoSuchFileException ex) {
			throw ProtectorErrors.unknownKey(keyId, this.directory);
		}
		catch (IOException ex) {
			throw ProtectorErrors.keyFileInvalid(keyId, file, "it cannot be read (" + ex.getClass().getSimpleName() + ")");
		}
		KeyFiles.Parsed parsed = KeyFiles.parse(keyId, file, content);
		String protection = parsed.key.protection();
		if (PlainMasterKeySource.PROTECTION.equals(protection)) {
			if (!this.source.isPlain()) {
				throw ProtectorErrors.plainNotEnabled(keyId, file);
			}
			try {
				KeyFiles.checkPrivate(file);
			}
			catch (IOException ex) {
				throw ProtectorErrors.keyFileInvalid(keyId, file,
						"its permissions cannot be read (" + ex.getClass().getSimpleName() + ")");
			}
		}
		else if (!protection.equals(this.source.protection())) {
			if (protection.startsWith(AesMasterKeySource.PROTECTION_PREFIX)
					&& this.source.protection().startsWith(AesMasterKeySource.PROTECTION_PREFIX)) {
				throw ProtectorErrors.wrongMasterKey(keyId,
						protection.substring(AesMasterKeySource.PROTECTION_PREFIX.length()),
						MasterKeySources.fingerprint(this.source), this.source.description());
			}
			throw ProtectorErrors.protectionMismatch(keyId, protection, this.source.description());
		}
		byte[] material = this.source.unwrap(keyId, file, parsed.wrapped, KeyFiles.associatedData(parsed.key));
		if (material.length != AesGcmCiphertext.KEY_LENGTH) {
			Arrays.fill(material, (byte) 0);
			throw ProtectorErrors.keyFileInvalid(keyId, file, "the key material is not " + AesGcmCiphertext.KEY_LENGTH
					+ " bytes");
		}
		return new Loaded(parsed.key, material);
	}

	private void checkDirectory() {
		if (!Files.exists(this.directory)) {
			throw ProtectorErrors.keyRingMissing(this.directory);
		}
		if (!Files.isDirectory(this.directory)) {
			throw ProtectorErrors.keyRingNotADirectory(this.directory);
		}
	}

	private Map<String, Path> keyFiles() {
		checkDirectory();
		Map<String, Path> files = new TreeMap<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(this.directory, KeyFiles.PREFIX + "*"
				+ KeyFiles.SUFFIX)) {
			for (Path file : stream) {
				String id = KeyFiles.keyIdOf(file);
				if (id != null && Files.isRegularFile(file)) {
					files.put(id, file);
				}
			}
		}
		catch (IOException ex) {
			throw ProtectorErrors.keyRingUnreadable(this.directory, ex);
		}
		return files;
	}

	private static String newKeyId(Instant created) {
		byte[] random = new byte[4];
		RANDOM.nextBytes(random);
		StringBuilder sb = new StringBuilder(ID_DATE.format(created)).append('-');
		for (byte b : random) {
			sb.append(String.format("%02x", b & 0xff));
		}
		return sb.toString();
	}

	@Override
	public String toString() {
		return "KeyRingDirectory[" + this.directory + ", " + this.source.description() + "]";
	}

	private static final class Loaded {

		final KeyRingKey key;

		final byte[] material;

		Loaded(KeyRingKey key, byte[] material) {
			this.key = key;
			this.material = material;
		}

	}

}
