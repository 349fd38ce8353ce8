package io.github.pbkdf2dpapi.legacy.migrate;

import io.github.pbkdf2dpapi.legacy.LegacyPasswordEncoders;
import io.github.pbkdf2dpapi.legacy.SqlIdentifiers;

/**
 * What {@link JdbcHashMigrator} migrates and how.
 *
 * @param table the table, optionally {@code schema.table}
 * @param idColumn a unique, orderable key column (rows are read in its order, in batches)
 * @param hashColumn the column holding the stored password values
 * @param saltColumn a column holding the legacy salt of unprefixed salted digests, or
 * {@code null}
 * @param unprefixedFormat the format of values without a {@code {id}} prefix (as
 * {@code pbkdf2-dpapi.migration.unprefixed-format}), or {@code null}
 * @param batchSize rows per batch and transaction, 1 to 100,000 (default
 * {@value #DEFAULT_BATCH_SIZE})
 * @param parallelism threads that hash a batch, 1 to 256 (default: available processors)
 * @param dryRun whether to classify and count only, hashing and writing nothing
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record MigrationOptions(String table, String idColumn, String hashColumn, String saltColumn,
		String unprefixedFormat, int batchSize, int parallelism, boolean dryRun) {

	/** Default rows per batch. */
	public static final int DEFAULT_BATCH_SIZE = 1000;

	/**
	 * Validates the options.
	 * @param table the table
	 * @param idColumn the key column
	 * @param hashColumn the hash column
	 * @param saltColumn the salt column, or {@code null}
	 * @param unprefixedFormat the unprefixed format, or {@code null}
	 * @param batchSize rows per batch
	 * @param parallelism hashing threads
	 * @param dryRun whether to write nothing
	 */
	public MigrationOptions {
		SqlIdentifiers.table(table);
		SqlIdentifiers.column(idColumn, "id column");
		SqlIdentifiers.column(hashColumn, "hash column");
		if (saltColumn != null && saltColumn.isBlank()) {
			saltColumn = null;
		}
		if (saltColumn != null) {
			SqlIdentifiers.column(saltColumn, "salt column");
		}
		if (unprefixedFormat != null && unprefixedFormat.isBlank()) {
			unprefixedFormat = null;
		}
		if (unprefixedFormat != null && !LegacyPasswordEncoders.isKnownFormat(unprefixedFormat)) {
			throw new IllegalArgumentException("Unknown unprefixed format '" + unprefixedFormat + "'");
		}
		if (batchSize < 1 || batchSize > 100_000) {
			throw new IllegalArgumentException("The batch size must be between 1 and 100000, was " + batchSize);
		}
		if (parallelism < 1 || parallelism > 256) {
			throw new IllegalArgumentException("The parallelism must be between 1 and 256, was " + parallelism);
		}
	}

	/**
	 * Options for a table with the defaults: no salt column, no unprefixed format,
	 * {@value #DEFAULT_BATCH_SIZE} rows per batch, one thread per processor, not a dry run.
	 * @param table the table
	 * @param idColumn the key column
	 * @param hashColumn the hash column
	 * @return the options
	 */
	public static MigrationOptions of(String table, String idColumn, String hashColumn) {
		return new MigrationOptions(table, idColumn, hashColumn, null, null, DEFAULT_BATCH_SIZE,
				Runtime.getRuntime().availableProcessors(), false);
	}

	/**
	 * A copy with a salt column.
	 * @param column the column, or {@code null}
	 * @return the new options
	 */
	public MigrationOptions withSaltColumn(String column) {
		return new MigrationOptions(this.table, this.idColumn, this.hashColumn, column, this.unprefixedFormat,
				this.batchSize, this.parallelism, this.dryRun);
	}

	/**
	 * A copy with an unprefixed format.
	 * @param format the format, or {@code null}
	 * @return the new options
	 */
	public MigrationOptions withUnprefixedFormat(String format) {
		return new MigrationOptions(this.table, this.idColumn, this.hashColumn, this.saltColumn, format,
				this.batchSize, this.parallelism, this.dryRun);
	}

	/**
	 * A copy with another batch size.
	 * @param size rows per batch
	 * @return the new options
	 */
	public MigrationOptions withBatchSize(int size) {
		return new MigrationOptions(this.table, this.idColumn, this.hashColumn, this.saltColumn,
				this.unprefixedFormat, size, this.parallelism, this.dryRun);
	}

	/**
	 * A copy with another parallelism.
	 * @param threads hashing threads
	 * @return the new options
	 */
	public MigrationOptions withParallelism(int threads) {
		return new MigrationOptions(this.table, this.idColumn, this.hashColumn, this.saltColumn,
				this.unprefixedFormat, this.batchSize, threads, this.dryRun);
	}

	/**
	 * A copy for a dry run or a real one.
	 * @param dry whether to write nothing
	 * @return the new options
	 */
	public MigrationOptions withDryRun(boolean dry) {
		return new MigrationOptions(this.table, this.idColumn, this.hashColumn, this.saltColumn,
				this.unprefixedFormat, this.batchSize, this.parallelism, dry);
	}

}
