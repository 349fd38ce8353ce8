package io.github.pbkdf2dpapi.cli;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hash}: prints the stored form of a password.
 *
 * @author pbkdf2-dpapi
 */
@Command(name = "hash", mixinStandardHelpOptions = true,
		description = { "Hash a password and print the record to store ({pbkdf2-dpapi}$p2d$...).",
				"The password is read from a no-echo prompt, or from standard input when it is not a terminal; "
						+ "never from the command line." })
final class HashCommand implements Callable<Integer> {

	private final CliEnvironment env;

	@Mixin
	EncoderOptions encoder;

	@Option(names = "--envelope", paramLabel = "PROTECTOR", defaultValue = "none",
			description = "none, keyring or dpapi. Default: ${DEFAULT-VALUE}.")
	String envelope;

	@Mixin
	KeyRingLocation location;

	HashCommand(CliEnvironment env) {
		this.env = env;
	}

	@Override
	public Integer call() {
		SecretProtector protector = "none".equals(this.envelope.toLowerCase(Locale.ROOT)) ? null
				: ProtectCommand.protector(this.envelope, this.location, this.env);
		Pbkdf2DpapiPasswordEncoder passwordEncoder = this.encoder.encoder(protector, this.env);
		char[] password = this.env.readSecret("Password");
		try {
			this.env.out().println("{" + Pbkdf2DpapiPasswordEncoder.ID + "}" + passwordEncoder.encode(CharBuffer.wrap(password)));
			return Pbkdf2DpapiCli.EXIT_OK;
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	static SecretProtector protectorFor(String envelope, KeyRingLocation location, CliEnvironment env) {
		if (envelope.startsWith("kr")) {
			return location.openProtector(env);
		}
		if (envelope.startsWith("dpapi")) {
			return ProtectCommand.protector("dpapi", location, env);
		}
		return null;
	}

}
