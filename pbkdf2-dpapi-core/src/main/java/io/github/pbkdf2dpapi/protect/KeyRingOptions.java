package io.github.pbkdf2dpapi.protect;

import java.time.Duration;
import java.util.Optional;

/**
 * Options of a {@link KeyRingProtector}: activation delay of new keys, reload interval and
 * automatic rotation. Immutable; each {@code with...} method validates its value and returns a
 * copy.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class KeyRingOptions {

	/**
	 * Default delay between adding a key and using it for new data: long enough for every node,
	 * reloading every {@link #DEFAULT_RELOAD_INTERVAL}, to know it before any node uses it.
	 */
	public static final Duration DEFAULT_ACTIVATION_DELAY = Duration.ofHours(1);

	/** Default interval between two reloads of the key ring directory. */
	public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofMinutes(5);

	/** Default interval of automatic rotation, when it is switched on. */
	public static final Duration DEFAULT_ROTATION_INTERVAL = Duration.ofDays(90);

	private static final KeyRingOptions DEFAULTS = new KeyRingOptions(DEFAULT_ACTIVATION_DELAY,
			DEFAULT_RELOAD_INTERVAL, null);

	private final Duration activationDelay;

	private final Duration reloadInterval;

	private final Duration rotationInterval;

	private KeyRingOptions(Duration activationDelay, Duration reloadInterval, Duration rotationInterval) {
		this.activationDelay = activationDelay;
		this.reloadInterval = reloadInterval;
		this.rotationInterval = rotationInterval;
	}

	/**
	 * The defaults: activation delay {@code PT1H}, reload every {@code PT5M}, no automatic
	 * rotation.
	 * @return the default options
	 */
	public static KeyRingOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Options with another activation delay for keys added by automatic rotation.
	 * @param activationDelay zero or more
	 * @return new options
	 */
	public KeyRingOptions withActivationDelay(Duration activationDelay) {
		if (activationDelay == null || activationDelay.isNegative()) {
			throw new IllegalArgumentException("'activationDelay' must be zero or positive");
		}
		return new KeyRingOptions(activationDelay, this.reloadInterval, this.rotationInterval);
	}

	/**
	 * Options with another reload interval.
	 * @param reloadInterval more than zero
	 * @return new options
	 */
	public KeyRingOptions withReloadInterval(Duration reloadInterval) {
		if (reloadInterval == null || reloadInterval.isNegative() || reloadInterval.isZero()) {
			throw new IllegalArgumentException("'reloadInterval' must be positive");
		}
		return new KeyRingOptions(this.activationDelay, reloadInterval, this.rotationInterval);
	}

	/**
	 * Options with automatic rotation: when the newest key is older than {@code interval} minus
	 * the activation delay, a node adds a new key that activates after the activation delay.
	 * @param interval at least one hour
	 * @return new options
	 */
	public KeyRingOptions withAutomaticRotation(Duration interval) {
		if (interval == null || interval.compareTo(Duration.ofHours(1)) < 0) {
			throw new IllegalArgumentException("'interval' of automatic rotation must be at least one hour");
		}
		return new KeyRingOptions(this.activationDelay, this.reloadInterval, interval);
	}

	/**
	 * Options without automatic rotation.
	 * @return new options
	 */
	public KeyRingOptions withoutAutomaticRotation() {
		return new KeyRingOptions(this.activationDelay, this.reloadInterval, null);
	}

	/**
	 * The delay between adding a key and using it for new data.
	 * @return the activation delay
	 */
	public Duration getActivationDelay() {
		return this.activationDelay;
	}

	/**
	 * The interval between two reloads of the directory.
	 * @return the reload interval
	 */
	public Duration getReloadInterval() {
		return this.reloadInterval;
	}

	/**
	 * The automatic rotation interval.
	 * @return the interval, or empty when automatic rotation is off
	 */
	public Optional<Duration> getRotationInterval() {
		return Optional.ofNullable(this.rotationInterval);
	}

	@Override
	public String toString() {
		return "KeyRingOptions[activationDelay=" + this.activationDelay + ", reloadInterval=" + this.reloadInterval
				+ ", rotationInterval=" + this.rotationInterval + "]";
	}

}
