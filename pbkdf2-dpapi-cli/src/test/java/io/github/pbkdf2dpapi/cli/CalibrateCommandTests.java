package io.github.pbkdf2dpapi.cli;

import org.junit.jupiter.api.Test;

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
		assertThat(result.out).containsPattern("# PBKDF2-HMAC-SHA256 on this machine: [0-9]+ iterations take about")
			.contains("pbkdf2-dpapi:\n  password:\n    algorithm: sha256\n    iterations: ".replace("\n", System.lineSeparator()));
		int iterations = Integer.parseInt(result.out.replaceAll("(?s).*iterations: ([0-9]+).*", "$1"));
		assertThat(iterations).isPositive();
	}

	@Test
	void calibrateWhenTargetOutOfRangeThenUsageError() {
		assertThat(this.cli.run("calibrate", "--target", "1m").code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(this.cli.run("calibrate", "--target", "soon").code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(this.cli.run("calibrate", "--algorithm", "sha1").code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
	}

}
