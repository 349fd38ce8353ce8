package io.github.pbkdf2dpapi.protect;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeyRing}.
 */
class KeyRingTests {

	private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

	private static KeyRingKey key(String id, Instant activation, Instant expiration, Instant revoked) {
		return new KeyRingKey(id, T0, activation, expiration, revoked, "plain");
	}

	private static KeyRing ring(KeyRingKey... keys) {
		return new KeyRing(Path.of("ring"), List.of(keys), Map.of(), Map.of());
	}

	@Test
	void primaryWhenSeveralActiveThenLatestActivation() {
		KeyRingKey a = key("a", T0, null, null);
		KeyRingKey b = key("b", T0.plusSeconds(10), null, null);
		assertThat(ring(b, a).primary(T0.plusSeconds(20))).contains(b);
		assertThat(ring(b, a).keys()).containsExactly(a, b);
	}

	@Test
	void primaryWhenNewestPendingThenPreviousActive() {
		KeyRingKey a = key("a", T0, null, null);
		KeyRingKey b = key("b", T0.plus(Duration.ofHours(1)), null, null);
		assertThat(ring(a, b).primary(T0.plusSeconds(60))).contains(a);
	}

	@Test
	void primaryWhenNewestRevokedThenPrevious() {
		KeyRingKey a = key("a", T0, null, null);
		KeyRingKey b = key("b", T0.plusSeconds(1), null, T0.plusSeconds(2));
		assertThat(ring(a, b).primary(T0.plusSeconds(60))).contains(a);
	}

	@Test
	void primaryWhenAllExpiredThenNewestExpired() {
		KeyRingKey a = key("a", T0, T0.plusSeconds(10), null);
		KeyRingKey b = key("b", T0.plusSeconds(5), T0.plusSeconds(20), null);
		assertThat(ring(a, b).primary(T0.plusSeconds(60))).contains(b);
	}

	@Test
	void primaryWhenOnlyPendingThenFirstToActivate() {
		KeyRingKey a = key("a", T0.plusSeconds(100), null, null);
		KeyRingKey b = key("b", T0.plusSeconds(50), null, null);
		assertThat(ring(a, b).primary(T0)).contains(b);
	}

	@Test
	void primaryWhenAllRevokedOrEmptyThenEmpty() {
		assertThat(ring().primary(T0)).isEmpty();
		assertThat(ring(key("a", T0, null, T0)).primary(T0)).isEmpty();
	}

	@Test
	void keyStateWhenTimePassesThenPendingActiveExpired() {
		KeyRingKey a = key("a", T0.plusSeconds(10), T0.plusSeconds(20), null);
		assertThat(a.state(T0)).isEqualTo("pending");
		assertThat(a.state(T0.plusSeconds(10))).isEqualTo("active");
		assertThat(a.state(T0.plusSeconds(20))).isEqualTo("expired");
		assertThat(a.withRevocation(T0).state(T0.plusSeconds(10))).isEqualTo("revoked");
	}

}
