package io.github.pbkdf2dpapi.cli;

import java.util.concurrent.Callable;

import io.github.pbkdf2dpapi.encrypt.EncryptedValue;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code unprotect}: decrypts an {@code ENC(...)} value and prints the secret, only when asked
 * explicitly.
 *
 * @author pbkdf2-dpapi
 */
@Command(name = "unprotect", mixinStandardHelpOptions = true,
		description = { "Decrypt an ENC(...) value and print the secret on standard output.",
				"Requires --yes-print-secret: the secret ends up on the terminal or wherever output goes." })
final class UnprotectCommand implements Callable<Integer> {

	private final CliEnvironment env;

	@Parameters(arity = "0..1", paramLabel = "ENC_VALUE",
			description = "The ENC(...) value; read from standard input when absent.")
	String value;

	@Option(names = "--yes-print-secret", description = "Confirm that the secret may be printed.")
	boolean confirmed;

	@Option(names = "--bind-to", paramLabel = "NAME",
			description = "The property name a bound value is read under (as given to protect --bind-to, or any "
					+ "relaxed form of it). Default: none.")
	String bindTo;

	@Mixin
	KeyRingLocation location;

	UnprotectCommand(CliEnvironment env) {
		this.env = env;
	}

	@Override
	public Integer call() {
		if (!this.confirmed) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
					"refusing to print a secret; add --yes-print-secret if that is what you want");
		}
		String name = (this.bindTo != null) ? ProtectCommand.canonicalName(this.bindTo) : null;
		EncryptedValue enc = parse((this.value != null) ? this.value : this.env.readValue("ENC value"));
		SecretProtector protector = ProtectCommand.protectorForScheme(enc.scheme(), this.location, this.env);
		this.env.out().println(EncryptedValues.decrypt(protector, enc, name));
		return Pbkdf2DpapiCli.EXIT_OK;
	}

	/**
	 * Parses an {@code ENC(...)} value given on the command line or standard input.
	 * @param value the value
	 * @return the parsed value
	 * @throws CliException (invalid input) when it is not in the format; the message never
	 * repeats the value
	 */
	static EncryptedValue parse(String value) {
		try {
			return EncryptedValue.parse(value, EncryptedValues.DEFAULT_PREFIX, EncryptedValues.DEFAULT_SUFFIX);
		}
		catch (ProtectorException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, ex.getMessage()
					+ "; expected ENC(<scheme>:<base64url>) as printed by protect");
		}
	}

}
