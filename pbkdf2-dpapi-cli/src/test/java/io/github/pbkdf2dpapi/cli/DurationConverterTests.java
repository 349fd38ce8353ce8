package io.github.pbkdf2dpapi.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DurationConverter}.
 */
class DurationConverterTests {

	@Test
	void parseWhenShortFormsOrIsoThenDuration() {
		assertThat(DurationConverter.parse("300ms")).isEqualTo(Duration.ofMillis(300));
		assertThat(DurationConverter.parse("0s")).isEqualTo(Duration.ZERO);
		assertThat(DurationConverter.parse("15m")).isEqualTo(Duration.ofMinutes(15));
		assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
		assertThat(DurationConverter.parse("90d")).isEqualTo(Duration.ofDays(90));
		assertThat(DurationConverter.parse("PT2H")).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void parseWhenGarbageThenConversionError() {
		assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> DurationConverter.parse("soon"));
	}

}
