package io.github.pbkdf2dpapi.password;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PepperRing}.
 */
class PepperRingTests {

	@Test
	void ofWhenValidThenCurrentAndIds() {
		PepperRing ring = PepperRing.of("p2", Map.of("p1", new byte[32], "p2", new byte[40]));
		assertThat(ring.currentId()).isEqualTo("p2");
		assertThat(ring.ids()).containsExactly("p1", "p2");
		assertThat(ring.contains("p1")).isTrue();
		assertThat(ring.contains("-")).isTrue();
		assertThat(ring.contains("p3")).isFalse();
		assertThat(ring).hasToString("PepperRing[current=p2, ids=[p1, p2]]");
	}

	@Test
	void ofWhenSecretShortThenNamesSettingWithoutValue() {
		assertThatExceptionOfType(InvalidEncoderSettingException.class)
			.isThrownBy(() -> PepperRing.of("p1", Map.of("p1", "too short".getBytes())))
			.satisfies((ex) -> {
				assertThat(ex.getSetting()).isEqualTo("pepper.secrets.p1");
				assertThat(ex.getAction()).contains("openssl rand -base64 32");
			})
			.withMessageNotContaining("too short");
	}

	@Test
	void ofWhenCurrentMissingThenNamesSetting() {
		assertThatExceptionOfType(InvalidEncoderSettingException.class)
			.isThrownBy(() -> PepperRing.of("p9", Map.of("p1", new byte[32])))
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("pepper.current"))
			.withMessageContaining("'p9' is not one of the configured ids [p1]");
		assertThatExceptionOfType(InvalidEncoderSettingException.class)
			.isThrownBy(() -> PepperRing.of(null, Map.of("p1", new byte[32])));
	}

	@Test
	void ofWhenBadIdOrEmptyThenInvalid() {
		assertThatExceptionOfType(InvalidEncoderSettingException.class)
			.isThrownBy(() -> PepperRing.of("a,b", Map.of("a,b", new byte[32])));
		assertThatExceptionOfType(InvalidEncoderSettingException.class).isThrownBy(() -> PepperRing.of("p1", Map.of()));
	}

	@Test
	void ofCopiesSecrets() {
		byte[] secret = new byte[32];
		Map<String, byte[]> map = new LinkedHashMap<>();
		map.put("p1", secret);
		PepperRing ring = PepperRing.of("p1", map);
		byte[] before = ring.apply("p1", "pw");
		secret[0] = 9;
		map.clear();
		assertThat(ring.apply("p1", "pw")).isEqualTo(before);
	}

	@Test
	void applyWhenNoPepperThenUtf8() {
		assertThat(PepperRing.none().apply("-", "\u00e9")).containsExactly(0xc3, 0xa9);
		assertThat(PepperRing.none().currentId()).isEqualTo("-");
	}

	@Test
	void duplicateIdsWhenSameSecretUnderTwoIdsThenGroupedWithoutValues() {
		byte[] a = new byte[32];
		byte[] b = new byte[32];
		b[31] = 1;
		Map<String, byte[]> secrets = new LinkedHashMap<>();
		secrets.put("p3", a.clone());
		secrets.put("p1", a.clone());
		secrets.put("p2", b);
		secrets.put("p4", a.clone());
		PepperRing ring = PepperRing.of("p2", secrets);
		assertThat(ring.duplicateIds()).containsExactly("p1, p3, p4");
		assertThat(PepperRing.of("p2", Map.of("p1", a, "p2", b)).duplicateIds()).isEmpty();
		assertThat(PepperRing.none().duplicateIds()).isEmpty();
	}

}
