package io.github.pbkdf2dpapi.autoconfigure.password;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.StringUtils;

import io.github.pbkdf2dpapi.password.InvalidEncoderSettingException;
import io.github.pbkdf2dpapi.password.PepperRing;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.legacy.LegacyOptions;
import io.github.pbkdf2dpapi.legacy.LegacyPasswordEncoders;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2EngineSelection;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engines;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Timing;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * the pbkdf2-dpapi {@link PasswordEncoder}: a {@code DelegatingPasswordEncoder} whose default
 * id is {@code pbkdf2-dpapi} (its table of legacy encoders built on first use), configured from {@code pbkdf2-dpapi.password.*} and
 * {@code pbkdf2-dpapi.envelope.*}, decorated by every {@link Pbkdf2DpapiPasswordEncoderDecorator}
 * bean (the hashing bulkhead, metrics). Backs off when the application defines its own
 * {@link PasswordEncoder}. The effective settings are a {@link Pbkdf2DpapiPasswordEncoderSettings}
 * bean, which is not itself a {@link PasswordEncoder}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConditionalOnClass(PasswordEncoder.class)
@ConditionalOnBooleanProperty(name = "pbkdf2-dpapi.password.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ Pbkdf2DpapiPasswordProperties.class, EnvelopeProperties.class,
		KeyRingProperties.class, MigrationProperties.class })
public final class Pbkdf2DpapiPasswordEncoderAutoConfiguration {

	private static final Log logger = LogFactory.getLog(Pbkdf2DpapiPasswordEncoderAutoConfiguration.class);

	private static final String PASSWORD = "pbkdf2-dpapi.password.";

	@Bean
	static PlainSecretPropertiesCheck pbkdf2DpapiPlainSecretPropertiesCheck(Environment environment) {
		return new PlainSecretPropertiesCheck(environment);
	}

	/**
	 * The protector and the encoder, only when the application has no {@link PasswordEncoder} of
	 * its own: an application that brings its own encoder is not asked for a key ring.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(PasswordEncoder.class)
	static class PasswordEncoderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecretProtector pbkdf2DpapiSecretProtector(EnvelopeProperties envelope, KeyRingProperties keyRing,
				ObjectProvider<Clock> clock, ObjectProvider<SharedKeyRings> keyRings) {
			// The key ring that decrypted ENC(...) values, when its settings are the same.
			return EnvelopeProtectors.create(envelope, keyRing, clock.getIfUnique(Clock::systemUTC),
					keyRings.getIfUnique(SharedKeyRings::new));
		}

		@Bean
		Pbkdf2DpapiPasswordEncoderSettings pbkdf2DpapiPasswordEncoderSettings(Pbkdf2DpapiPasswordProperties properties,
				SecretProtector secretProtector,
				ObjectProvider<Pbkdf2DpapiSecretProtectorDecorator> protectorDecorators) {
			SecretProtector protector = secretProtector;
			for (Pbkdf2DpapiSecretProtectorDecorator decorator : protectorDecorators.orderedStream().toList()) {
				protector = decorator.decorate(protector);
			}
			Pbkdf2EngineSelection engine = engine(properties);
			boolean timed = properties.getCalibrateTo() != null || properties.getBudget().isCheck();
			// Time the engine that will hash: the OpenSSL engine is faster, so calibration gives it more iterations.
			Pbkdf2Timing timing = timed ? Pbkdf2Timing.measure(properties.getAlgorithm().prf(), engine.engine())
					: null;
			Pbkdf2DpapiPasswordEncoder encoder = encoder(properties, protector, timing, engine.engine());
			review(properties, encoder, timing);
			return new Pbkdf2DpapiPasswordEncoderSettings(encoder, properties.getSaltLength(),
					(properties.getHashLength() != null) ? properties.getHashLength() : encoder.getPrf().hashLength(),
					properties.getNormalization(), (timing != null) ? timing.estimate(encoder.getIterations()) : null,
					properties.getCalibrateTo(), engine);
		}

		@Bean
		PasswordEncoder passwordEncoder(Pbkdf2DpapiPasswordEncoderSettings settings, MigrationProperties migration,
				ObjectProvider<Pbkdf2DpapiPasswordEncoderDecorator> decorators) {
			// The options are validated now; the table of legacy encoders is built at first use.
			LegacyOptions options = migration.toOptions();
			PasswordEncoder encoder = new LazyPasswordEncoder(
					() -> LegacyPasswordEncoders.createDelegatingPasswordEncoder(settings.getEncoder(), options));
			for (Pbkdf2DpapiPasswordEncoderDecorator decorator : decorators.orderedStream().toList()) {
				encoder = decorator.decorate(encoder);
			}
			return encoder;
		}

	}

	/**
	 * The engine of {@code pbkdf2-dpapi.password.engine}; when {@code openssl} cannot run here,
	 * the Java engine and one WARN (ERROR for a failed cross-check) saying what to change.
	 */
	static Pbkdf2EngineSelection engine(Pbkdf2DpapiPasswordProperties properties) {
		if (properties.getEngine() != Pbkdf2DpapiPasswordProperties.Engine.OPENSSL) {
			return Pbkdf2Engines.java();
		}
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(Optional.ofNullable(properties.getEngineLibrary()));
		Pbkdf2EngineSelection.Fallback fallback = selection.fallback();
		if (fallback == null) {
			logger.info("pbkdf2-dpapi: PBKDF2 engine " + selection.engine() + " (cross-checked with the Java engine)");
		}
		else if (fallback.isError()) {
			logger.error(fallback.message() + " (" + PASSWORD + "engine=openssl)");
		}
		else {
			logger.warn(fallback.message() + " (" + PASSWORD + "engine=openssl)");
		}
		return selection;
	}

	/**
	 * Builds the encoder; with {@code calibrate-to}, times this machine first and raises the
	 * iteration count to the target (never lowers it).
	 */
	static Pbkdf2DpapiPasswordEncoder encoder(Pbkdf2DpapiPasswordProperties properties, SecretProtector protector,
			Pbkdf2Timing timing, Pbkdf2Engine engine) {
		Pbkdf2DpapiPasswordEncoder encoder = build(properties, protector, properties.getIterations(), engine);
		if (properties.getCalibrateTo() != null) {
			int chosen = PasswordParameterReview.calibratedIterations(timing, properties.getCalibrateTo(),
					encoder.getIterations());
			logger.info("pbkdf2-dpapi: calibrated to " + properties.getCalibrateTo().toMillis() + " ms: "
					+ chosen + " iterations of " + encoder.getPrf().id() + " (at least " + encoder.getIterations()
					+ ", the configured count)");
			encoder = build(properties, protector, chosen, engine);
		}
		return encoder;
	}

	private static void review(Pbkdf2DpapiPasswordProperties properties, Pbkdf2DpapiPasswordEncoder encoder,
			Pbkdf2Timing timing) {
		if (logger.isInfoEnabled()) {
			logger.info("pbkdf2-dpapi: " + encoder);
		}
		String owasp = PasswordParameterReview.owaspWarning(encoder.getPrf(), encoder.getIterations());
		if (owasp != null) {
			logger.warn(owasp);
		}
		for (String duplicate : encoder.getPeppers().duplicateIds()) {
			logger.warn("pbkdf2-dpapi: pepper ids " + duplicate + " (pbkdf2-dpapi.password.pepper.secrets) hold the "
					+ "same secret; give each id its own random pepper, or a rotation changes nothing");
		}
		if (properties.getBudget().isCheck()) {
			logger.info(PasswordParameterReview.measured(timing, encoder.getIterations()));
			PasswordParameterReview
				.warnings(timing, encoder.getIterations(), properties.getBudget().getMin(), properties.getBudget().getMax())
				.forEach(logger::warn);
		}
	}

	private static Pbkdf2DpapiPasswordEncoder build(Pbkdf2DpapiPasswordProperties properties,
			SecretProtector protector, Integer iterations, Pbkdf2Engine engine) {
		Pbkdf2DpapiPasswordEncoder.Builder builder = Pbkdf2DpapiPasswordEncoder.builder()
			.engine(engine)
			.prf(properties.getAlgorithm().prf())
			.saltLength(properties.getSaltLength())
			.normalization(properties.getNormalization())
			.maxLength(properties.getMaxLength())
			.allowWeakParameters(properties.isAllowWeakParameters())
			.peppers(peppers(properties.getPepper()))
			.protector(protector);
		if (iterations != null) {
			builder.iterations(iterations);
		}
		if (properties.getHashLength() != null) {
			builder.hashLength(properties.getHashLength());
		}
		if (properties.getMaxIterations() != null) {
			builder.maxIterations(properties.getMaxIterations());
		}
		try {
			return builder.build();
		}
		catch (InvalidEncoderSettingException ex) {
			throw invalidProperty(ex);
		}
	}

	private static PepperRing peppers(Pbkdf2DpapiPasswordProperties.Pepper pepper) {
		boolean hasCurrent = StringUtils.hasText(pepper.getCurrent());
		if (!hasCurrent && pepper.getSecrets().isEmpty()) {
			return PepperRing.none();
		}
		if (!hasCurrent) {
			throw new InvalidPbkdf2DpapiPropertyException(PASSWORD + "pepper.current",
					"pepper secrets are configured but no current pepper id is set",
					"Set pbkdf2-dpapi.password.pepper.current to the id of the pepper for new passwords, one of "
							+ pepper.getSecrets().keySet() + ".");
		}
		Map<String, byte[]> secrets = new LinkedHashMap<>();
		pepper.getSecrets().forEach((id, value) -> secrets.put(id, EnvelopeProtectors.decodeBase64(PASSWORD + "pepper.secrets." + id, value)));
		try {
			return PepperRing.of(pepper.getCurrent(), secrets);
		}
		catch (InvalidEncoderSettingException ex) {
			throw invalidProperty(ex);
		}
	}

	private static InvalidPbkdf2DpapiPropertyException invalidProperty(InvalidEncoderSettingException ex) {
		return new InvalidPbkdf2DpapiPropertyException(PASSWORD + ex.getSetting(), ex.getReason(), ex.getAction());
	}

}
