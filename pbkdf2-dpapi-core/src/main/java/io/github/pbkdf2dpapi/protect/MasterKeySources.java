package io.github.pbkdf2dpapi.protect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;

/**
 * Factory methods for the {@link MasterKeySource}s of a key ring.
 *
 * <p>
 * A master key is 32 random bytes, given raw, as Base64 (for example the output of
 * {@code openssl rand -base64 32}) or as 64 hex digits; surrounding white space is ignored. The
 * sources that read a key read it once, when they are created, and fail with a
 * {@link ProtectorException} (reason {@code MASTER_KEY}) that names where the key was looked for.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class MasterKeySources {

	/** The environment variable systemd sets to the directory of a service's credentials. */
	public static final String CREDENTIALS_DIRECTORY = "CREDENTIALS_DIRECTORY";

	private static final int MAX_KEY_FILE_LENGTH = 1024;

	private MasterKeySources() {
	}

	/**
	 * The master key in the systemd credential {@code name}: the file
	 * {@code $CREDENTIALS_DIRECTORY/<name>}, as set up by {@code LoadCredentialEncrypted=} or
	 * {@code LoadCredential=} in the service unit.
	 * @param name the credential name
	 * @return the source
	 */
	public static MasterKeySource systemdCredential(String name) {
		return systemdCredential(name, System::getenv);
	}

	/**
	 * The master key in a systemd credential, reading the environment through
	 * {@code environment}.
	 * @param name the credential name
	 * @param environment looks up environment variables
	 * @return the source
	 */
	public static MasterKeySource systemdCredential(String name, Function<String, String> environment) {
		if (name == null || !name.matches("[A-Za-z0-9_.@:-]{1,255}") || name.equals(".") || name.equals("..")) {
			throw new IllegalArgumentException("'name' must be a systemd credential name (no '/')");
		}
		String description = "systemd credential '" + name + "'";
		String directory = environment.apply(CREDENTIALS_DIRECTORY);
		if (directory == null || directory.isBlank()) {
			throw ProtectorErrors.masterKeyMissing(description, CREDENTIALS_DIRECTORY
					+ " is not set; run the application as a systemd service with LoadCredentialEncrypted=" + name
					+ ":<encrypted credential file> (see docs/KEYS.md)");
		}
		Path file = Path.of(directory, name);
		String located = description + " (" + file + ")";
		byte[] key = parse(read(file, located,
				"add LoadCredentialEncrypted=" + name + ":<encrypted credential file> to the service unit"), located);
		return new AesMasterKeySource(key, description);
	}

	/**
	 * The master key in an environment variable.
	 * @param variable the variable name
	 * @return the source
	 */
	public static MasterKeySource environmentVariable(String variable) {
		return environmentVariable(variable, System::getenv);
	}

	/**
	 * The master key in an environment variable, reading the environment through
	 * {@code environment}.
	 * @param variable the variable name
	 * @param environment looks up environment variables
	 * @return the source
	 */
	public static MasterKeySource environmentVariable(String variable, Function<String, String> environment) {
		if (variable == null || variable.isBlank()) {
			throw new IllegalArgumentException("'variable' must not be empty");
		}
		String description = "environment variable " + variable;
		String value = environment.apply(variable);
		if (value == null || value.isBlank()) {
			throw ProtectorErrors.masterKeyMissing(description,
					"set it to the Base64 of 32 random bytes (openssl rand -base64 32)");
		}
		return new AesMasterKeySource(parseText(value.getBytes(StandardCharsets.US_ASCII), description), description);
	}

	/**
	 * The master key in a file (raw, Base64 or hex). Keep the file readable by its owner only.
	 * @param file the file
	 * @return the source
	 */
	public static MasterKeySource file(Path file) {
		String description = "file " + file;
		byte[] key = parse(read(file, description,
				"create it with: openssl rand -base64 32 > " + file + " && chmod 600 " + file), description);
		return new AesMasterKeySource(key, description);
	}

	/**
	 * A master key given directly (tests, or keys fetched from a secret manager by the caller).
	 * @param key the 32-byte key (copied)
	 * @param description where it comes from, for messages
	 * @return the source
	 */
	public static MasterKeySource key(byte[] key, String description) {
		return new AesMasterKeySource(key, description);
	}

	/**
	 * Key material protected by Windows DPAPI; no master key to keep. Works on Windows only, and
	 * binds the key ring to one user or one machine.
	 * @param scope the DPAPI scope
	 * @param entropy additional DPAPI entropy, or {@code null}
	 * @return the source
	 */
	public static MasterKeySource dpapi(DpapiScope scope, byte[] entropy) {
		return new DpapiMasterKeySource(DpapiProtector.create(scope, entropy));
	}

	static MasterKeySource dpapi(DpapiProtector protector) {
		return new DpapiMasterKeySource(protector);
	}

	/**
	 * <strong>Unprotected</strong> key files: anyone who can read the key ring directory can
	 * decrypt. Only for development or when the directory itself is protected otherwise. The key
	 * ring refuses key files that group or others may read, and file systems without POSIX
	 * permissions.
	 * @return the source
	 */
	public static MasterKeySource plainUnprotected() {
		return PlainMasterKeySource.INSTANCE;
	}

	/**
	 * The fingerprint of a master key: {@code mk-} and 8 hex digits, safe to show.
	 * @param source a source
	 * @return the fingerprint, or {@code null} when the source has no master key
	 */
	public static String fingerprint(MasterKeySource source) {
		return (source instanceof AesMasterKeySource) ? ((AesMasterKeySource) source).fingerprint() : null;
	}

	private static byte[] read(Path file, String description, String action) {
		try {
			if (Files.size(file) > MAX_KEY_FILE_LENGTH) {
				throw ProtectorErrors.masterKeyMalformed(description, (int) Math.min(Integer.MAX_VALUE, Files.size(file)));
			}
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw ProtectorErrors.masterKeyMissing(description, "the file does not exist; " + action);
		}
		catch (IOException ex) {
			throw ProtectorErrors.masterKeyUnreadable(description, ex);
		}
	}

	static byte[] parse(byte[] content, String description) {
		if (content.length == AesGcmCiphertext.KEY_LENGTH) {
			return content;
		}
		return parseText(content, description);
	}

	private static byte[] parseText(byte[] content, String description) {
		String text = new String(content, StandardCharsets.ISO_8859_1).strip();
		byte[] key = null;
		if (text.matches("[0-9a-fA-F]{64}")) {
			key = new byte[AesGcmCiphertext.KEY_LENGTH];
			for (int i = 0; i < key.length; i++) {
				key[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
			}
		}
		else if (text.matches("[A-Za-z0-9+/_-]+={0,2}")) {
			try {
				key = Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
			}
			catch (IllegalArgumentException ex) {
				// Not Base64 after all: reported below as a malformed key, without the value.
				key = null;
			}
		}
		Arrays.fill(content, (byte) 0);
		if (key == null || key.length != AesGcmCiphertext.KEY_LENGTH) {
			throw ProtectorErrors.masterKeyMalformed(description, (key != null) ? key.length : content.length);
		}
		return key;
	}

}
