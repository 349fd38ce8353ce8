package io.github.pbkdf2dpapi.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.github.pbkdf2dpapi.protect.KeyRing;
import io.github.pbkdf2dpapi.protect.KeyRingDirectory;
import io.github.pbkdf2dpapi.protect.KeyRingKey;
import io.github.pbkdf2dpapi.protect.MasterKeySource;
import io.github.pbkdf2dpapi.protect.ProtectorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keyring}: creates and maintains a key ring directory.
 *
 * @author pbkdf2-dpapi
 */
@Command(name = "keyring", mixinStandardHelpOptions = true, description = "Create and maintain a key ring.",
		subcommands = { KeyringCommand.Init.class, KeyringCommand.Rotate.class, KeyringCommand.ListKeys.class,
				KeyringCommand.Revoke.class, KeyringCommand.Rewrap.class })
final class KeyringCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
				"missing subcommand: init, rotate, list, revoke or rewrap (see pbkdf2-dpapi keyring --help)");
	}

	@Command(name = "init", mixinStandardHelpOptions = true,
			description = "Create the key ring directory and its first key, active at once.")
	static final class Init implements Callable<Integer> {

		private final CliEnvironment env;

		@Mixin
		KeyRingLocation location;

		Init(CliEnvironment env) {
			this.env = env;
		}

		@Override
		public Integer call() {
			KeyRingDirectory directory = this.location.directory(this.env);
			KeyRingKey key = directory.init(this.env.clock().instant());
			this.env.out().println("Created key ring " + directory.getDirectory() + " with key " + key.id()
					+ " (active now); key material protected by " + directory.getMasterKeySource().description() + ".");
			this.env.out().println("Back up this directory and the master key separately; see docs/KEYS.md.");
			return Pbkdf2DpapiCli.EXIT_OK;
		}

	}

	@Command(name = "rotate", mixinStandardHelpOptions = true,
			description = "Add a key that becomes primary after the activation delay.")
	static final class Rotate implements Callable<Integer> {

		private final CliEnvironment env;

		@Mixin
		KeyRingLocation location;

		@Option(names = "--activate-in", paramLabel = "DURATION", defaultValue = "1h",
				converter = DurationConverter.class,
				description = "Delay before the key protects new data, so every node loads it first (nodes reload "
						+ "every 5 minutes). Default: ${DEFAULT-VALUE}; 0s on a single node.")
		Duration activateIn;

		@Option(names = "--expire-after", paramLabel = "DURATION", converter = DurationConverter.class,
				description = "Stop protecting new data this long after activation (it still decrypts). "
						+ "Default: never.")
		Duration expireAfter;

		Rotate(CliEnvironment env) {
			this.env = env;
		}

		@Override
		public Integer call() {
			KeyRingDirectory directory = this.location.directory(this.env);
			Instant now = this.env.clock().instant();
			KeyRingKey key = directory.addKey(now, this.activateIn, this.expireAfter);
			this.env.out().println("Added key " + key.id() + "; it becomes primary at " + key.activation()
					+ (key.expiration().map((e) -> " and expires at " + e).orElse("")) + ".");
			return Pbkdf2DpapiCli.EXIT_OK;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = { "List the keys with their state; the primary key is marked with '*'.",
					"A key file that cannot be used is marked with '!' and its reason, and the exit code is then 3." })
	static final class ListKeys implements Callable<Integer> {

		private final CliEnvironment env;

		@Mixin
		KeyRingLocation location;

		ListKeys(CliEnvironment env) {
			this.env = env;
		}

		@Override
		public Integer call() {
			KeyRing ring = this.location.directory(this.env).load();
			Instant now = this.env.clock().instant();
			Optional<KeyRingKey> primary = ring.primary(now);
			String format = "%-2s%-20s%-9s%-26s%-26s%-26s%-26s%s%n";
			this.env.out().printf(format, "", "KEY ID", "STATE", "CREATED", "ACTIVATION", "EXPIRATION", "REVOKED",
					"PROTECTION");
			for (KeyRingKey key : ring.keys()) {
				this.env.out().printf(format, primary.filter(key::equals).isPresent() ? "*" : "", key.id(),
						key.state(now), key.created(), key.activation(),
						key.expiration().map(Instant::toString).orElse("-"),
						key.revocation().map(Instant::toString).orElse("-"), key.protection());
			}
			for (Map.Entry<String, ProtectorException> problem : ring.problems().entrySet()) {
				this.env.out().printf("%-2s%-20s%-9s%s%n", "!", problem.getKey(), "broken", problem.getValue().getMessage());
			}
			if (ring.keys().isEmpty() && ring.problems().isEmpty()) {
				this.env.out().println("(no keys; create one with: pbkdf2-dpapi keyring init --dir " + ring.directory() + ")");
			}
			return ring.problems().isEmpty() ? Pbkdf2DpapiCli.EXIT_OK : Pbkdf2DpapiCli.EXIT_KEY_ERROR;
		}

	}

	@Command(name = "revoke", mixinStandardHelpOptions = true,
			description = "Revoke a key: data protected with it no longer decrypts (password records under it stop "
					+ "matching). Rotate first if it is the primary key.")
	static final class Revoke implements Callable<Integer> {

		private final CliEnvironment env;

		@Mixin
		KeyRingLocation location;

		@Parameters(paramLabel = "KEY_ID", description = "The id of the key to revoke.")
		String keyId;

		Revoke(CliEnvironment env) {
			this.env = env;
		}

		@Override
		public Integer call() {
			KeyRingDirectory directory = this.location.directory(this.env);
			KeyRingKey key = directory.revoke(this.keyId, this.env.clock().instant());
			this.env.out().println("Revoked key " + key.id() + " at " + key.revocation().orElseThrow() + ".");
			if (directory.load().primary(this.env.clock().instant()).isEmpty()) {
				this.env.err().println("warning: the key ring has no usable key left; add one with: pbkdf2-dpapi keyring "
						+ "rotate --activate-in 0s --dir " + directory.getDirectory());
			}
			return Pbkdf2DpapiCli.EXIT_OK;
		}

	}

	@Command(name = "rewrap", mixinStandardHelpOptions = true,
			description = "Re-protect every key's material under a new master key (or another protection). "
					+ "Every node must then be given the new master key.")
	static final class Rewrap implements Callable<Integer> {

		private final CliEnvironment env;

		@Mixin
		KeyRingLocation location;

		@Option(names = "--new-master-key-source", paramLabel = "SOURCE", required = true,
				description = "The new protection: systemd, env, file, dpapi or plain.")
		String newSource;

		@Option(names = "--new-master-key-name", paramLabel = "NAME", defaultValue = KeyRingLocation.DEFAULT_CREDENTIAL,
				description = "systemd credential name of the new master key. Default: ${DEFAULT-VALUE}.")
		String newCredential;

		@Option(names = "--new-master-key-env", paramLabel = "VARIABLE",
				defaultValue = "PBKDF2_DPAPI_NEW_MASTER_KEY",
				description = "Environment variable holding the new master key. Default: ${DEFAULT-VALUE}.")
		String newVariable;

		@Option(names = "--new-master-key-file", paramLabel = "FILE", description = "File holding the new master key.")
		Path newFile;

		@Option(names = "--new-dpapi-scope", paramLabel = "SCOPE", defaultValue = "current-user",
				description = "DPAPI scope of the new protection. Default: ${DEFAULT-VALUE}.")
		String newScope;

		Rewrap(CliEnvironment env) {
			this.env = env;
		}

		@Override
		public Integer call() {
			KeyRingDirectory directory = this.location.directory(this.env);
			MasterKeySource target = KeyRingLocation.resolve(this.newSource, this.newCredential, this.newVariable,
					this.newFile, this.newScope, null, this.env, "--new-master-key-file");
			List<KeyRingKey> keys = directory.rewrap(target);
			this.env.out().println("Re-protected " + keys.size() + " key(s) with " + target.description() + " ("
					+ target.protection() + ").");
			return Pbkdf2DpapiCli.EXIT_OK;
		}

	}

}
