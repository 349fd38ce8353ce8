package io.github.pbkdf2dpapi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.pbkdf2dpapi.cli.EncInspector.Inspection;
import io.github.pbkdf2dpapi.cli.EncInspector.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code enc}: finds the {@code ENC(...)} values of configuration files, reports which key each
 * uses, and re-encrypts those under an old key with the current one. Never prints a value or
 * its plaintext.
 *
 * @author pbkdf2-dpapi
 */
@Command(name = "enc", mixinStandardHelpOptions = true,
		description = "Report and re-encrypt the ENC(...) values of .properties and .yml/.yaml files.",
		subcommands = { EncCommand.Report.class, EncCommand.Rewrap.class })
final class EncCommand implements Callable<Integer> {

	static final String DPAPI_NOTE = "DPAPI renews its own keys: a dpapi value counts as on an old key only when "
			+ "--dpapi-scope is given and the value was written for the other scope.";

	@Override
	public Integer call() {
		throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
				"missing subcommand: report or rewrap (see pbkdf2-dpapi enc --help)");
	}

	@Command(name = "report", mixinStandardHelpOptions = true,
			description = { "List every ENC(...) value of the files: property, file:line, scheme, key id, whether it "
					+ "is bound to its name, and whether its key is the current one.",
					"Each value is decrypted under its property name to check it (the plaintext is not shown); "
							+ "when one does not decrypt, its reason is shown and the exit code is 3.",
					DPAPI_NOTE })
	static final class Report extends FileCommand {

		Report(CliEnvironment env) {
			super(env);
		}

		@Override
		int run(List<EncFile> files, EncInspector inspector, PrintWriter out) {
			Table table = new Table("LOCATION", "PROPERTY", "SCHEME", "KEY", "BOUND", "STATUS");
			Counts counts = new Counts();
			for (EncFile file : files) {
				for (EncEntry entry : file.entries()) {
					Inspection result = inspector.inspect(entry, false);
					counts.add(result.status);
					table.add(location(file, entry), entry.name(), result.scheme(), result.key(), result.bound(),
							status(result));
				}
			}
			table.print(out);
			out.printf("%d ENC value(s) in %d file(s): %d current, %d on an old key, %d cannot be decrypted.%n",
					counts.total(), files.size(), counts.current, counts.outdated, counts.errors);
			if (counts.outdated > 0) {
				out.println("Re-encrypt those on an old key with 'pbkdf2-dpapi enc rewrap' and the same options.");
			}
			return counts.exitCode(this);
		}

		private static String status(Inspection result) {
			switch (result.status) {
				case CURRENT:
					return "current";
				case OUTDATED:
					return "old key (current: " + Inspection.keyOf(result.currentEnvelope) + ")";
				default:
					return "error: " + result.reason;
			}
		}

	}

	@Command(name = "rewrap", mixinStandardHelpOptions = true,
			description = { "Re-encrypt every ENC(...) value of the files whose key is not the current one with the "
					+ "current key, keeping its binding to the property name.",
					"Only the text of those values changes; comments, order and formatting stay as they are, and "
							+ "each file is replaced atomically. A value that does not decrypt is left as it is, "
							+ "with its reason, and the exit code is then 3.",
					DPAPI_NOTE })
	static final class Rewrap extends FileCommand {

		@Option(names = "--dry-run", description = "Report what would change without writing any file.")
		boolean dryRun;

		Rewrap(CliEnvironment env) {
			super(env);
		}

		@Override
		int run(List<EncFile> files, EncInspector inspector, PrintWriter out) {
			Counts counts = new Counts();
			int changedFiles = 0;
			for (EncFile file : files) {
				Table table = new Table();
				Map<EncEntry, String> replacements = new LinkedHashMap<>();
				for (EncEntry entry : file.entries()) {
					Inspection result = inspector.inspect(entry, true);
					counts.add(result.status);
					if (result.status == Status.OUTDATED) {
						replacements.put(entry, result.replacement);
						table.add(location(file, entry), entry.name(), result.scheme(), result.key() + " -> "
								+ Inspection.keyOf(result.currentEnvelope));
					}
					else if (result.status == Status.ERROR) {
						table.add(location(file, entry), entry.name(), result.scheme(),
								"left as is: " + result.reason);
					}
				}
				if (!replacements.isEmpty()) {
					if (!this.dryRun) {
						file.rewrite(replacements);
					}
					changedFiles++;
				}
				table.print(out);
			}
			out.printf("%s %d value(s) in %d file(s)%s; %d already current; %d cannot be decrypted (left as is).%n",
					this.dryRun ? "Would re-encrypt" : "Re-encrypted", counts.outdated, changedFiles,
					this.dryRun ? " (dry run: no file written)" : "", counts.current, counts.errors);
			return counts.exitCode(this);
		}

	}

	/**
	 * What {@code report} and {@code rewrap} share: the files, the key ring and DPAPI options.
	 */
	abstract static class FileCommand implements Callable<Integer> {

		final CliEnvironment env;

		@Parameters(arity = "1..*", paramLabel = "FILE",
				description = ".properties, .yml or .yaml files (e.g. application.yml, application-prod.properties).")
		List<Path> paths;

		@Mixin
		KeyRingLocation location;

		@Spec
		CommandSpec spec;

		FileCommand(CliEnvironment env) {
			this.env = env;
		}

		@Override
		public Integer call() {
			// Every file is read and parsed before any value is decrypted or any file written.
			List<EncFile> files = new ArrayList<>();
			Set<Path> targets = new LinkedHashSet<>();
			for (Path path : this.paths) {
				EncFile file = EncFile.read(path);
				if (targets.add(file.target())) {
					files.add(file);
				}
			}
			if (files.stream().allMatch((f) -> f.entries().isEmpty())) {
				this.env.out().println("No ENC(...) values in " + files.size() + " file(s).");
				return Pbkdf2DpapiCli.EXIT_OK;
			}
			boolean dpapiScopeGiven = this.spec.commandLine().getParseResult().hasMatchedOption("--dpapi-scope");
			return run(files, new EncInspector(this.location, this.env, dpapiScopeGiven), this.env.out());
		}

		abstract int run(List<EncFile> files, EncInspector inspector, PrintWriter out);

		static String location(EncFile file, EncEntry entry) {
			return file.path() + ":" + entry.line();
		}

	}

	/**
	 * Counts values by status.
	 */
	static final class Counts {

		int current;

		int outdated;

		int errors;

		void add(Status status) {
			switch (status) {
				case CURRENT:
					this.current++;
					break;
				case OUTDATED:
					this.outdated++;
					break;
				default:
					this.errors++;
			}
		}

		int total() {
			return this.current + this.outdated + this.errors;
		}

		/** Success, or a key error, also reported on standard error, when a value does not decrypt. */
		int exitCode(FileCommand command) {
			if (this.errors == 0) {
				return Pbkdf2DpapiCli.EXIT_OK;
			}
			command.env.out().flush();
			command.env.err().println("pbkdf2-dpapi: error: " + this.errors + " ENC value(s) cannot be decrypted; "
					+ "their reasons are in the lines marked 'error' or 'left as is'");
			return Pbkdf2DpapiCli.EXIT_KEY_ERROR;
		}

	}

	/**
	 * Rows printed in columns as wide as their widest cell; the last column is not padded.
	 */
	static final class Table {

		private final List<String[]> rows = new ArrayList<>();

		Table(String... header) {
			if (header.length > 0) {
				this.rows.add(header);
			}
		}

		void add(String... row) {
			this.rows.add(row);
		}

		void print(PrintWriter out) {
			if (this.rows.isEmpty()) {
				return;
			}
			int columns = this.rows.get(0).length;
			int[] widths = new int[columns];
			for (String[] row : this.rows) {
				for (int i = 0; i < columns - 1; i++) {
					widths[i] = Math.max(widths[i], row[i].length());
				}
			}
			for (String[] row : this.rows) {
				StringBuilder line = new StringBuilder();
				for (int i = 0; i < columns - 1; i++) {
					line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
				}
				out.println(line.append(row[columns - 1]));
			}
		}

	}

}
