package io.github.pbkdf2dpapi.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2EngineSelection;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engines;
import picocli.CommandLine.Option;

/**
 * The {@code --engine} and {@code --engine-library} options, shared by {@code calibrate} and the
 * encoder options. A fallback from {@code openssl} to {@code java} is printed to standard error.
 *
 * @author pbkdf2-dpapi
 */
final class EngineOptions {

	@Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "java",
			description = "PBKDF2 engine: java, or openssl (Java 22+ with --enable-native-access=ALL-UNNAMED, "
					+ "libcrypto 3; falls back to java with a reason). Default: ${DEFAULT-VALUE}.")
	String engine;

	@Option(names = "--engine-library", paramLabel = "FILE",
			description = "libcrypto for --engine openssl. Default: the system's libcrypto.")
	Path library;

	Pbkdf2EngineSelection select(CliEnvironment env) {
		Pbkdf2EngineSelection selection;
		try {
			selection = Pbkdf2Engines.select(this.engine, Optional.ofNullable(this.library));
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "--engine must be java or openssl");
		}
		if (selection.isFallback()) {
			env.err().println(selection.fallback().message());
			env.err().flush();
		}
		return selection;
	}

}
