package io.github.pbkdf2dpapi.autoconfigure.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderSettings;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;
import io.github.pbkdf2dpapi.lockout.LockoutPolicy;
import io.github.pbkdf2dpapi.password.PepperRing;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2EngineSelection;
import io.github.pbkdf2dpapi.protect.KeyedSecretProtector;
import io.github.pbkdf2dpapi.protect.ProtectorKeyInfo;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * {@link Endpoint @Endpoint} that shows the effective password storage configuration: algorithm,
 * iterations, the time of one hash measured at start-up, pepper ids, envelope kind and key ids,
 * the hashing bulkhead and the lockout policy. Never a pepper, key or hash. Durations are ISO-8601
 * strings.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@Endpoint(id = "pbkdf2dpapi")
public class Pbkdf2DpapiEndpoint {

	private final @Nullable Pbkdf2DpapiPasswordEncoderSettings settings;

	private final @Nullable SecretProtector protector;

	private final @Nullable HashingBulkhead bulkhead;

	private final @Nullable LockoutPolicy lockoutPolicy;

	/**
	 * Create a new endpoint; each part may be absent.
	 * @param settings the auto-configured encoder's settings
	 * @param protector the envelope protector
	 * @param bulkhead the hashing bulkhead
	 * @param lockoutPolicy the lockout policy
	 */
	public Pbkdf2DpapiEndpoint(@Nullable Pbkdf2DpapiPasswordEncoderSettings settings,
			@Nullable SecretProtector protector, @Nullable HashingBulkhead bulkhead,
			@Nullable LockoutPolicy lockoutPolicy) {
		this.settings = settings;
		this.protector = protector;
		this.bulkhead = bulkhead;
		this.lockoutPolicy = lockoutPolicy;
	}

	/**
	 * Describes the effective configuration.
	 * @return the description
	 */
	@ReadOperation
	public Pbkdf2DpapiDescriptor describe() {
		SecretProtector envelopeProtector = (this.settings != null) ? this.settings.getEncoder().getProtector()
				: this.protector;
		return new Pbkdf2DpapiDescriptor(password(), pepper(), envelope(envelopeProtector), bulkhead(), lockout());
	}

	private @Nullable PasswordDescriptor password() {
		if (this.settings == null) {
			return null;
		}
		Pbkdf2DpapiPasswordEncoder encoder = this.settings.getEncoder();
		Pbkdf2EngineSelection engine = this.settings.getEngine();
		return new PasswordDescriptor(Pbkdf2DpapiPasswordEncoder.ID, encoder.getPrf().id(), encoder.getIterations(),
				encoder.getMaxIterations(), this.settings.getSaltLength(), this.settings.getHashLength(),
				this.settings.getNormalization().id(), millis(this.settings.getMeasuredLatency()),
				iso(this.settings.getCalibrateTo()), new EngineDescriptor(engine.requested(), engine.engine().name(),
						engine.isFallback() ? engine.fallback().message() : null));
	}

	private @Nullable PepperDescriptor pepper() {
		if (this.settings == null) {
			return null;
		}
		PepperRing peppers = this.settings.getEncoder().getPeppers();
		return new PepperDescriptor(peppers.currentId(), peppers.ids());
	}

	private static @Nullable EnvelopeDescriptor envelope(@Nullable SecretProtector protector) {
		if (protector == null) {
			return null;
		}
		List<KeyDescriptor> keys = (protector instanceof KeyedSecretProtector keyed)
				? keyed.keys().stream().map(KeyDescriptor::of).toList() : null;
		return new EnvelopeDescriptor(protector.scheme(), protector.currentEnvelope(), keys);
	}

	private @Nullable BulkheadDescriptor bulkhead() {
		if (this.bulkhead == null) {
			return null;
		}
		return new BulkheadDescriptor(this.bulkhead.getMaxConcurrent(), iso(this.bulkhead.getMaxWait()),
				this.bulkhead.getActive(), this.bulkhead.getWaiting());
	}

	private @Nullable LockoutDescriptor lockout() {
		LockoutPolicy p = this.lockoutPolicy;
		if (p == null) {
			return null;
		}
		return new LockoutDescriptor(p.getMaxFailures(), iso(p.getWindow()), iso(p.getDuration()),
				p.getDurationMultiplier(), iso(p.getMaxDuration()), p.getPermanentAfterLockouts(),
				p.getMaxConsecutiveFailures(), p.isAddressLimitEnabled(), p.getAddressMaxFailures(),
				iso(p.getAddressWindow()), iso(p.getAddressDuration()));
	}

	private static @Nullable Long millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

	private static @Nullable String iso(@Nullable Duration duration) {
		return (duration != null) ? duration.toString() : null;
	}

	/**
	 * The effective configuration.
	 *
	 * @param password the encoder of new records, {@code null} with an application encoder
	 * @param pepper the pepper ids
	 * @param envelope the envelope protector
	 * @param bulkhead the hashing bulkhead, {@code null} when disabled
	 * @param lockout the lockout policy, {@code null} when disabled
	 */
	public record Pbkdf2DpapiDescriptor(@Nullable PasswordDescriptor password, @Nullable PepperDescriptor pepper,
			@Nullable EnvelopeDescriptor envelope, @Nullable BulkheadDescriptor bulkhead,
			@Nullable LockoutDescriptor lockout) {
	}

	/**
	 * The encoder of new records.
	 *
	 * @param id the id in stored values
	 * @param algorithm the PRF
	 * @param iterations the iteration count
	 * @param maxIterations the highest count a stored record may ask for
	 * @param saltLength salt bytes
	 * @param hashLength hash bytes
	 * @param normalization the password normalisation
	 * @param measuredMillis one hash on this machine, measured at start-up
	 * @param calibrateTo the calibration target, if the count was calibrated
	 * @param engine the PBKDF2 engine
	 */
	public record PasswordDescriptor(String id, String algorithm, int iterations, int maxIterations, int saltLength,
			int hashLength, String normalization, @Nullable Long measuredMillis, @Nullable String calibrateTo,
			EngineDescriptor engine) {
	}

	/**
	 * The PBKDF2 engine.
	 *
	 * @param requested the engine configured ({@code pbkdf2-dpapi.password.engine})
	 * @param active the engine in use
	 * @param fallback why they differ, {@code null} when they do not
	 */
	public record EngineDescriptor(String requested, String active, @Nullable String fallback) {
	}

	/**
	 * The peppers.
	 *
	 * @param current the id of new records ({@code -} for none)
	 * @param ids the configured ids
	 */
	public record PepperDescriptor(String current, Set<String> ids) {
	}

	/**
	 * The envelope.
	 *
	 * @param scheme the protector scheme
	 * @param current the envelope tag of new records
	 * @param keys the keys of a key ring, {@code null} for protectors without keys
	 */
	public record EnvelopeDescriptor(String scheme, String current, @Nullable List<KeyDescriptor> keys) {
	}

	/**
	 * A key of the envelope protector.
	 *
	 * @param id the key id
	 * @param created creation time
	 * @param activates activation time
	 * @param expires expiry time
	 * @param revoked whether revoked
	 * @param primary whether it protects new data
	 */
	public record KeyDescriptor(String id, @Nullable String created, @Nullable String activates,
			@Nullable String expires, boolean revoked, boolean primary) {

		static KeyDescriptor of(ProtectorKeyInfo key) {
			return new KeyDescriptor(key.id(), str(key.created()), str(key.activates()), str(key.expires()),
					key.revoked(), key.primary());
		}

		private static @Nullable String str(@Nullable Object value) {
			return (value != null) ? value.toString() : null;
		}

	}

	/**
	 * The hashing bulkhead.
	 *
	 * @param maxConcurrent hashes at once
	 * @param maxWait longest wait for a slot
	 * @param active hashes running now
	 * @param waiting logins waiting now
	 */
	public record BulkheadDescriptor(int maxConcurrent, @Nullable String maxWait, int active, int waiting) {
	}

	/**
	 * The lockout policy.
	 *
	 * @param maxFailures failures in the window that lock an account
	 * @param window the counting window
	 * @param duration the first lock's duration
	 * @param durationMultiplier growth of each further lock
	 * @param maxDuration the longest lock
	 * @param permanentAfterLockouts lockouts after which only an administrator unlocks (0: never)
	 * @param maxConsecutiveFailures failures since the last success that lock permanently
	 * @param addressLimitEnabled whether client addresses have a budget
	 * @param addressMaxFailures the address budget
	 * @param addressWindow the address window
	 * @param addressDuration the address throttle duration
	 */
	public record LockoutDescriptor(int maxFailures, @Nullable String window, @Nullable String duration,
			double durationMultiplier, @Nullable String maxDuration, int permanentAfterLockouts,
			int maxConsecutiveFailures, boolean addressLimitEnabled, int addressMaxFailures,
			@Nullable String addressWindow, @Nullable String addressDuration) {
	}

}
