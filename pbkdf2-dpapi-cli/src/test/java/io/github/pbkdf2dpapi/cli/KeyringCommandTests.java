package io.github.pbkdf2dpapi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeyringCommand}.
 */
class KeyringCommandTests {

	private static final Pattern KEY_ID = Pattern.compile("key (20250301-[0-9a-f]{8})");

	private final CliRunner cli = new CliRunner();

	@TempDir
	Path temp;

	private String dir() {
		return this.temp.resolve("ring").toString();
	}

	private String init() {
		CliRunner.Result result = this.cli.run("keyring", "init", "--dir", dir());
		assertThat(result.code).as(result.toString()).isZero();
		Matcher m = KEY_ID.matcher(result.out);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void initThenListShowsOneActivePrimaryKey() {
		String id = init();
		CliRunner.Result list = this.cli.run("keyring", "list", "--dir", dir());
		assertThat(list.code).isZero();
		assertThat(list.out).containsPattern("\\* " + id + " +active ")
			.contains("master-key:mk-");
	}

	@Test
	void initWhenRingExistsThenKeyError() {
		init();
		CliRunner.Result again = this.cli.run("keyring", "init", "--dir", dir());
		assertThat(again.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(again.err).contains("already has keys").contains("keyring rotate");
	}

	@Test
	void initWhenMasterKeyMissingThenKeyErrorNamingVariable() {
		this.cli.environment.clear();
		CliRunner.Result result = this.cli.run("keyring", "init", "--dir", dir());
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(result.err).contains("no master key in environment variable PBKDF2_DPAPI_MASTER_KEY")
			.contains("openssl rand -base64 32");
	}

	@Test
	void rotateThenNewKeyPendingUntilActivation() {
		String first = init();
		CliRunner.Result rotate = this.cli.run("keyring", "rotate", "--dir", dir(), "--activate-in", "1h");
		assertThat(rotate.code).isZero();
		assertThat(rotate.out).contains("becomes primary at 2025-03-01T11:00:00Z");
		Matcher m = KEY_ID.matcher(rotate.out);
		assertThat(m.find()).isTrue();
		String second = m.group(1);
		assertThat(this.cli.run("keyring", "list", "--dir", dir()).out).containsPattern("\\* " + first + " +active")
			.containsPattern("  " + second + " +pending");
		this.cli.clock = Clock.fixed(CliRunner.NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);
		assertThat(this.cli.run("keyring", "list", "--dir", dir()).out).containsPattern("\\* " + second + " +active");
	}

	@Test
	void revokeThenListShowsRevokedAndWarnsWhenNoKeyLeft() {
		String id = init();
		CliRunner.Result revoke = this.cli.run("keyring", "revoke", "--dir", dir(), id);
		assertThat(revoke.code).isZero();
		assertThat(revoke.out).contains("Revoked key " + id);
		assertThat(revoke.err).contains("no usable key left");
		assertThat(this.cli.run("keyring", "list", "--dir", dir()).out).containsPattern(id + " +revoked");
	}

	@Test
	void revokeWhenUnknownKeyThenKeyError() {
		init();
		CliRunner.Result revoke = this.cli.run("keyring", "revoke", "--dir", dir(), "20250101-00000000");
		assertThat(revoke.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(revoke.err).contains("unknown key (key '20250101-00000000')");
	}

	@Test
	void rewrapThenNewMasterKeyOpensAndOldDoesNot() {
		String id = init();
		String newKey = Base64.getEncoder().encodeToString(new byte[32]);
		this.cli.environment.put("NEW_MK", newKey);
		CliRunner.Result rewrap = this.cli.run("keyring", "rewrap", "--dir", dir(), "--new-master-key-source", "env",
				"--new-master-key-env", "NEW_MK");
		assertThat(rewrap.code).as(rewrap.toString()).isZero();
		assertThat(rewrap.out).contains("Re-protected 1 key(s) with environment variable NEW_MK");
		CliRunner.Result oldKey = this.cli.run("keyring", "list", "--dir", dir());
		assertThat(oldKey.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(oldKey.out).contains("! " + id).contains("keyring rewrap");
		CliRunner.Result newList = this.cli.run("keyring", "list", "--dir", dir(), "--master-key-env", "NEW_MK");
		assertThat(newList.code).isZero();
		assertThat(newList.out).containsPattern("\\* " + id + " +active");
	}

	@Test
	void initWhenSystemdCredentialThenReadsCredentialsDirectory() throws Exception {
		Path credentials = Files.createDirectories(this.temp.resolve("credentials"));
		Files.writeString(credentials.resolve("pbkdf2-dpapi-master-key"), CliRunner.MASTER_KEY + "\n");
		this.cli.environment.clear();
		this.cli.environment.put("CREDENTIALS_DIRECTORY", credentials.toString());
		CliRunner.Result result = this.cli.run("keyring", "init", "--dir", dir(), "--master-key-source", "systemd");
		assertThat(result.code).as(result.toString()).isZero();
		assertThat(result.out).contains("systemd credential 'pbkdf2-dpapi-master-key'");
	}

	@Test
	void initWhenSystemdButNoCredentialsDirectoryThenSaysLoadCredentialEncrypted() {
		CliRunner.Result result = this.cli.run("keyring", "init", "--dir", dir(), "--master-key-source", "systemd");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(result.err).contains("LoadCredentialEncrypted=pbkdf2-dpapi-master-key:");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void initWhenPlainThenPrivateFiles() {
		CliRunner.Result result = this.cli.run("keyring", "init", "--dir", dir(), "--master-key-source", "plain");
		assertThat(result.code).as(result.toString()).isZero();
		assertThat(this.cli.run("keyring", "list", "--dir", dir(), "--master-key-source", "plain").out)
			.contains(" plain");
	}

	@Test
	void initWhenFileSourceWithoutFileThenUsageError() {
		CliRunner.Result result = this.cli.run("keyring", "init", "--dir", dir(), "--master-key-source", "file");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("needs --master-key-file");
	}

	@Test
	void initWithoutDirThenUsageError() {
		CliRunner.Result result = this.cli.run("keyring", "init");
		assertThat(result.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(result.err).contains("missing option --dir");
	}

}
