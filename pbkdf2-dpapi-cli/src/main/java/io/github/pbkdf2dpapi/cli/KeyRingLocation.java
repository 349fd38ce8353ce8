package io.github.pbkdf2dpapi.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import io.github.pbkdf2dpapi.protect.DpapiScope;
import io.github.pbkdf2dpapi.protect.KeyRingOptions;
import io.github.pbkdf2dpapi.protect.KeyRingDirectory;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.MasterKeySource;
import io.github.pbkdf2dpapi.protect.MasterKeySources;
import picocli.CommandLine.Option;

/**
 * Options that locate a key ring and its master key; shared by the commands that use a key ring.
 *
 * @author pbkdf2-dpapi
 */
final class KeyRingLocation {

	static final String DEFAULT_CREDENTIAL = "pbkdf2-dpapi-master-key";

	static final String DEFAULT_VARIABLE = "PBKDF2_DPAPI_MASTER_KEY";

	@Option(names = "--dir", paramLabel = "DIR", description = "Key ring directory.")
	Path directory;

	@Option(names = "--master-key-source", paramLabel = "SOURCE", defaultValue = "env",
			description = "How key material is protected at rest: systemd (credential in $CREDENTIALS_DIRECTORY), "
					+ "env (environment variable), file, dpapi (Windows) or plain (unprotected, explicit opt-in). "
					+ "Default: ${DEFAULT-VALUE}.")
	String source;

	@Option(names = "--master-key-name", paramLabel = "NAME", defaultValue = DEFAULT_CREDENTIAL,
			description = "systemd credential name. Default: ${DEFAULT-VALUE}.")
	String credential;

	@Option(names = "--master-key-env", paramLabel = "VARIABLE", defaultValue = DEFAULT_VARIABLE,
			description = "Environment variable holding the Base64 master key. Default: ${DEFAULT-VALUE}.")
	String variable;

	@Option(names = "--master-key-file", paramLabel = "FILE", description = "File holding the master key.")
	Path file;

	@Option(names = "--dpapi-scope", paramLabel = "SCOPE", defaultValue = "current-user",
			description = "DPAPI scope: current-user or local-machine. Default: ${DEFAULT-VALUE}.")
	String dpapiScope;

	@Option(names = "--dpapi-entropy", paramLabel = "TEXT", description = "Additional DPAPI entropy (not a secret).")
	String dpapiEntropy;

	Path requireDirectory() {
		if (this.directory == null) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "missing option --dir (the key ring directory)");
		}
		return this.directory;
	}

	MasterKeySource masterKeySource(CliEnvironment env) {
		return resolve(this.source, this.credential, this.variable, this.file, this.dpapiScope, this.dpapiEntropy, env,
				"--master-key-file");
	}

	/**
	 * The key ring directory named by the options, with its master key source.
	 * @param env the CLI environment (for the master key's variable)
	 * @return the directory, not yet read
	 */
	KeyRingDirectory directory(CliEnvironment env) {
		return new KeyRingDirectory(requireDirectory(), masterKeySource(env));
	}

	KeyRingProtector openProtector(CliEnvironment env) {
		return KeyRingProtector.open(requireDirectory(), masterKeySource(env), KeyRingOptions.defaults(), env.clock());
	}

	DpapiScope scope() {
		return scope(this.dpapiScope);
	}

	byte[] entropy() {
		return (this.dpapiEntropy != null) ? this.dpapiEntropy.getBytes(StandardCharsets.UTF_8) : null;
	}

	static DpapiScope scope(String value) {
		switch (value.toLowerCase(Locale.ROOT)) {
			case "current-user":
				return DpapiScope.CURRENT_USER;
			case "local-machine":
				return DpapiScope.LOCAL_MACHINE;
			default:
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
						"unknown DPAPI scope '" + value + "'; expected current-user or local-machine");
		}
	}

	static MasterKeySource resolve(String source, String credential, String variable, Path file, String scope,
			String entropy, CliEnvironment env, String fileOption) {
		switch (source.toLowerCase(Locale.ROOT)) {
			case "systemd":
				return MasterKeySources.systemdCredential(credential, env.environment());
			case "env":
				return MasterKeySources.environmentVariable(variable, env.environment());
			case "file":
				if (file == null) {
					throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "master key source 'file' needs " + fileOption);
				}
				return MasterKeySources.file(file);
			case "dpapi":
				return MasterKeySources.dpapi(scope(scope),
						(entropy != null) ? entropy.getBytes(StandardCharsets.UTF_8) : null);
			case "plain":
				return MasterKeySources.plainUnprotected();
			default:
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "unknown master key source '" + source
						+ "'; expected systemd, env, file, dpapi or plain");
		}
	}

}
