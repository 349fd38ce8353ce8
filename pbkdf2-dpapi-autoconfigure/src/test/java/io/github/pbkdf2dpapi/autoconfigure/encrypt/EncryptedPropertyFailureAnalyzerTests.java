package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EncryptedPropertyFailureAnalyzer}.
 */
class EncryptedPropertyFailureAnalyzerTests {

	private static final String ORIGIN = "class path resource [application.yml] - 12:15";

	private final EncryptedPropertyFailureAnalyzer analyzer = new EncryptedPropertyFailureAnalyzer();

	@Test
	void analyzeWhenTamperedThenNamesPropertyOriginSchemeKeyAndReason() {
		FailureAnalysis analysis = analyze(EncryptedPropertyException.cannotDecrypt("spring.datasource.password",
				ORIGIN, "kr", "7f3a", new ProtectorException(Reason.TAMPERED_OR_WRONG_KEY, "7f3a", "tag mismatch")));
		assertThat(analysis.getDescription()).contains("An encrypted configuration value could not be decrypted.")
			.contains("Property: spring.datasource.password")
			.contains("Origin: " + ORIGIN)
			.contains("Scheme: kr")
			.contains("Key id: 7f3a")
			.contains("Reason: tampered or wrong key (key '7f3a'): tag mismatch");
		assertThat(analysis.getAction()).contains("Check that key '7f3a' configured for scheme 'kr'");
	}

	@Test
	void analyzeWhenDpapiUnavailableThenExplainsWindowsOnly() {
		FailureAnalysis analysis = analyze(EncryptedPropertyException.cannotDecrypt("app.api-key", ORIGIN, "dpapi",
				null, new ProtectorException(Reason.UNAVAILABLE, null, "DPAPI is only available on Windows")));
		assertThat(analysis.getDescription()).contains("Scheme: dpapi")
			.contains("Reason: unavailable: DPAPI is only available on Windows")
			.doesNotContain("Key id");
		assertThat(analysis.getAction()).contains("only decrypt on Windows").contains("key ring");
	}

	@Test
	void analyzeWhenEachReasonThenActionWithoutBlanks() {
		for (Reason reason : Reason.values()) {
			FailureAnalysis analysis = analyze(EncryptedPropertyException.cannotDecrypt("a.b", null, "aes", "k1",
					new ProtectorException(reason, "k1", "detail")));
			assertThat(analysis.getAction()).isNotBlank().doesNotContain("null");
			assertThat(analysis.getDescription()).doesNotContain("Origin:");
		}
	}

	@Test
	void analyzeWhenUnknownSchemeThenListsKnownSchemes() {
		FailureAnalysis analysis = analyze(
				EncryptedPropertyException.noProtector("a.b", ORIGIN, "zz", null, null, List.of("aes", "kr")));
		assertThat(analysis.getDescription()).contains("Reason: unknown scheme 'zz'");
		assertThat(analysis.getAction()).contains("Use one of the schemes aes, kr");
	}

	@Test
	void analyzeWhenSettingInvalidThenSaysSo() {
		FailureAnalysis analysis = analyze(EncryptedPropertyException.invalidSetting(
				"pbkdf2-dpapi.envelope.aes-gcm.key", ORIGIN, "aes", "k1", "the key is 9 bytes long", "Fix it."));
		assertThat(analysis.getDescription()).startsWith("ENC(...) configuration values cannot be decrypted.")
			.contains("Property: pbkdf2-dpapi.envelope.aes-gcm.key");
		assertThat(analysis.getAction()).isEqualTo("Fix it.");
	}

	@Test
	void analyzeWhenWrappedInBindFailureThenFound() {
		EncryptedPropertyException cause = EncryptedPropertyException.noProtector("a.b", ORIGIN, "aes", "k1",
				"set x", List.of("aes"));
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("bind failed", cause));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(cause);
		assertThat(this.analyzer.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
	}

	@Test
	void exceptionMessageWhenBuiltThenNoValue() {
		EncryptedPropertyException ex = EncryptedPropertyException.cannotDecrypt("a.b", ORIGIN, "aes", "k1",
				new ProtectorException(Reason.MALFORMED, null, "bad"));
		assertThat(ex.getMessage()).isEqualTo("Cannot decrypt property 'a.b' (" + ORIGIN + "): malformed: bad");
		assertThat(ex.getKeyId()).isEqualTo("k1");
	}

	private FailureAnalysis analyze(EncryptedPropertyException ex) {
		return this.analyzer.analyze(ex);
	}

}
