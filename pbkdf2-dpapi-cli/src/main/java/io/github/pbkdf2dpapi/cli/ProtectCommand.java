package io.github.pbkdf2dpapi.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.DpapiProtector;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code protect}: encrypts a secret for configuration and prints {@code ENC(...)} in the format
 * the application reads ({@link EncryptedValues}).
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

	@Option(names = "--bind-to", paramLabel = "NAME",
			description = "Property name the value is bound to (e.g. spring.datasource.password): copied to another "
					+ "property it does not decrypt. Names compare as relaxed binding does "
					+ "(SPRING_DATASOURCE_PASSWORD is the same name). Default: not bound.")
	String bindTo;

	@Mixin
	KeyRingLocation location;

	ProtectCommand(CliEnvironment env) {
		this.env = env;
	}

	@Override
	public Integer call() {
		String boundTo = (this.bindTo != null) ? canonicalName(this.bindTo) : null;
		SecretProtector target = protector(this.protector, this.location, this.env);
		char[] secret = this.env.readSecret("Secret");
		try {
			if (secret.length == 0) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "the secret is empty");
			}
			// The format's API takes a String: the copy cannot be cleared, the char[] at least is.
			this.env.out().println(EncryptedValues.encrypt(target, new String(secret), boundTo));
			return Pbkdf2DpapiCli.EXIT_OK;
		}
		finally {
			Arrays.fill(secret, '\0');
		}
	}

	/**
	 * The canonical form of a property name given to {@code --bind-to}.
	 * @param name the name as given
	 * @return its canonical form
	 * @throws CliException when the name has no letter or digit
	 */
	static String canonicalName(String name) {
		try {
			return EncryptedValues.canonicalName(name);
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
					"--bind-to needs a property name such as spring.datasource.password");
		}
	}

	/**
	 * The protector that decrypts values of a scheme written in {@code ENC(<scheme>:...)}.
	 * @param scheme the scheme, {@code kr} or {@code dpapi}
	 * @param location the key ring and DPAPI options
	 * @param env the environment
	 * @return the protector
	 * @throws CliException for a scheme the CLI has no protector for
	 */
	static SecretProtector protectorForScheme(String scheme, KeyRingLocation location, CliEnvironment env) {
		switch (scheme) {
			case KeyRingProtector.SCHEME:
				return location.openProtector(env);
			case DpapiProtector.SCHEME:
				return protector("dpapi", location, env);
			case "aes":
				throw new CliException(Pbkdf2DpapiCli.EXIT_KEY_ERROR, "scheme 'aes' uses the application's single "
						+ "pbkdf2-dpapi.envelope.aes-gcm key, which the CLI does not hold; "
						+ "use EncryptedValues in code");
			default:
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
						"unknown scheme '" + scheme + "'; the CLI handles kr (key ring) and dpapi");
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

}
