package io.github.pbkdf2dpapi.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link YamlEncScanner}.
 */
class YamlEncScannerTests {

	@Test
	void scanWhenNestedListsAndQuotesThenNamesAsSpringBootFlattensThem() {
		List<EncEntry> entries = scan("# ENC(kr:AAAA) in a comment", "spring:", "  datasource:",
				"    password: ENC(kr:AQID)   # bound", "    username: app", "app:", "  servers:",
				"    - url: https://a", "      token: 'ENC(kr:AQIE)'", "    - \"ENC(dpapi:AQIF)\"",
				"  flow: {key: ENC(kr:AQIG)}", "  \"[x.y]\": ENC(kr:AQIH)", "  text: not ENC(kr:AQII)",
				"pbkdf2-dpapi.password.pepper.secrets.p1: ENC(kr:AQIJ)");
		assertThat(entries).extracting(EncEntry::name, EncEntry::line, EncEntry::token, EncEntry::isInPlace)
			.containsExactly(tuple("spring.datasource.password", 4, "ENC(kr:AQID)", true),
					tuple("app.servers[0].token", 9, "ENC(kr:AQIE)", true),
					tuple("app.servers[1]", 10, "ENC(dpapi:AQIF)", true),
					tuple("app.flow.key", 11, "ENC(kr:AQIG)", true),
					tuple("app[x.y]", 12, "ENC(kr:AQIH)", true),
					tuple("pbkdf2-dpapi.password.pepper.secrets.p1", 14, "ENC(kr:AQIJ)", true));
	}

	@Test
	void scanWhenSeveralDocumentsBlockScalarAndAliasThenEachValueOnce() {
		List<EncEntry> entries = scan("a: &shared ENC(kr:AQID)", "b: *shared", "---",
				"spring.config.activate.on-profile: prod", "c: |", "  ENC(kr:AQIE)", "d: >-", "  ENC(kr:", "  AQIF)");
		assertThat(entries).extracting(EncEntry::name, EncEntry::line, EncEntry::isInPlace)
			.containsExactly(tuple("a", 1, true), tuple("c", 6, true), tuple("d", 7, false));
	}

	@Test
	void scanWhenSameValueTwiceOnALineThenNotInPlace() {
		assertThat(scan("x: [ENC(kr:AQID), ENC(kr:AQID)]")).extracting(EncEntry::name, EncEntry::isInPlace)
			.containsExactly(tuple("x[0]", false), tuple("x[1]", false));
	}

	@Test
	void scanWhenInvalidYamlThenUsageErrorWithLineButNotTheText() {
		assertThatExceptionOfType(CliException.class)
			.isThrownBy(() -> scan("a:", "  b: plain-s3cret", " c: [unclosed plain-s3cret"))
			.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE))
			.withMessageStartingWith("app.yml:")
			.withMessageContaining("not valid YAML")
			.withMessageNotContaining("plain-s3cret");
	}

	private static List<EncEntry> scan(String... lines) {
		return YamlEncScanner.scan(String.join("\n", lines) + "\n", List.of(lines), "app.yml");
	}

}
