package io.github.pbkdf2dpapi.autoconfigure.actuate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.github.pbkdf2dpapi.autoconfigure.password.Pbkdf2DpapiPasswordEncoderSettings;
import io.github.pbkdf2dpapi.password.PepperRing;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2EngineSelection;
import io.github.pbkdf2dpapi.protect.KeyedSecretProtector;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.ProtectorKeyInfo;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * {@link HealthIndicator} for password storage: the envelope protector protects and opens a
 * random value (round trip), a {@link KeyedSecretProtector} has a usable primary key that does not
 * expire soon, and a pepper is configured. Details show scheme, envelope tag, key ids and dates,
 * pepper ids and the PBKDF2 engine (with a warning when it fell back); never a key, pepper or
 * protected value.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class Pbkdf2DpapiHealthIndicator extends AbstractHealthIndicator {

	private static final byte[] ASSOCIATED_DATA = "pbkdf2-dpapi health check".getBytes(StandardCharsets.US_ASCII);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretProtector protector;

	private final @Nullable Pbkdf2DpapiPasswordEncoderSettings settings;

	private final Clock clock;

	private final Duration keyExpiryWarning;

	private final boolean requirePepper;

	/**
	 * Create a new indicator.
	 * @param protector the envelope protector
	 * @param settings the encoder settings, or {@code null} when the application has its own
	 * {@code PasswordEncoder} (no pepper check then)
	 * @param clock the clock for key expiry
	 * @param keyExpiryWarning how long before expiry of the primary key to warn
	 * @param requirePepper whether a missing pepper makes the health down
	 */
	public Pbkdf2DpapiHealthIndicator(SecretProtector protector, @Nullable Pbkdf2DpapiPasswordEncoderSettings settings,
			Clock clock, Duration keyExpiryWarning, boolean requirePepper) {
		super("pbkdf2-dpapi health check failed");
		this.protector = protector;
		this.settings = settings;
		this.clock = clock;
		this.keyExpiryWarning = keyExpiryWarning;
		this.requirePepper = requirePepper;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up();
		List<String> problems = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		String envelope = this.protector.currentEnvelope();
		builder.withDetail("scheme", this.protector.scheme()).withDetail("envelope", envelope);
		builder.withDetail("roundTrip", roundTrip(envelope, problems));
		if (this.protector instanceof KeyedSecretProtector keyed) {
			builder.withDetail("keys", keys(keyed, problems, warnings));
		}
		if (this.settings != null) {
			PepperRing peppers = this.settings.getEncoder().getPeppers();
			boolean configured = !PepperRing.NO_PEPPER_ID.equals(peppers.currentId());
			Map<String, Object> pepper = new LinkedHashMap<>();
			pepper.put("configured", configured);
			pepper.put("current", peppers.currentId());
			pepper.put("ids", peppers.ids());
			builder.withDetail("pepper", pepper);
			if (!configured) {
				(this.requirePepper ? problems : warnings)
					.add("no pepper is configured (pbkdf2-dpapi.password.pepper.current)");
			}
			Pbkdf2EngineSelection engine = this.settings.getEngine();
			builder.withDetail("engine", engine.engine().name());
			if (engine.isFallback()) {
				warnings.add(engine.fallback().message());
			}
		}
		if (!warnings.isEmpty()) {
			builder.withDetail("warnings", warnings);
		}
		if (!problems.isEmpty()) {
			builder.down().withDetail("problems", problems);
		}
	}

	private String roundTrip(String envelope, List<String> problems) {
		byte[] probe = new byte[32];
		RANDOM.nextBytes(probe);
		try {
			byte[] protectedProbe = this.protector.protect(envelope, probe, ASSOCIATED_DATA);
			byte[] opened = this.protector.unprotect(envelope, protectedProbe, ASSOCIATED_DATA);
			if (!MessageDigest.isEqual(probe, opened)) {
				problems.add("the protector round trip returned different data");
				return "failed";
			}
			return "ok";
		}
		catch (ProtectorException ex) {
			// The message names the reason and key id only (ProtectorException contract).
			problems.add("the protector round trip failed: " + ex.getMessage());
			return "failed";
		}
		catch (RuntimeException ex) {
			problems.add("the protector round trip failed: " + ex.getClass().getSimpleName());
			return "failed";
		}
	}

	private List<Map<String, Object>> keys(KeyedSecretProtector keyed, List<String> problems, List<String> warnings) {
		Instant now = this.clock.instant();
		List<Map<String, Object>> described = new ArrayList<>();
		ProtectorKeyInfo primary = null;
		for (ProtectorKeyInfo key : keyed.keys()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("id", key.id());
			putIfNotNull(detail, "created", key.created());
			putIfNotNull(detail, "activates", key.activates());
			putIfNotNull(detail, "expires", key.expires());
			detail.put("revoked", key.revoked());
			detail.put("primary", key.primary());
			described.add(detail);
			if (key.primary() && !key.revoked()) {
				primary = key;
			}
		}
		if (primary == null) {
			problems.add("no usable primary key");
		}
		else if (primary.expiresBefore(now)) {
			problems.add("primary key '" + primary.id() + "' expired at " + primary.expires());
		}
		else if (primary.expiresBefore(now.plus(this.keyExpiryWarning))) {
			warnings.add("primary key '" + primary.id() + "' expires at " + primary.expires()
					+ "; add and activate a new key");
		}
		return described;
	}

	private static void putIfNotNull(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value.toString());
		}
	}

}
