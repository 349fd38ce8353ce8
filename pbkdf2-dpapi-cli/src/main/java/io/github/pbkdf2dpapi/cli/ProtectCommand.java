package io.github.pbkdf2dpapi.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.pbkdf2dpapi.protect.DpapiProtector;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code protect}: encrypts a secret for configuration and prints {@code ENC(...)}.
 *
 * @author pbkdf2-dpapi
 */
@Command(name = "protect", mixinStandardHelpOptions = true,
		description = { "Encrypt a secret for application.yml and print ENC(kr:...) or ENC(dpapi:...).",
				"The secret is read from a no-echo prompt, or from standard input when it is not a terminal "
						+ "(one trailing line break removed); never from the command line." })
final class ProtectCommand implements Callable<Integer> {

	private final CliEnvironment env;

	@Option(names = "--protector", paramLabel = "PROTECTOR", defaultValue = "keyring",
			description = "keyring or dpapi (Windows). Default: ${DEFAULT-VALUE}.")
	String protector;

	@Option(names = "--context", paramLabel = "TEXT", defaultValue = "",
			description = "Associated data bound to the value (for example the property name); unprotect needs "
					+ "the same. Default: none.")
	String context;

	@Mixin
	KeyRingLocation location;

	ProtectCommand(CliEnvironment env) {
		this.env = env;
	}

	@Override
	public Integer call() {
		SecretProtector target = protector(this.protector, this.location, this.env);
		char[] secret = this.env.readSecret("Secret");
		byte[] plaintext = utf8(secret);
		try {
			if (plaintext.length == 0) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "the secret is empty");
			}
			String scheme = (target instanceof KeyRingProtector) ? KeyRingProtector.SCHEME : DpapiProtector.SCHEME;
			byte[] ciphertext = target.protect(scheme, plaintext, this.context.getBytes(StandardCharsets.UTF_8));
			this.env.out().println(EncValue.format(scheme, ciphertext));
			return Pbkdf2DpapiCli.EXIT_OK;
		}
		finally {
			Arrays.fill(secret, '\0');
			Arrays.fill(plaintext, (byte) 0);
		}
	}

	static SecretProtector protector(String name, KeyRingLocation location, CliEnvironment env) {
		switch (name.toLowerCase(Locale.ROOT)) {
			case "keyring":
			case "kr":
				return location.openProtector(env);
			case "dpapi":
				DpapiProtector dpapi = DpapiProtector.create(location.scope(), location.entropy());
				if (!dpapi.isAvailable()) {
					throw new CliException(Pbkdf2DpapiCli.EXIT_KEY_ERROR, dpapi.unavailableMessage());
				}
				return dpapi;
			default:
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
						"unknown protector '" + name + "'; expected keyring or dpapi");
		}
	}

	static byte[] utf8(char[] chars) {
		ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
		byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
		Arrays.fill(buffer.array(), (byte) 0);
		return bytes;
	}

}
