package io.github.pbkdf2dpapi.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;

import io.github.pbkdf2dpapi.autoconfigure.encrypt.EncryptEnvironmentPostProcessor;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.KeyRingKey;
import io.github.pbkdf2dpapi.protect.KeyRingOptions;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.KeyRings;
import io.github.pbkdf2dpapi.protect.MasterKeySources;

/**
 * Development set-up of the sample, in the {@code dev} profile only: on the first start it creates
 * the key ring ({@code pbkdf2-dpapi.keyring.directory}, {@code ./.pbkdf2-dpapi/keyring}) and a
 * file {@code ./.pbkdf2-dpapi/secrets.properties} holding a random datasource password and a
 * random pepper as {@code ENC(kr:...)} values encrypted with that ring; on every start it adds that
 * file to the environment, where the starter decrypts the values like any other {@code ENC(...)}.
 *
 * <p>
 * So no secret and no key is committed to the repository, a fresh clone starts without set-up,
 * and the values the application reads are really encrypted. Production does not use this
 * class: there the key ring is created with the CLI and the {@code ENC(...)} values are written
 * into the configuration (see the sample's README).
 */
public class DevelopmentSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * After the starter wraps the configuration's property sources: the source added here is
	 * wrapped by the starter's bean factory post-processor, before any bean reads it.
	 */
	public static final int ORDER = EncryptEnvironmentPostProcessor.ORDER + 1;

	static final String PROFILE = "dev";

	static final String FILE_NAME = "secrets.properties";

	static final String DATASOURCE_PASSWORD = "spring.datasource.password";

	static final String PEPPER_ID = "p1";

	static final String PEPPER = "pbkdf2-dpapi.password.pepper.secrets." + PEPPER_ID;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Log logger;

	public DevelopmentSecretsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DevelopmentSecretsEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String directory = environment.getProperty("pbkdf2-dpapi.keyring.directory");
		if (!environment.matchesProfiles(PROFILE) || directory == null) {
			return;
		}
		if (!"plain".equals(environment.getProperty("pbkdf2-dpapi.keyring.master-key.source"))) {
			this.logger.info("Development secrets not created: the dev profile expects "
					+ "pbkdf2-dpapi.keyring.master-key.source=plain");
			return;
		}
		Path ring = Path.of(directory).toAbsolutePath().normalize();
		Path file = ring.resolveSibling(FILE_NAME);
		Optional<KeyRingKey> created = KeyRings.createIfMissing(ring, MasterKeySources.plainUnprotected(),
				Instant.now());
		created.ifPresent((key) -> this.logger.warn("Development key ring created in " + ring + " with key "
				+ key.id() + "; its key material is stored unprotected. Never use it in production."));
		if (!Files.exists(file)) {
			write(file, ring);
			this.logger.warn("Development secrets created in " + file + ": a random datasource password and pepper, "
					+ "as ENC(kr:...) values of that key ring.");
		}
		environment.getPropertySources()
			.addLast(new PropertiesPropertySource("sample development secrets [" + file + "]", read(file)));
		this.logger.info("To encrypt another value with the development key ring: java -jar "
				+ "pbkdf2-dpapi-cli/target/pbkdf2-dpapi-cli-0.1.0-SNAPSHOT-exec.jar protect --protector keyring --dir "
				+ ring + " --master-key-source plain --bind-to <property name>, then paste the ENC(...) it prints "
				+ "into application.yml (samples/web-login/README.md)");
	}

	/**
	 * Writes new random secrets, encrypted with the key ring and bound to their property names.
	 */
	static void write(Path file, Path ring) {
		KeyRingProtector protector = KeyRingProtector.open(ring, MasterKeySources.plainUnprotected(),
				KeyRingOptions.defaults(), Clock.systemUTC());
		Map<String, String> values = new LinkedHashMap<>();
		values.put(DATASOURCE_PASSWORD, EncryptedValues.encrypt(protector, random(24), DATASOURCE_PASSWORD));
		values.put(PEPPER, EncryptedValues.encrypt(protector, random(32), PEPPER));
		StringBuilder text = new StringBuilder();
		text.append("# Created by the web-login sample on its first start in the dev profile.\n");
		text.append("# Random secrets, encrypted with the key ring in ").append(ring.getFileName())
			.append("/ and bound to their property names.\n");
		text.append("# Delete this directory (key ring and secrets) to start over.\n");
		values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			ownerOnly(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the development secrets to " + file, ex);
		}
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getEncoder().encodeToString(value);
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Windows: no POSIX permissions; the file sits in the user's working copy.
		}
	}

	private static Properties read(Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the development secrets from " + file, ex);
		}
		return properties;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
