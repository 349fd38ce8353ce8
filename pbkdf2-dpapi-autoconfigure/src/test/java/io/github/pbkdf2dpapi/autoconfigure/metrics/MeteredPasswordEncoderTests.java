package io.github.pbkdf2dpapi.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.bulkhead.BulkheadPasswordEncoder;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;
import io.github.pbkdf2dpapi.bulkhead.HashingBulkheadFullException;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MeteredPasswordEncoder}.
 */
class MeteredPasswordEncoderTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final PasswordEncoder delegating = Pbkdf2DpapiPasswordEncoders.createDelegatingPasswordEncoder(
			Pbkdf2DpapiPasswordEncoder.builder().iterations(1000).allowWeakParameters(true).build());

	private final MeteredPasswordEncoder encoder = new MeteredPasswordEncoder(this.delegating, () -> this.registry,
			Pbkdf2DpapiPasswordEncoder.ID);

	@Test
	void matchesThenTimedByOutcomeAndFormat() {
		String encoded = this.encoder.encode("pw");
		this.encoder.matches("pw", encoded);
		this.encoder.matches("wrong", encoded);
		this.encoder.matches("wrong", encoded);
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("pw");
		this.encoder.matches("pw", bcrypt);
		assertThat(count(Pbkdf2DpapiMeters.ENCODE, "success", "pbkdf2-dpapi")).isEqualTo(1);
		assertThat(count(Pbkdf2DpapiMeters.MATCHES, "match", "pbkdf2-dpapi")).isEqualTo(1);
		assertThat(count(Pbkdf2DpapiMeters.MATCHES, "mismatch", "pbkdf2-dpapi")).isEqualTo(2);
		assertThat(count(Pbkdf2DpapiMeters.MATCHES, "match", "bcrypt")).isEqualTo(1);
	}

	@Test
	void upgradeEncodingWhenLegacyThenCountedByFormat() {
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("pw");
		assertThat(this.encoder.upgradeEncoding(bcrypt)).isTrue();
		assertThat(this.encoder.upgradeEncoding(this.encoder.encode("pw"))).isFalse();
		assertThat(this.registry.get(Pbkdf2DpapiMeters.UPGRADES).tag("from", "bcrypt").counter().count()).isEqualTo(1);
		assertThat(this.registry.find(Pbkdf2DpapiMeters.UPGRADES).tag("from", "pbkdf2-dpapi").counter()).isNull();
	}

	@Test
	void matchesWhenBulkheadFullThenRejectedOutcome() {
		HashingBulkhead full = new HashingBulkhead(1, Duration.ZERO);
		MeteredPasswordEncoder guarded = new MeteredPasswordEncoder(new BulkheadPasswordEncoder(this.delegating, full),
				() -> this.registry, Pbkdf2DpapiPasswordEncoder.ID);
		String encoded = this.delegating.encode("pw");
		full.call(() -> {
			assertThatExceptionOfType(HashingBulkheadFullException.class).isThrownBy(() -> guarded.matches("pw", encoded));
			return null;
		});
		assertThat(count(Pbkdf2DpapiMeters.MATCHES, "rejected", "pbkdf2-dpapi")).isEqualTo(1);
	}

	@Test
	void formatWhenImplausibleOrTooManyThenBounded() {
		assertThat(this.encoder.format("$2a$10$abc")).isEqualTo("none");
		assertThat(this.encoder.format(null)).isEqualTo("none");
		assertThat(this.encoder.format("{not an id}x")).isEqualTo("other");
		assertThat(this.encoder.format("{secret-looking-but-fine}x")).isEqualTo("secret-looking-but-fine");
		for (int i = 0; i < MeteredPasswordEncoder.MAX_FORMATS; i++) {
			this.encoder.format("{f" + i + "}x");
		}
		assertThat(this.encoder.format("{one-too-many}x")).isEqualTo("other");
		assertThat(this.encoder.format("{f1}x")).isEqualTo("f1");
	}

	private long count(String name, String outcome, String format) {
		return this.registry.get(name).tag("outcome", outcome).tag("format", format).timer().count();
	}

}
