package io.github.pbkdf2dpapi.cli;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the CLI as a real {@code java -jar} process during {@code mvn test}: the jar is a launcher
 * whose manifest names the main class and puts the test class path on its {@code Class-Path}.
 * {@code CliJarIT} does the same with the shaded executable jar during {@code mvn verify}.
 */
class CliJarTests {

	@TempDir
	Path temp;

	@Test
	void javaJarWhenKeyRingRoundTripThenWorksAndErrorsGoToStderr() throws Exception {
		Path jar = launcher();
		Map<String, String> env = Map.of("PBKDF2_DPAPI_MASTER_KEY", CliRunner.MASTER_KEY);
		String dir = this.temp.resolve("ring").toString();
		CliRunner.Result init = CliProcess.run(jar, env, "", "keyring", "init", "--dir", dir);
		assertThat(init.code).as(init.toString()).isZero();
		CliRunner.Result protect = CliProcess.run(jar, env, "s3cret\n", "protect", "--dir", dir);
		assertThat(protect.code).as(protect.toString()).isZero();
		CliRunner.Result unprotect = CliProcess.run(jar, env, "", "unprotect", "--yes-print-secret", "--dir", dir,
				protect.out.strip());
		assertThat(unprotect.out.strip()).isEqualTo("s3cret");
		Path yaml = Files.writeString(this.temp.resolve("application.yml"),
				"app:\n  secret: " + protect.out.strip() + "\n");
		CliRunner.Result report = CliProcess.run(jar, env, "", "enc", "report", "--dir", dir, yaml.toString());
		assertThat(report.code).as(report.toString()).isZero();
		assertThat(report.out).contains("app.secret").contains("current").doesNotContain("s3cret");
		CliRunner.Result missing = CliProcess.run(jar, env, "", "keyring", "list", "--dir", dir + "-missing");
		assertThat(missing.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(missing.out).isEmpty();
		assertThat(missing.err).contains("keyring init --dir").doesNotContain("\tat ");
	}

	private Path launcher() throws Exception {
		Manifest manifest = new Manifest();
		Attributes attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.put(Attributes.Name.MAIN_CLASS, Pbkdf2DpapiCli.class.getName());
		StringBuilder classPath = new StringBuilder();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!entry.isEmpty()) {
				classPath.append(Path.of(entry).toUri().toURL()).append(' ');
			}
		}
		attributes.put(Attributes.Name.CLASS_PATH, classPath.toString().trim());
		Path jar = this.temp.resolve("pbkdf2-dpapi-launcher.jar");
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
			// A manifest alone: every class comes from the Class-Path.
		}
		return jar;
	}

}
