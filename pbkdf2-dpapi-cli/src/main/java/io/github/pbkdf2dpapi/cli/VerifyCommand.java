package io.github.pbkdf2dpapi.cli;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.concurrent.Callable;

import io.github.pbkdf2dpapi.password.PasswordRecord;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code verify}: checks a password against a stored record.
 *
 * @author pbkdf2-dpapi
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = { "Check a password against a stored record; exit code 0 if it matches, 1 if not.",
				"The password is read from a no-echo prompt, or from standard input when it is not a terminal. "
						+ "The envelope (none, kr, dpapi) is taken from the record; give --dir and the master key "
						+ "options for kr records, and the pepper options when the record names a pepper." })
final class VerifyCommand implements Callable<Integer> {

	private final CliEnvironment env;

	@Parameters(paramLabel = "RECORD", description = "The stored record, with or without the {pbkdf2-dpapi} prefix.")
	String record;

	@Mixin
	EncoderOptions encoder;

	@Mixin
	KeyRingLocation location;

	VerifyCommand(CliEnvironment env) {
		this.env = env;
	}

	@Override
	public Integer call() {
		String prefix = "{" + Pbkdf2DpapiPasswordEncoder.ID + "}";
		String stored = this.record.startsWith(prefix) ? this.record.substring(prefix.length()) : this.record;
		PasswordRecord parsed;
		try {
			parsed = PasswordRecord.parse(stored);
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "the record is malformed: " + ex.getMessage());
		}
		if (!"-".equals(parsed.pepperId()) && this.encoder.pepperId == null) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "the record uses pepper '" + parsed.pepperId()
					+ "'; give --pepper-id " + parsed.pepperId() + " and --pepper-env or --pepper-file");
		}
		SecretProtector protector = HashCommand.protectorFor(parsed.envelope(), this.location, this.env);
		this.encoder.allowWeakParameters = true;
		if (this.encoder.iterations == null) {
			this.encoder.iterations = parsed.iterations();
		}
		Pbkdf2DpapiPasswordEncoder passwordEncoder = this.encoder.encoder(protector, this.env);
		char[] password = this.env.readSecret("Password");
		try {
			if (!passwordEncoder.matches(CharBuffer.wrap(password), stored)) {
				this.env.out().println("The password does not match.");
				return Pbkdf2DpapiCli.EXIT_NO_MATCH;
			}
			this.env.out().println("The password matches.");
			return Pbkdf2DpapiCli.EXIT_OK;
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

}
