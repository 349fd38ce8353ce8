package io.github.pbkdf2dpapi.legacy.migrate;

/**
 * Told about the progress of a {@link JdbcHashMigrator} run after each committed batch. An
 * exception thrown here stops the run; the batches committed so far stay, and a re-run resumes.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@FunctionalInterface
public interface MigrationListener {

	/**
	 * Called after a batch was committed (or, in a dry run, classified).
	 * @param progress the progress so far
	 */
	void onProgress(MigrationProgress progress);

	/**
	 * A listener that does nothing.
	 * @return the listener
	 */
	static MigrationListener none() {
		return (progress) -> {
		};
	}

}
