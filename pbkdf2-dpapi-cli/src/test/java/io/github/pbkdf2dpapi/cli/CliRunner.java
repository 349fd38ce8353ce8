package io.github.pbkdf2dpapi.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process with a given standard input, environment and clock.
 */
final class CliRunner {

	static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
			12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });

	final Map<String, String> environment = new HashMap<>(Map.of("PBKDF2_DPAPI_MASTER_KEY", MASTER_KEY));

	Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	CliEnvironment.PasswordPrompt prompt;

	Result pipe(String stdin, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
				new PrintWriter(out, true), new PrintWriter(err, true), this.environment::get, this.clock, this.prompt);
		int code = Pbkdf2DpapiCli.execute(env, args);
		return new Result(code, out.toString(), err.toString());
	}

	Result run(String... args) {
		return pipe("", args);
	}

	static final class Result {

		final int code;

		final String out;

		final String err;

		Result(int code, String out, String err) {
			this.code = code;
			this.out = out;
			this.err = err;
		}

		@Override
		public String toString() {
			return "exit " + this.code + "\nout: " + this.out + "\nerr: " + this.err;
		}

	}

}
