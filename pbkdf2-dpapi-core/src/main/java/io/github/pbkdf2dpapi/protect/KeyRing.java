package io.github.pbkdf2dpapi.protect;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of a key ring directory: the keys that could be loaded, with their
 * material, and a problem for each key file that could not. Obtain one from
 * {@link KeyRingDirectory#load()} or {@link KeyRingProtector#getKeyRing()}.
 *
 * <h2>Primary key</h2> {@link #primary(Instant)} chooses the key for new data: the active key
 * (not revoked, activated, not expired) with the latest activation. When there is none, it falls
 * back to the newest expired key, and then to the pending key that activates first, so that
 * protecting never fails while any usable key exists. Only a ring whose keys are all revoked or
 * unreadable has no primary key.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class KeyRing {

	private final Path directory;

	private final List<KeyRingKey> keys;

	private final Map<String, byte[]> material;

	private final Map<String, ProtectorException> problems;

	KeyRing(Path directory, List<KeyRingKey> keys, Map<String, byte[]> material,
			Map<String, ProtectorException> problems) {
		List<KeyRingKey> sorted = new ArrayList<>(keys);
		sorted.sort(KeyRingKey.OLDEST_FIRST);
		this.directory = directory;
		this.keys = Collections.unmodifiableList(sorted);
		this.material = Map.copyOf(material);
		this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
	}

	/**
	 * The directory this snapshot was read from.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The keys that could be loaded, revoked ones included, oldest first.
	 * @return the keys
	 */
	public List<KeyRingKey> keys() {
		return this.keys;
	}

	/**
	 * The key files that could not be loaded, by key id: each problem says why (truncated,
	 * edited, wrong master key, insecure permissions, ...).
	 * @return the problems, in file name order
	 */
	public Map<String, ProtectorException> problems() {
		return this.problems;
	}

	/**
	 * The key with this id.
	 * @param keyId a key id
	 * @return the key, or empty if no usable key has that id
	 */
	public Optional<KeyRingKey> find(String keyId) {
		for (KeyRingKey key : this.keys) {
			if (key.id().equals(keyId)) {
				return Optional.of(key);
			}
		}
		return Optional.empty();
	}

	/**
	 * The key that protects new data at {@code now} (see the class description).
	 * @param now the time of the decision
	 * @return the primary key, or empty if no key can protect
	 */
	public Optional<KeyRingKey> primary(Instant now) {
		KeyRingKey active = null;
		KeyRingKey expired = null;
		KeyRingKey pending = null;
		for (KeyRingKey key : this.keys) {
			if (key.isRevoked()) {
				continue;
			}
			if (key.isActive(now)) {
				active = key;
			}
			else if (key.isExpired(now) && !key.activation().isAfter(now)) {
				expired = key;
			}
			else if (key.activation().isAfter(now) && pending == null) {
				pending = key;
			}
		}
		if (active != null) {
			return Optional.of(active);
		}
		return Optional.ofNullable((expired != null) ? expired : pending);
	}

	/**
	 * The newest key that is not revoked, by activation.
	 * @return the key, or empty
	 */
	Optional<KeyRingKey> newest() {
		return this.keys.stream().filter((key) -> !key.isRevoked()).max(Comparator.comparing(KeyRingKey::activation));
	}

	byte[] material(String keyId) {
		return this.material.get(keyId);
	}

	@Override
	public String toString() {
		List<String> ids = new ArrayList<>();
		for (KeyRingKey key : this.keys) {
			ids.add(key.id());
		}
		return "KeyRing[directory=" + this.directory + ", keys=" + ids + ", problems=" + this.problems.keySet() + "]";
	}

}
