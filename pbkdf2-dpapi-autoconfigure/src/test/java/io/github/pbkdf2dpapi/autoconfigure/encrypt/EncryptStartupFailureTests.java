package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts a real application with each kind of bad {@code ENC(...)} input and checks the report
 * Spring Boot prints: property, origin, scheme, key id, reason and action, and never the value,
 * encrypted or decrypted. The failures happen in the environment post-processor, before any
 * bean exists.
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptStartupFailureTests {

	private static final String KEY_ID = "--" + EncryptTestValues.KEY_ID_PROPERTY;

	private static final String KEY = "--" + EncryptTestValues.KEY_PROPERTY;

	@ParameterizedTest
	@EnumSource
	void runWhenBadInputThenFailureAnalysisWithoutValue(BadInput input, CapturedOutput output) {
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run(input.args));
		assertThat(output).contains("APPLICATION FAILED TO START").contains(input.expected);
		for (String secret : input.secrets()) {
			assertThat(output).doesNotContain(secret);
		}
	}

	enum BadInput {

		WRONG_KEY_IN_FILE(new String[] { "--spring.config.name=enc-bad" }, "wrong-key-secret",
				List.of(EncryptTestValues.WRONG_KEY), "Property: enc.bad.secret",
				"Origin: class path resource [enc-bad.yml] - 9:13", "Scheme: aes", "Key id: k1",
				"Reason: tampered or wrong key (key 'k1')", "Check that key 'k1' configured for scheme 'aes'"),

		TAMPERED(new String[] { KEY_ID, KEY, "--enc.tampered=" + tamper(EncryptTestValues.COMMAND_LINE) },
				"command-line-secret", List.of(tamper(EncryptTestValues.COMMAND_LINE)), "Property: enc.tampered",
				"Origin: \"enc.tampered\" from property source \"commandLineArgs\"", "Scheme: aes",
				"Reason: tampered or wrong key"),

		UNKNOWN_KEY_ID(new String[] { KEY_ID, KEY, "--enc.old=" + EncryptTestValues.UNKNOWN_KEY }, "unknown-key-secret",
				List.of(EncryptTestValues.UNKNOWN_KEY), "Property: enc.old", "Key id: k9",
				"Reason: unknown key (key 'k9')", "Add key 'k9' to the protector of scheme 'aes'"),

		BOUND_VALUE_COPIED(
				new String[] { KEY_ID, KEY,
						"--enc.copy=" + EncryptTestValues.encrypt("bound-elsewhere", "enc.original") },
				"bound-elsewhere", List.of(), "Property: enc.copy", "Reason: tampered or wrong key",
				"used under that name only"),

		MALFORMED_DATA(new String[] { KEY_ID, KEY, "--enc.malformed=ENC(aes:s3cr%t)" }, "s3cr%t", List.of(),
				"Property: enc.malformed", "Scheme: aes", "Reason: malformed: scheme 'aes': the data after 'aes:' is not valid Base64",
				"change pbkdf2-dpapi.encrypt.prefix"),

		MALFORMED_NO_SCHEME(new String[] { KEY_ID, KEY, "--enc.jasypt=ENC(bm90LW91cnM=)" }, "bm90LW91cnM=", List.of(),
				"Property: enc.jasypt", "Reason: malformed: the value does not start with a scheme"),

		UNKNOWN_SCHEME(new String[] { KEY_ID, KEY, "--enc.scheme=ENC(zz:AQIDBAUG)" }, "AQIDBAUG", List.of(),
				"Property: enc.scheme", "Scheme: zz", "Reason: unknown scheme 'zz'", "Use one of the schemes kr, dpapi, aes"),

		NO_PROTECTOR_CONFIGURED(new String[] { "--enc.secret=" + EncryptTestValues.COMMAND_LINE }, "command-line-secret",
				List.of(EncryptTestValues.COMMAND_LINE), "Property: enc.secret", "Scheme: aes", "Key id: k1",
				"Reason: no protector is configured for scheme 'aes'",
				"set pbkdf2-dpapi.envelope.aes-gcm.key-id and pbkdf2-dpapi.envelope.aes-gcm.key"),

		KEY_ITSELF_ENCRYPTED(
				new String[] { KEY_ID, "--pbkdf2-dpapi.envelope.aes-gcm.key=" + EncryptTestValues.COMMAND_LINE,
						"--enc.secret=" + EncryptTestValues.COMMAND_LINE },
				"command-line-secret", List.of(EncryptTestValues.COMMAND_LINE),
				"Property: pbkdf2-dpapi.envelope.aes-gcm.key",
				"Origin: \"pbkdf2-dpapi.envelope.aes-gcm.key\" from property source \"commandLineArgs\"",
				"cannot be encrypted itself"),

		KEY_TOO_SHORT(new String[] { KEY_ID, "--pbkdf2-dpapi.envelope.aes-gcm.key=c2hvcnQta2V5",
				"--enc.secret=" + EncryptTestValues.COMMAND_LINE }, "c2hvcnQta2V5", List.of(),
				"Property: pbkdf2-dpapi.envelope.aes-gcm.key", "the key is 9 bytes long", "openssl rand -base64 32");

		private final String[] args;

		private final String plaintext;

		private final List<String> values;

		private final String[] expected;

		BadInput(String[] args, String plaintext, List<String> values, String... expected) {
			this.args = args;
			this.plaintext = plaintext;
			this.values = values;
			this.expected = expected;
		}

		List<String> secrets() {
			List<String> secrets = new ArrayList<>();
			secrets.add(this.plaintext);
			for (String value : this.values) {
				// The data part of the value, without the readable "ENC(aes:" prefix.
				secrets.add(value.substring(8, value.length() - 1));
			}
			return secrets;
		}

	}

	private static String tamper(String value) {
		int i = value.length() - 10;
		char c = value.charAt(i);
		return value.substring(0, i) + ((c == 'A') ? 'B' : 'A') + value.substring(i + 1);
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
