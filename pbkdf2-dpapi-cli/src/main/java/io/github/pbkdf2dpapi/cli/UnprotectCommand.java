package io.github.pbkdf2dpapi.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

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

	@Option(names = "--context", paramLabel = "TEXT", defaultValue = "",
			description = "The associated data given to protect. Default: none.")
	String context;

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
		EncValue enc = EncValue.parse((this.value != null) ? this.value : this.env.readValue("ENC value"));
		String protectorName;
		switch (enc.scheme) {
			case "kr":
				protectorName = "keyring";
				break;
			case "dpapi":
				protectorName = "dpapi";
				break;
			default:
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
						"unknown scheme '" + enc.scheme + "' in the ENC value; expected kr or dpapi");
		}
		SecretProtector protector = ProtectCommand.protector(protectorName, this.location, this.env);
		byte[] plaintext = protector.unprotect(enc.scheme, enc.ciphertext, this.context.getBytes(StandardCharsets.UTF_8));
		try {
			this.env.out().println(new String(plaintext, StandardCharsets.UTF_8));
			return Pbkdf2DpapiCli.EXIT_OK;
		}
		finally {
			Arrays.fill(plaintext, (byte) 0);
		}
	}

}
