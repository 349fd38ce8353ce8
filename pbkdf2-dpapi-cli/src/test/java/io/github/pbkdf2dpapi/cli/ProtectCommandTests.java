package io.github.pbkdf2dpapi.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(enc).matches("ENC\\(kr:[A-Za-z0-9+/=]+\\)").doesNotContain("jdbc-pa55word");
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
	void unprotectWhenContextDiffersThenKeyErrorWithoutSecret() {
		String enc = this.cli.pipe("s3cret", "protect", "--dir", this.dir, "--context", "spring.datasource.password")
			.out.strip();
		CliRunner.Result result = this.cli.run("unprotect", "--yes-print-secret", "--dir", this.dir, "--context",
				"other.property", enc);
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(result.err).contains("tampered or wrong key").doesNotContain("s3cret");
		assertThat(this.cli.run("unprotect", "--yes-print-secret", "--dir", this.dir, "--context",
				"spring.datasource.password", enc).out.strip()).isEqualTo("s3cret");
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
		assertThat(result.err).contains("ENC(<scheme>:<base64>)");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void protectWhenDpapiOffWindowsThenKeyErrorNamingKeyring() {
		CliRunner.Result result = this.cli.pipe("s3cret", "protect", "--protector", "dpapi");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(result.err).contains("DPAPI cannot be used").contains("keyring");
	}

}
