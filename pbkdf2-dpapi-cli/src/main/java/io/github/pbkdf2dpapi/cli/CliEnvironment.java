package io.github.pbkdf2dpapi.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Function;

/**
 * What the commands may touch of the outside world: standard streams, environment variables, the
 * clock and the terminal. Tests pass their own.
 *
 * @author pbkdf2-dpapi
 */
final class CliEnvironment {

	/** Longest secret or password read from standard input, in bytes. */
	static final int MAX_INPUT = 64 * 1024;

	private final InputStream in;

	private final PrintWriter out;

	private final PrintWriter err;

	private final Function<String, String> environment;

	private final Clock clock;

	private final PasswordPrompt prompt;

	CliEnvironment(InputStream in, PrintWriter out, PrintWriter err, Function<String, String> environment, Clock clock,
			PasswordPrompt prompt) {
		this.in = in;
		this.out = out;
		this.err = err;
		this.environment = environment;
		this.clock = clock;
		this.prompt = prompt;
	}

	static CliEnvironment system() {
		Console console = System.console();
		PasswordPrompt prompt = (console != null) ? (text) -> console.readPassword("%s: ", text) : null;
		return new CliEnvironment(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
				System::getenv, Clock.systemUTC(), prompt);
	}

	PrintWriter out() {
		return this.out;
	}

	PrintWriter err() {
		return this.err;
	}

	Function<String, String> environment() {
		return this.environment;
	}

	Clock clock() {
		return this.clock;
	}

	/**
	 * Reads a secret: from a no-echo prompt when a terminal is attached, otherwise from standard
	 * input (one trailing line break removed). Never from the command line, where it would land
	 * in the shell history and the process list.
	 * @param what what to ask for, e.g. "Password"
	 * @return the secret; the caller clears it
	 */
	char[] readSecret(String what) {
		if (this.prompt != null) {
			char[] secret = this.prompt.read(what);
			if (secret == null) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "no " + what.toLowerCase(java.util.Locale.ROOT)
						+ " entered");
			}
			return secret;
		}
		byte[] bytes = readInput(what);
		int length = bytes.length;
		if (length > 0 && bytes[length - 1] == '\n') {
			length--;
			if (length > 0 && bytes[length - 1] == '\r') {
				length--;
			}
		}
		try {
			CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, length));
			char[] secret = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
			Arrays.fill(chars.array(), '\0');
			return secret;
		}
		catch (CharacterCodingException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, what + " on standard input is not UTF-8");
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	/**
	 * Reads a value that is not secret (for example an {@code ENC(...)} value) from standard
	 * input.
	 */
	String readValue(String what) {
		byte[] bytes = readInput(what);
		return new String(bytes, StandardCharsets.UTF_8).strip();
	}

	private byte[] readInput(String what) {
		try {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			byte[] chunk = new byte[4096];
			int n;
			while ((n = this.in.read(chunk)) != -1) {
				buffer.write(chunk, 0, n);
				if (buffer.size() > MAX_INPUT) {
					throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
							what + " on standard input is longer than " + MAX_INPUT + " bytes");
				}
			}
			Arrays.fill(chunk, (byte) 0);
			return buffer.toByteArray();
		}
		catch (IOException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_FAILURE, "cannot read standard input: " + ex.getMessage());
		}
	}

	/**
	 * Reads a password without echo.
	 */
	@FunctionalInterface
	interface PasswordPrompt {

		char[] read(String prompt);

	}

}
