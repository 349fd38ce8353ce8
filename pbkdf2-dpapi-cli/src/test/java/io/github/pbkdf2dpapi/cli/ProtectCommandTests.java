package io.github.pbkdf2dpapi.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import io.github.pbkdf2dpapi.encrypt.EncryptedValue;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.KeyRingOptions;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.MasterKeySources;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ProtectCommand} and {@link UnprotectCommand}.
 */
class ProtectCommandTests {

	private final CliRunner cli = new CliRunner();

	@TempDir
	Path temp;

	private String dir;

	@BeforeEach
	void createRing() {
		this.dir = this.temp.resolve("ring").toString();
		assertThat(this.cli.run("keyring", "init", "--dir", this.dir).code).isZero();
	}

	@Test
	void protectWhenSecretOnStdinThenEncValueThatUnprotects() {
		CliRunner.Result protect = this.cli.pipe("jdbc-pa55word\n", "protect", "--dir", this.dir);
		assertThat(protect.code).as(protect.toString()).isZero();
		String enc = protect.out.strip();
		assertThat(enc).matches("ENC\\(kr:[A-Za-z0-9_-]+\\)").doesNotContain("jdbc-pa55word");
		assertThat(protect.err).doesNotContain("jdbc-pa55word");
		CliRunner.Result unprotect = this.cli.run("unprotect", "--yes-print-secret", "--dir", this.dir, enc);
		assertThat(unprotect.code).isZero();
		assertThat(unprotect.out).isEqualTo("jdbc-pa55word" + System.lineSeparator());
	}

	@Test
	void protectWhenTerminalThenReadsNoEchoPrompt() {
		this.cli.prompt = (text) -> "from-prompt".toCharArray();
		String enc = this.cli.run("protect", "--dir", this.dir).out.strip();
		assertThat(this.cli.pipe(enc + "\n", "unprotect", "--yes-print-secret", "--dir", this.dir).out.strip())
			.isEqualTo("from-prompt");
	}

	@Test
	void protectWhenSecretGivenAsArgumentThenRejected() {
		CliRunner.Result result = this.cli.run("protect", "--dir", this.dir, "s3cret");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("Unmatched argument").doesNotContain("Exception");
	}

	@Test
	void protectWhenEmptyThenUsageError() {
		assertThat(this.cli.pipe("", "protect", "--dir", this.dir).code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
	}

	@Test
	void unprotectWithoutConfirmationThenRefuses() {
		String enc = this.cli.pipe("x", "protect", "--dir", this.dir).out.strip();
		CliRunner.Result result = this.cli.run("unprotect", "--dir", this.dir, enc);
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.out).isEmpty();
		assertThat(result.err).contains("--yes-print-secret");
	}

	@Test
	void protectThenApplicationDecryptsWithSameKeyRing() {
		String enc = this.cli.pipe("jdbc-pa55word\n", "protect", "--dir", this.dir).out.strip();
		EncryptedValue value = EncryptedValue.parse(enc, EncryptedValues.DEFAULT_PREFIX, EncryptedValues.DEFAULT_SUFFIX);
		assertThat(value.scheme()).isEqualTo("kr");
		assertThat(value.isBound()).isFalse();
		assertThat(value.envelope()).isEqualTo(applicationProtector().currentEnvelope());
		assertThat(EncryptedValues.decrypt(applicationProtector(), value, "any.property")).isEqualTo("jdbc-pa55word");
	}

	@Test
	void protectWhenBindToThenApplicationDecryptsUnderThatNameOnly() {
		CliRunner.Result protect = this.cli.pipe("s3cret", "protect", "--dir", this.dir, "--bind-to",
				"spring.datasource.password");
		assertThat(protect.code).as(protect.toString()).isZero();
		EncryptedValue value = EncryptedValue.parse(protect.out.strip(), EncryptedValues.DEFAULT_PREFIX,
				EncryptedValues.DEFAULT_SUFFIX);
		assertThat(value.isBound()).isTrue();
		KeyRingProtector protector = applicationProtector();
		assertThat(EncryptedValues.decrypt(protector, value, "spring.datasource.password")).isEqualTo("s3cret");
		assertThat(EncryptedValues.decrypt(protector, value, "SPRING_DATASOURCE_PASSWORD")).isEqualTo("s3cret");
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> EncryptedValues.decrypt(protector, value, "spring.mail.password"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(ProtectorException.Reason.TAMPERED_OR_WRONG_KEY));
	}

	@Test
	void protectWhenBindToHasNoLetterThenUsageError() {
		CliRunner.Result result = this.cli.pipe("s3cret", "protect", "--dir", this.dir, "--bind-to", "..");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("--bind-to needs a property name");
	}

	@Test
	void unprotectWhenBindToDiffersThenKeyErrorWithoutSecret() {
		String enc = this.cli.pipe("s3cret", "protect", "--dir", this.dir, "--bind-to", "spring.datasource.password")
			.out.strip();
		CliRunner.Result result = this.cli.run("unprotect", "--yes-print-secret", "--dir", this.dir, "--bind-to",
				"other.property", enc);
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(result.out).isEmpty();
		assertThat(result.err).contains("tampered or wrong key").doesNotContain("s3cret").doesNotContain(enc);
		CliRunner.Result unbound = this.cli.run("unprotect", "--yes-print-secret", "--dir", this.dir, enc);
		assertThat(unbound.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(unbound.err).contains("bound to a property name");
		assertThat(this.cli.run("unprotect", "--yes-print-secret", "--dir", this.dir, "--bind-to",
				"SPRING_DATASOURCE_PASSWORD", enc).out.strip()).isEqualTo("s3cret");
	}

	@Test
	void unprotectWhenApplicationEncryptedThenDecrypts() {
		String enc = EncryptedValues.encrypt(applicationProtector(), "from-app", "app.secret");
		assertThat(this.cli.run("unprotect", "--yes-print-secret", "--dir", this.dir, "--bind-to", "app.secret", enc)
			.out.strip()).isEqualTo("from-app");
	}

	@Test
	void unprotectWhenAesSchemeThenKeyErrorSayingCliHasNoKey() {
		String enc = EncryptedValues.encrypt(SecretProtectors.aesGcm("k1", new byte[32]), "x", null);
		CliRunner.Result result = this.cli.run("unprotect", "--yes-print-secret", enc);
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(result.err).contains("scheme 'aes'").doesNotContain(enc);
	}

	@Test
	void unprotectWhenTamperedThenKeyError() {
		String enc = this.cli.pipe("s3cret", "protect", "--dir", this.dir).out.strip();
		String tampered = enc.substring(0, enc.length() - 6) + (enc.charAt(enc.length() - 6) == 'A' ? 'B' : 'A')
				+ enc.substring(enc.length() - 5);
		CliRunner.Result result = this.cli.run("unprotect", "--yes-print-secret", "--dir", this.dir, tampered);
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
	}

	@Test
	void unprotectWhenNotAnEncValueThenUsageError() {
		CliRunner.Result result = this.cli.run("unprotect", "--yes-print-secret", "--dir", this.dir, "ENC(kr:not base64!)");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("not valid Base64").contains("ENC(<scheme>:<base64url>)")
			.doesNotContain("not base64!");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void protectWhenDpapiOffWindowsThenKeyErrorNamingKeyring() {
		CliRunner.Result result = this.cli.pipe("s3cret", "protect", "--protector", "dpapi");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(result.err).contains("DPAPI cannot be used").contains("keyring");
	}

	private KeyRingProtector applicationProtector() {
		return KeyRingProtector.open(Path.of(this.dir),
				MasterKeySources.environmentVariable("PBKDF2_DPAPI_MASTER_KEY", this.cli.environment::get),
				KeyRingOptions.defaults(), Clock.fixed(CliRunner.NOW, ZoneOffset.UTC));
	}

}
