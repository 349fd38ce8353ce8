package io.github.pbkdf2dpapi.protect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MasterKeySources}.
 */
class MasterKeySourcesTests {

	private static final byte[] KEY = new byte[32];

	static {
		for (int i = 0; i < KEY.length; i++) {
			KEY[i] = (byte) (i * 7 + 1);
		}
	}

	private static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);

	@TempDir
	Path temp;

	@Test
	void systemdCredentialWhenCredentialFileExistsThenReadsIt() throws Exception {
		Files.write(this.temp.resolve("pbkdf2-dpapi-master"), KEY);
		MasterKeySource source = MasterKeySources.systemdCredential("pbkdf2-dpapi-master",
				Map.of(MasterKeySources.CREDENTIALS_DIRECTORY, this.temp.toString())::get);
		assertThat(MasterKeySources.fingerprint(source)).isEqualTo(AesMasterKeySource.fingerprint(KEY));
		assertThat(source.protection()).isEqualTo("master-key:" + AesMasterKeySource.fingerprint(KEY));
		assertThat(source.description()).isEqualTo("systemd credential 'pbkdf2-dpapi-master'");
	}

	@Test
	void systemdCredentialWhenBase64WithNewlineThenReadsIt() throws Exception {
		Files.writeString(this.temp.resolve("mk"), KEY_BASE64 + "\n");
		MasterKeySource source = MasterKeySources.systemdCredential("mk",
				Map.of(MasterKeySources.CREDENTIALS_DIRECTORY, this.temp.toString())::get);
		assertThat(MasterKeySources.fingerprint(source)).isEqualTo(AesMasterKeySource.fingerprint(KEY));
	}

	@Test
	void systemdCredentialWhenNoCredentialsDirectoryThenSaysLoadCredentialEncrypted() {
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> MasterKeySources.systemdCredential("mk", (name) -> null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MASTER_KEY))
			.withMessageContaining("CREDENTIALS_DIRECTORY is not set")
			.withMessageContaining("LoadCredentialEncrypted=mk:");
	}

	@Test
	void systemdCredentialWhenCredentialMissingThenNamesTheFile() {
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> MasterKeySources.systemdCredential("mk",
					Map.of(MasterKeySources.CREDENTIALS_DIRECTORY, this.temp.toString())::get))
			.withMessageContaining(this.temp.resolve("mk").toString())
			.withMessageContaining("does not exist");
	}

	@Test
	void systemdCredentialWhenNameHasSlashThenRejected() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> MasterKeySources.systemdCredential("../etc/passwd", (name) -> "/tmp"));
	}

	@Test
	void environmentVariableWhenBase64ThenReadsIt() {
		MasterKeySource source = MasterKeySources.environmentVariable("MK", Map.of("MK", KEY_BASE64)::get);
		assertThat(MasterKeySources.fingerprint(source)).isEqualTo(AesMasterKeySource.fingerprint(KEY));
		assertThat(source.description()).isEqualTo("environment variable MK");
	}

	@Test
	void environmentVariableWhenHexThenReadsIt() {
		MasterKeySource source = MasterKeySources.environmentVariable("MK",
				Map.of("MK", HexFormat.of().formatHex(KEY))::get);
		assertThat(MasterKeySources.fingerprint(source)).isEqualTo(AesMasterKeySource.fingerprint(KEY));
	}

	@Test
	void environmentVariableWhenUnsetThenSaysHowToGenerate() {
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> MasterKeySources.environmentVariable("MK", (name) -> null))
			.withMessage(ProtectorErrors
				.masterKeyMissing("environment variable MK", "set it to the Base64 of 32 random bytes (openssl rand -base64 32)")
				.getMessage());
	}

	@Test
	void environmentVariableWhenTooShortThenMalformedWithoutValue() {
		String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> MasterKeySources.environmentVariable("MK", Map.of("MK", shortKey)::get))
			.withMessage(ProtectorErrors.masterKeyMalformed("environment variable MK", 16).getMessage())
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(shortKey));
	}

	@Test
	void environmentVariableWhenNotBase64ThenMalformed() {
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> MasterKeySources.environmentVariable("MK", Map.of("MK", "not a key!")::get))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MASTER_KEY))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("not a key"));
	}

	@Test
	void fileWhenRawThenReadsIt() throws Exception {
		Path file = Files.write(this.temp.resolve("master.key"), KEY);
		assertThat(MasterKeySources.fingerprint(MasterKeySources.file(file)))
			.isEqualTo(AesMasterKeySource.fingerprint(KEY));
	}

	@Test
	void fileWhenMissingThenSaysHowToCreateIt() {
		Path file = this.temp.resolve("missing.key");
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> MasterKeySources.file(file))
			.withMessageContaining("openssl rand -base64 32 > " + file)
			.withMessageContaining("chmod 600");
	}

	@Test
	void fingerprintWhenDifferentKeysThenDifferent() {
		byte[] other = KEY.clone();
		other[0] ^= 1;
		assertThat(AesMasterKeySource.fingerprint(KEY)).matches("mk-[0-9a-f]{8}")
			.isNotEqualTo(AesMasterKeySource.fingerprint(other));
	}

	@Test
	void toStringWhenKeySetThenDoesNotShowIt() {
		MasterKeySource source = MasterKeySources.key(KEY, "test key");
		assertThat(source.toString()).doesNotContain(KEY_BASE64).contains("test key");
		assertThat(MasterKeySources.plainUnprotected().protection()).isEqualTo("plain");
		assertThat(MasterKeySources.fingerprint(MasterKeySources.plainUnprotected())).isNull();
	}

}
