package io.github.pbkdf2dpapi.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import io.github.pbkdf2dpapi.password.PasswordNormalization;
import io.github.pbkdf2dpapi.password.PepperRing;
import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options that build a {@link Pbkdf2DpapiPasswordEncoder}; shared by {@code hash},
 * {@code verify} and {@code migrate}.
 *
 * @author pbkdf2-dpapi
 */
final class EncoderOptions {

	@Option(names = "--algorithm", paramLabel = "PRF", defaultValue = "sha256",
			description = "sha256 or sha512. Default: ${DEFAULT-VALUE}.")
	String algorithm;

	@Option(names = "--iterations", paramLabel = "N",
			description = "Iteration count. Default: 600000 for sha256, 210000 for sha512.")
	Integer iterations;

	@Option(names = "--normalization", paramLabel = "FORM", defaultValue = "nfkc",
			description = "nfkc, nfc or none. Default: ${DEFAULT-VALUE}.")
	String normalization;

	@Option(names = "--pepper-id", paramLabel = "ID", description = "Id of the pepper (as in pepper.current).")
	String pepperId;

	@Option(names = "--pepper-env", paramLabel = "VARIABLE",
			description = "Environment variable holding the pepper (Base64, 32 bytes or more).")
	String pepperVariable;

	@Option(names = "--pepper-file", paramLabel = "FILE", description = "File holding the pepper (Base64 or raw).")
	Path pepperFile;

	@Option(names = "--allow-weak-parameters",
			description = "Accept iteration counts below the safe floor (tests only).")
	boolean allowWeakParameters;

	@Mixin
	EngineOptions engine;

	Pbkdf2DpapiPasswordEncoder encoder(SecretProtector protector, CliEnvironment env) {
		Pbkdf2DpapiPasswordEncoder.Builder builder = Pbkdf2DpapiPasswordEncoder.builder()
			.engine(this.engine.select(env).engine())
			.prf(Pbkdf2Prf.fromId(this.algorithm))
			.normalization(PasswordNormalization.fromId(this.normalization))
			.allowWeakParameters(this.allowWeakParameters)
			.peppers(peppers(env))
			.protector((protector != null) ? protector : SecretProtectors.none());
		if (this.iterations != null) {
			builder.iterations(this.iterations);
		}
		return builder.build();
	}

	private PepperRing peppers(CliEnvironment env) {
		if (this.pepperId == null) {
			if (this.pepperVariable != null || this.pepperFile != null) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "--pepper-env and --pepper-file need --pepper-id");
			}
			return PepperRing.none();
		}
		byte[] pepper;
		if (this.pepperVariable != null) {
			String value = env.environment().apply(this.pepperVariable);
			if (value == null || value.isBlank()) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
						"environment variable " + this.pepperVariable + " (the pepper) is not set");
			}
			pepper = decode(value.getBytes(StandardCharsets.US_ASCII), "environment variable " + this.pepperVariable);
		}
		else if (this.pepperFile != null) {
			try {
				pepper = decode(Files.readAllBytes(this.pepperFile), "file " + this.pepperFile);
			}
			catch (IOException ex) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_FAILURE,
						"cannot read the pepper file " + this.pepperFile + " (" + ex.getClass().getSimpleName() + ")");
			}
		}
		else {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "--pepper-id needs --pepper-env or --pepper-file");
		}
		return PepperRing.of(this.pepperId, Map.of(this.pepperId, pepper));
	}

	private static byte[] decode(byte[] content, String where) {
		String text = new String(content, StandardCharsets.ISO_8859_1).strip();
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			// Not Base64: the raw bytes are the pepper.
			if (content.length == 0) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "the pepper in " + where + " is empty");
			}
			return content;
		}
	}

}
