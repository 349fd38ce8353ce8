package io.github.pbkdf2dpapi.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EncValue}.
 */
class EncValueTests {

	@Test
	void parseWhenFormattedThenRoundTrips() {
		String text = EncValue.format("kr", new byte[] { 1, 2, 3 });
		assertThat(text).isEqualTo("ENC(kr:AQID)");
		EncValue value = EncValue.parse(" " + text + "\n");
		assertThat(value.scheme).isEqualTo("kr");
		assertThat(value.ciphertext).containsExactly(1, 2, 3);
		assertThat(EncValue.parse("dpapi:AQID").scheme).isEqualTo("dpapi");
	}

	@Test
	void parseWhenUnbalancedOrGarbageThenUsageError() {
		assertThatExceptionOfType(CliException.class).isThrownBy(() -> EncValue.parse("ENC(kr:AQID"));
		assertThatExceptionOfType(CliException.class).isThrownBy(() -> EncValue.parse("hello"));
		assertThatExceptionOfType(CliException.class).isThrownBy(() -> EncValue.parse("ENC(kr:A)"));
	}

}
