package io.github.pbkdf2dpapi.cli;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import io.github.pbkdf2dpapi.audit.AuditKeys;
import io.github.pbkdf2dpapi.audit.AuditVerification;
import io.github.pbkdf2dpapi.audit.AuditVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audit verify}: checks the HMAC chain of the JDBC audit trail.
 *
 * @author pbkdf2-dpapi
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit trail.",
		subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, "missing subcommand: verify");
	}

	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = { "Check that no entry of the audit trail (tables pbkdf2_dpapi_audit and "
					+ "pbkdf2_dpapi_audit_state) was edited, deleted, inserted or reordered.",
					"Exit code 1 when the chain is broken. Entries purged by retention are not a break." })
	static final class Verify implements Callable<Integer> {

		private final CliEnvironment env;

		@Mixin
		DatabaseOptions database;

		@Option(names = "--key-env", paramLabel = "ID=VARIABLE", required = true,
				description = "An audit key: its id (as in pbkdf2-dpapi.audit.keys.<id>) and the environment variable "
						+ "holding its Base64 value. Repeat for every key that signed a kept entry.")
		Map<String, String> keyVariables = new LinkedHashMap<>();

		Verify(CliEnvironment env) {
			this.env = env;
		}

		@Override
		public Integer call() {
			AuditKeys keys = keys();
			DataSource dataSource = this.database.open(this.env);
			AuditVerification verification;
			try {
				verification = AuditVerifier.verify(dataSource, keys);
			}
			catch (IllegalStateException ex) {
				// The store's messages name tables and SQL states, never values.
				throw new CliException(Pbkdf2DpapiCli.EXIT_DATABASE_ERROR, "cannot read the audit trail: " + ex.getMessage());
			}
			if (verification.valid()) {
				this.env.out().println(verification.summary());
				return Pbkdf2DpapiCli.EXIT_OK;
			}
			this.env.err().println("pbkdf2-dpapi: " + verification.summary());
			return Pbkdf2DpapiCli.EXIT_NO_MATCH;
		}

		private AuditKeys keys() {
			Map<String, byte[]> secrets = new LinkedHashMap<>();
			String first = null;
			for (Map.Entry<String, String> entry : this.keyVariables.entrySet()) {
				String value = this.env.environment().apply(entry.getValue());
				if (value == null || value.isBlank()) {
					throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
							"environment variable " + entry.getValue() + " (audit key '" + entry.getKey() + "') is not set");
				}
				try {
					secrets.put(entry.getKey(), Base64.getDecoder().decode(value.trim()));
				}
				catch (IllegalArgumentException ex) {
					throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
							"environment variable " + entry.getValue() + " (audit key '" + entry.getKey() + "') is not Base64");
				}
				first = (first != null) ? first : entry.getKey();
			}
			try {
				return AuditKeys.of(first, secrets);
			}
			catch (IllegalArgumentException ex) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, ex.getMessage());
			}
		}

	}

}
