package io.github.pbkdf2dpapi.protect;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeyRings}.
 */
class KeyRingsTests {

	private static final Instant NOW = KeyRingDirectoryTests.NOW;

	@TempDir
	Path temp;

	@Test
	void createIfMissingWhenMissingThenCreatesOnceOnly() {
		Path dir = this.temp.resolve("a/b/ring");
		assertThat(KeyRings.createIfMissing(dir, KeyRingDirectoryTests.MASTER, NOW)).isPresent();
		assertThat(KeyRings.createIfMissing(dir, KeyRingDirectoryTests.MASTER, NOW)).isEmpty();
		assertThat(new KeyRingDirectory(dir, KeyRingDirectoryTests.MASTER).load().keys()).hasSize(1);
	}

}
