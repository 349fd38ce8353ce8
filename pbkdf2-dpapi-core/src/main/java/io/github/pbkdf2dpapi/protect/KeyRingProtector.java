package io.github.pbkdf2dpapi.protect;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link SecretProtector} over a key ring directory: AES-256-GCM with a 96-bit random nonce,
 * the key id inside every ciphertext ({@link AesGcmCiphertext}), associated data authenticated.
 * Envelope tags are {@code kr:<key id>}; {@code kr} alone (as in {@code ENC(kr:...)}) means "the
 * key named in the ciphertext" when unprotecting and "the primary key" when protecting.
 *
 * <h2>Keys</h2> New data is protected with the {@linkplain KeyRing#primary(Instant) primary key}.
 * Any key that is not revoked unprotects, expired keys included; a revoked key fails with
 * {@code REVOKED_KEY}. {@link #isOutdated(String)} is {@code true} for data under any other key
 * than the primary, so password records move to a new key at the next login.
 *
 * <h2>Reloading</h2> The ring is read again every {@link KeyRingOptions#getReloadInterval()} and
 * when a ciphertext names a key id it does not know (at most once per
 * {@value #UNKNOWN_KEY_RELOAD_SECONDS} seconds, so that garbage cannot make it read the directory
 * on every call). When a reload fails, the last good ring stays in use and a warning is logged.
 *
 * <h2>Automatic rotation</h2> When switched on, a reload that finds the newest key older than the
 * rotation interval minus the activation delay adds a key that activates after the activation
 * delay.
 *
 * <p>
 * Thread-safe. Every failure is a {@link ProtectorException} naming the key id and reason, never
 * the data.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class KeyRingProtector implements KeyedSecretProtector {

	/** The scheme of this protector. */
	public static final String SCHEME = "kr";

	/**
	 * Minimum time between two reloads caused by unknown key ids. Fixed: it only bounds the cost
	 * of bad input and has no reason to be tuned.
	 */
	static final long UNKNOWN_KEY_RELOAD_SECONDS = 5;

	private static final String PREFIX = SCHEME + ":";

	private static final Log logger = LogFactory.getLog(KeyRingProtector.class);

	private final KeyRingDirectory directory;

	private final KeyRingOptions options;

	private final Clock clock;

	private final Object reloadLock = new Object();

	private volatile State state;

	private KeyRingProtector(KeyRingDirectory directory, KeyRingOptions options, Clock clock, KeyRing ring,
			Instant now) {
		this.directory = directory;
		this.options = options;
		this.clock = clock;
		this.state = new State(ring, now, Instant.MIN);
	}

	/**
	 * Opens the key ring in {@code directory}. Fails when the ring is missing, empty, has no
	 * usable key, or has a plain key file others may read; logs a warning for every other key file
	 * that cannot be used.
	 * @param directory the key ring directory
	 * @param source how the key material is protected at rest
	 * @param options reload and rotation options
	 * @param clock the clock (tests pass a fixed one)
	 * @return the protector
	 * @throws ProtectorException with a message that says how to create or repair the ring
	 */
	public static KeyRingProtector open(Path directory, MasterKeySource source, KeyRingOptions options, Clock clock) {
		if (options == null || clock == null) {
			throw new IllegalArgumentException("'options' and 'clock' must not be null");
		}
		KeyRingDirectory keyRing = new KeyRingDirectory(directory, source);
		Instant now = clock.instant();
		KeyRing ring = keyRing.load();
		for (ProtectorException problem : ring.problems().values()) {
			if (problem.getReason() == ProtectorException.Reason.INSECURE_PERMISSIONS) {
				throw problem.again();
			}
		}
		if (ring.keys().isEmpty() && ring.problems().isEmpty()) {
			throw ProtectorErrors.keyRingEmpty(directory);
		}
		if (ring.primary(now).isEmpty()) {
			throw noUsableKey(ring);
		}
		logProblems(ring);
		KeyRingProtector protector = new KeyRingProtector(keyRing, options, clock, ring, now);
		protector.rotateIfDue(ring, now);
		return protector;
	}

	@Override
	public String scheme() {
		return SCHEME;
	}

	@Override
	public String currentEnvelope() {
		Instant now = this.clock.instant();
		return PREFIX + primary(current(now), now).id;
	}

	@Override
	public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
		String requested = keyIdOf(envelope);
		Instant now = this.clock.instant();
		KeyRing ring = current(now);
		Resolved key = (requested != null) ? usableKey(ring, requested, now) : primary(ring, now);
		return AesGcmCiphertext.seal(key.id, key.material, plaintext, associatedData);
	}

	@Override
	public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
		String named = keyIdOf(envelope);
		String keyId = AesGcmCiphertext.keyId(ciphertext);
		if (named != null && !named.equals(keyId)) {
			throw ProtectorErrors.envelopeKeyMismatch(named, keyId);
		}
		Instant now = this.clock.instant();
		Resolved key = usableKey(current(now), keyId, now);
		return AesGcmCiphertext.open(key.material, ciphertext, associatedData);
	}

	/**
	 * {@code true} unless {@code envelope} names the primary key; {@code false} when the ring has
	 * no usable key at all, since data cannot be moved then (and a login that asks must not fail
	 * because of it).
	 */
	@Override
	public boolean isOutdated(String envelope) {
		try {
			return !currentEnvelope().equals(envelope);
		}
		catch (ProtectorException ex) {
			logger.warn("Cannot tell whether data should move to a new key: " + ex.getMessage());
			return false;
		}
	}

	/**
	 * The current snapshot of the ring (reloaded first if the reload interval has passed).
	 * @return the key ring
	 */
	public KeyRing getKeyRing() {
		return current(this.clock.instant());
	}

	/**
	 * The keys of the ring as ids and dates, for health checks and the actuator endpoint.
	 * @return the keys, oldest first
	 */
	@Override
	public List<ProtectorKeyInfo> keys() {
		Instant now = this.clock.instant();
		KeyRing ring = current(now);
		String primary = ring.primary(now).map(KeyRingKey::id).orElse(null);
		return ring.keys()
			.stream()
			.map((key) -> new ProtectorKeyInfo(key.id(), key.created(), key.activation(), key.expiration().orElse(null),
					key.isRevoked(), key.id().equals(primary)))
			.toList();
	}

	/**
	 * The directory and master key source of this ring, for rotation and revocation.
	 * @return the key ring directory
	 */
	public KeyRingDirectory getDirectory() {
		return this.directory;
	}

	/**
	 * Reads the directory now.
	 * @return the new snapshot
	 * @throws ProtectorException if the directory cannot be read (the old snapshot stays in use)
	 */
	public KeyRing reload() {
		Instant now = this.clock.instant();
		synchronized (this.reloadLock) {
			KeyRing ring = this.directory.load();
			this.state = new State(ring, now, this.state.lastUnknownKeyReload);
			logProblems(ring);
			return rotateIfDue(ring, now);
		}
	}

	private KeyRing current(Instant now) {
		State s = this.state;
		if (now.isBefore(s.loadedAt.plus(this.options.getReloadInterval()))) {
			return s.ring;
		}
		synchronized (this.reloadLock) {
			s = this.state;
			if (now.isBefore(s.loadedAt.plus(this.options.getReloadInterval()))) {
				return s.ring;
			}
			return tryReload(s, now, s.lastUnknownKeyReload);
		}
	}

	private KeyRing tryReload(State previous, Instant now, Instant lastUnknownKeyReload) {
		try {
			KeyRing ring = this.directory.load();
			this.state = new State(ring, now, lastUnknownKeyReload);
			return rotateIfDue(ring, now);
		}
		catch (ProtectorException ex) {
			logger.warn("Key ring reload failed, keeping the keys loaded at " + previous.loadedAt + ": "
					+ ex.getMessage());
			this.state = new State(previous.ring, now, lastUnknownKeyReload);
			return previous.ring;
		}
	}

	private KeyRing rotateIfDue(KeyRing ring, Instant now) {
		Optional<Duration> interval = this.options.getRotationInterval();
		Optional<KeyRingKey> newest = ring.newest();
		if (interval.isEmpty() || newest.isEmpty()) {
			return ring;
		}
		Duration delay = this.options.getActivationDelay();
		if (newest.get().activation().plus(interval.get()).isAfter(now.plus(delay))) {
			return ring;
		}
		synchronized (this.reloadLock) {
			try {
				KeyRingKey key = this.directory.addKey(now, delay, null);
				logger.info("Key ring rotated automatically: added key '" + key.id() + "', active from "
						+ key.activation());
				KeyRing reloaded = this.directory.load();
				this.state = new State(reloaded, now, this.state.lastUnknownKeyReload);
				return reloaded;
			}
			catch (ProtectorException ex) {
				logger.warn("Automatic key ring rotation failed: " + ex.getMessage());
				return ring;
			}
		}
	}

	private Resolved usableKey(KeyRing ring, String keyId, Instant now) {
		Optional<KeyRingKey> key = ring.find(keyId);
		if (key.isEmpty() && !ring.problems().containsKey(keyId)) {
			ring = reloadForUnknownKey(now);
			key = ring.find(keyId);
		}
		if (key.isEmpty()) {
			ProtectorException problem = ring.problems().get(keyId);
			throw (problem != null) ? problem.again() : ProtectorErrors.unknownKey(keyId, this.directory.getDirectory());
		}
		if (key.get().isRevoked()) {
			throw ProtectorErrors.revokedKey(keyId);
		}
		return new Resolved(keyId, ring.material(keyId));
	}

	private KeyRing reloadForUnknownKey(Instant now) {
		synchronized (this.reloadLock) {
			State s = this.state;
			if (now.isBefore(s.lastUnknownKeyReload.plusSeconds(UNKNOWN_KEY_RELOAD_SECONDS))) {
				return s.ring;
			}
			return tryReload(s, now, now);
		}
	}

	private static Resolved primary(KeyRing ring, Instant now) {
		KeyRingKey key = ring.primary(now).orElseThrow(() -> noUsableKey(ring));
		return new Resolved(key.id(), ring.material(key.id()));
	}

	private static ProtectorException noUsableKey(KeyRing ring) {
		Map<String, ProtectorException> problems = ring.problems();
		String first = problems.isEmpty() ? null : problems.values().iterator().next().getMessage();
		return ProtectorErrors.keyRingNoUsableKey(ring.directory(), problems.size(), first);
	}

	private static String keyIdOf(String envelope) {
		if (SCHEME.equals(envelope)) {
			return null;
		}
		if (envelope != null && envelope.startsWith(PREFIX) && envelope.length() > PREFIX.length()) {
			return envelope.substring(PREFIX.length());
		}
		throw ProtectorErrors.keyRingWrongScheme(envelope);
	}

	private static void logProblems(KeyRing ring) {
		for (ProtectorException problem : ring.problems().values()) {
			logger.warn("Key ring key skipped: " + problem.getMessage());
		}
	}

	@Override
	public String toString() {
		return "KeyRingProtector[" + this.directory + ", " + this.options + "]";
	}

	private static final class Resolved {

		final String id;

		final byte[] material;

		Resolved(String id, byte[] material) {
			this.id = id;
			this.material = material;
		}

	}

	private static final class State {

		final KeyRing ring;

		final Instant loadedAt;

		final Instant lastUnknownKeyReload;

		State(KeyRing ring, Instant loadedAt, Instant lastUnknownKeyReload) {
			this.ring = ring;
			this.loadedAt = loadedAt;
			this.lastUnknownKeyReload = lastUnknownKeyReload;
		}

	}

}
