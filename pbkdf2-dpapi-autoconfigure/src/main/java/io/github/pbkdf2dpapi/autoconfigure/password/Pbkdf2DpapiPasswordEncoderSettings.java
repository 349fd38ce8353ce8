package io.github.pbkdf2dpapi.autoconfigure.password;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.pbkdf2dpapi.password.PasswordNormalization;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2EngineSelection;

/**
 * The effective settings of the auto-configured pbkdf2-dpapi encoder, for the actuator endpoint,
 * the health indicator and the tests. A bean that is deliberately not a {@code PasswordEncoder},
 * so that Spring Security still finds exactly one. Holds no secret: the encoder it gives access
 * to exposes pepper ids and envelope tags only.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class Pbkdf2DpapiPasswordEncoderSettings {

	private final Pbkdf2DpapiPasswordEncoder encoder;

	private final int saltLength;

	private final int hashLength;

	private final PasswordNormalization normalization;

	private final @Nullable Duration measuredLatency;

	private final @Nullable Duration calibrateTo;

	private final Pbkdf2EngineSelection engine;

	Pbkdf2DpapiPasswordEncoderSettings(Pbkdf2DpapiPasswordEncoder encoder, int saltLength, int hashLength,
			PasswordNormalization normalization, @Nullable Duration measuredLatency, @Nullable Duration calibrateTo,
			Pbkdf2EngineSelection engine) {
		this.encoder = encoder;
		this.saltLength = saltLength;
		this.hashLength = hashLength;
		this.normalization = normalization;
		this.measuredLatency = measuredLatency;
		this.calibrateTo = calibrateTo;
		this.engine = engine;
	}

	/**
	 * The encoder of new records (undecorated, not the {@code PasswordEncoder} bean).
	 * @return the encoder
	 */
	public Pbkdf2DpapiPasswordEncoder getEncoder() {
		return this.encoder;
	}

	/**
	 * The salt length of new records.
	 * @return the length in bytes
	 */
	public int getSaltLength() {
		return this.saltLength;
	}

	/**
	 * The hash length of new records.
	 * @return the length in bytes
	 */
	public int getHashLength() {
		return this.hashLength;
	}

	/**
	 * The normalisation of new records.
	 * @return the normalisation
	 */
	public PasswordNormalization getNormalization() {
		return this.normalization;
	}

	/**
	 * The time of one hash with the effective iteration count, measured at start-up.
	 * @return the estimate, or {@code null} when neither the budget check nor calibration ran
	 */
	public @Nullable Duration getMeasuredLatency() {
		return this.measuredLatency;
	}

	/**
	 * The calibration target ({@code pbkdf2-dpapi.password.calibrate-to}).
	 * @return the target, or {@code null} when the iteration count was configured
	 */
	public @Nullable Duration getCalibrateTo() {
		return this.calibrateTo;
	}

	/**
	 * The PBKDF2 engine asked for ({@code pbkdf2-dpapi.password.engine}), the one in use, and why
	 * they differ when they do.
	 * @return the engine selection
	 */
	public Pbkdf2EngineSelection getEngine() {
		return this.engine;
	}

	@Override
	public String toString() {
		return "Pbkdf2DpapiPasswordEncoderSettings[" + this.encoder + "]";
	}

}
