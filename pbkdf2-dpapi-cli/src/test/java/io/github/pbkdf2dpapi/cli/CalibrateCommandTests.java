package io.github.pbkdf2dpapi.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CalibrateCommand}.
 */
class CalibrateCommandTests {

	private final CliRunner cli = new CliRunner();

	@Test
	void calibrateThenPrintsYamlToPaste() {
		CliRunner.Result result = this.cli.run("calibrate", "--target", "5ms");
		assertThat(result.code).as(result.toString()).isZero();
		assertThat(result.out)
			.containsPattern("# PBKDF2-HMAC-SHA256 on this machine \\(java engine\\): [0-9]+ iterations take about")
			.contains("pbkdf2-dpapi:\n  password:\n    algorithm: sha256\n    iterations: ".replace("\n", System.lineSeparator()));
		int iterations = Integer.parseInt(result.out.replaceAll("(?s).*iterations: ([0-9]+).*", "$1"));
		assertThat(iterations).isPositive();
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_21)
	void calibrateWhenOpenSslOnJava17ThenJavaEngineWithReasonOnStandardError() {
		CliRunner.Result result = this.cli.run("calibrate", "--target", "5ms", "--algorithm", "sha512", "--engine",
				"openssl");
		assertThat(result.code).as(result.toString()).isZero();
		assertThat(result.err).contains("the OpenSSL PBKDF2 engine is not used").contains("needs 22+");
		assertThat(result.out).contains("# PBKDF2-HMAC-SHA512 on this machine (java engine): ")
			.doesNotContain("engine: openssl");
	}

	@Test
	void calibrateWhenEngineUnknownThenUsageError() {
		CliRunner.Result result = this.cli.run("calibrate", "--engine", "gpu");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("--engine must be java or openssl");
	}

	@Test
	void calibrateWhenTargetOutOfRangeThenUsageError() {
		assertThat(this.cli.run("calibrate", "--target", "1m").code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(this.cli.run("calibrate", "--target", "soon").code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(this.cli.run("calibrate", "--algorithm", "sha1").code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
	}

}
