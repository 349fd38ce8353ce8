package io.github.pbkdf2dpapi.cli;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HashCommand} and {@link VerifyCommand}.
 */
class HashCommandTests {

	private final CliRunner cli = new CliRunner();

	@TempDir
	Path temp;

	@Test
	void hashThenVerifyMatchesAndWrongPasswordDoesNot() {
		CliRunner.Result hash = this.cli.pipe("correct horse\n", "hash", "--iterations", "1000", "--allow-weak-parameters");
		assertThat(hash.code).as(hash.toString()).isZero();
		String record = hash.out.strip();
		assertThat(record).startsWith("{pbkdf2-dpapi}$p2d$v=1$a=sha256,i=1000,").contains(",e=none$")
			.doesNotContain("correct horse");
		CliRunner.Result ok = this.cli.pipe("correct horse\n", "verify", record);
		assertThat(ok.code).isEqualTo(Pbkdf2DpapiCli.EXIT_OK);
		assertThat(ok.out).contains("matches");
		CliRunner.Result wrong = this.cli.pipe("wrong horse\n", "verify", record);
		assertThat(wrong.code).isEqualTo(Pbkdf2DpapiCli.EXIT_NO_MATCH);
	}

	@Test
	void hashWhenOpenSslEngineRequestedThenRecordVerifiesWithJavaEngine() {
		CliRunner.Result hash = this.cli.pipe("pw\n", "hash", "--iterations", "1000", "--allow-weak-parameters",
				"--engine", "openssl");
		assertThat(hash.code).as(hash.toString()).isZero();
		if (Runtime.version().feature() < 22) {
			assertThat(hash.err).contains("needs 22+");
		}
		assertThat(this.cli.pipe("pw\n", "verify", "--engine", "java", hash.out.strip()).code)
			.isEqualTo(Pbkdf2DpapiCli.EXIT_OK);
	}

	@Test
	void hashWhenKeyRingEnvelopeAndPepperThenVerifyNeedsBoth() {
		String dir = this.temp.resolve("ring").toString();
		assertThat(this.cli.run("keyring", "init", "--dir", dir).code).isZero();
		this.cli.environment.put("PEPPER", Base64.getEncoder().encodeToString(new byte[32]));
		String record = this.cli.pipe("pw\n", "hash", "--iterations", "1000", "--allow-weak-parameters", "--envelope",
				"keyring", "--dir", dir, "--pepper-id", "p1", "--pepper-env", "PEPPER").out.strip();
		assertThat(record).contains(",p=p1,e=kr:20250301-");
		assertThat(this.cli.pipe("pw\n", "verify", "--dir", dir, "--pepper-id", "p1", "--pepper-env", "PEPPER", record).code)
			.isZero();
		CliRunner.Result noPepper = this.cli.pipe("pw\n", "verify", "--dir", dir, record);
		assertThat(noPepper.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(noPepper.err).contains("the record uses pepper 'p1'");
	}

	@Test
	void hashWhenIterationsBelowFloorThenUsageErrorNamingSetting() {
		CliRunner.Result result = this.cli.pipe("pw\n", "hash", "--iterations", "1000");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("1000 is below the floor");
	}

	@Test
	void verifyWhenRecordMalformedThenUsageError() {
		CliRunner.Result result = this.cli.pipe("pw\n", "verify", "$p2d$nonsense");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("the record is malformed");
	}

}
