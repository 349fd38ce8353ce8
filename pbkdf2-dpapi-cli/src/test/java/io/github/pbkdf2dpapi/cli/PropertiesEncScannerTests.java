package io.github.pbkdf2dpapi.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link PropertiesEncScanner}.
 */
class PropertiesEncScannerTests {

	@Test
	void scanWhenSeparatorsAndCommentsThenNamesAndLinesOfEncValuesOnly() {
		List<EncEntry> entries = scan("# ENC(kr:AAAA) in a comment", "! another = ENC(kr:BBBB)",
				"spring.datasource.password=ENC(kr:AQID)", "  app.api-key : ENC(dpapi:AQIE)   ",
				"app.other ENC(kr:AQIF)", "app.plain = not ENC(kr:AQIG)", "app.partial = ENC(kr:AQIH", "",
				"my\\ key\\:x = ENC(kr:AQII)");
		assertThat(entries).extracting(EncEntry::name, EncEntry::line, EncEntry::token, EncEntry::isInPlace)
			.containsExactly(tuple("spring.datasource.password", 3, "ENC(kr:AQID)", true),
					tuple("app.api-key", 4, "ENC(dpapi:AQIE)", true), tuple("app.other", 5, "ENC(kr:AQIF)", true),
					tuple("my key:x", 9, "ENC(kr:AQII)", true));
	}

	@Test
	void scanWhenContinuationLinesThenValueFoundOnItsLine() {
		List<EncEntry> entries = scan("app.list = a,\\", "    b,\\", "    c", "app.secret = \\", "    ENC(kr:AQID)",
				"app.after = ENC(kr:AQIE)");
		assertThat(entries).extracting(EncEntry::name, EncEntry::line, EncEntry::isInPlace)
			.containsExactly(tuple("app.secret", 5, true), tuple("app.after", 6, true));
	}

	@Test
	void scanWhenValueSplitOrEscapedThenFoundButNotInPlace() {
		List<EncEntry> entries = scan("app.split = ENC(kr:\\", "    AQID)", "app.escaped = ENC\\(kr:AQIE)");
		assertThat(entries).extracting(EncEntry::name, EncEntry::token, EncEntry::isInPlace)
			.containsExactly(tuple("app.split", "ENC(kr:AQID)", false), tuple("app.escaped", "ENC(kr:AQIE)", false));
	}

	private static List<EncEntry> scan(String... lines) {
		return PropertiesEncScanner.scan(List.of(lines));
	}

}
