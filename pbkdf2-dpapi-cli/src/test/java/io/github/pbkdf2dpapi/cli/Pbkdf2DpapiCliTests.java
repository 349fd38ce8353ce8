package io.github.pbkdf2dpapi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Pbkdf2DpapiCli}: help, exit codes and error reporting.
 */
class Pbkdf2DpapiCliTests {

	private final CliRunner cli = new CliRunner();

	@TempDir
	Path temp;

	@Test
	void helpWhenAnyCommandThenUsageWithExitCodes() {
		List<List<String>> commands = new ArrayList<>();
		collect(Pbkdf2DpapiCli.commandLine(CliEnvironment.system()), new ArrayList<>(), commands);
		assertThat(commands).extracting((c) -> String.join(" ", c))
			.contains("", "keyring", "keyring init", "keyring rotate", "keyring list", "keyring revoke", "keyring rewrap",
					"protect", "unprotect", "enc", "enc report", "enc rewrap", "hash", "verify", "calibrate", "migrate", "audit", "audit verify");
		for (List<String> command : commands) {
			List<String> args = new ArrayList<>(command);
			args.add("--help");
			CliRunner.Result result = this.cli.run(args.toArray(new String[0]));
			assertThat(result.code).as(String.join(" ", args)).isZero();
			assertThat(result.out).as(String.join(" ", args))
				.contains("Usage: pbkdf2-dpapi")
				.contains("Exit codes:")
				.contains("3   Key ring, master key or protector error")
				.contains("5   migrate, audit verify: database error");
		}
	}

	private static void collect(CommandLine commandLine, List<String> path, List<List<String>> into) {
		into.add(path);
		commandLine.getSubcommands().forEach((name, sub) -> {
			List<String> child = new ArrayList<>(path);
			child.add(name);
			collect(sub, child, into);
		});
	}

	@Test
	void executeWhenNoCommandThenUsageError() {
		CliRunner.Result result = this.cli.run();
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("missing command");
	}

	@Test
	void executeWhenUnknownOptionThenUsageErrorOnStderr() {
		CliRunner.Result result = this.cli.run("keyring", "list", "--bogus");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.out).isEmpty();
		assertThat(result.err).contains("Unknown option: '--bogus'").contains("pbkdf2-dpapi keyring list --help");
	}

	@Test
	void executeWhenKeyRingMissingThenKeyErrorWithoutStackTrace() {
		Path dir = this.temp.resolve("none");
		CliRunner.Result result = this.cli.run("keyring", "list", "--dir", dir.toString());
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(result.err).startsWith("pbkdf2-dpapi: error: key store: the key ring directory " + dir)
			.contains("pbkdf2-dpapi keyring init --dir " + dir)
			.doesNotContain("\tat ");
	}

	@Test
	void executeWhenVerboseThenStackTrace() {
		CliRunner.Result result = this.cli.run("keyring", "list", "--verbose", "--dir",
				this.temp.resolve("none").toString());
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(result.err).contains("ProtectorException").contains("\tat ");
	}

	@Test
	void versionThenPrintsName() {
		CliRunner.Result result = this.cli.run("--version");
		assertThat(result.code).isZero();
		assertThat(result.out).startsWith("pbkdf2-dpapi ");
	}

}
