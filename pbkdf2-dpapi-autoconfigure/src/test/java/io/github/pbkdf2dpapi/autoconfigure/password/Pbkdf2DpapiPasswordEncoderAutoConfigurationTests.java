package io.github.pbkdf2dpapi.autoconfigure.password;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2EngineSelection;
import io.github.pbkdf2dpapi.protect.KeyRingDirectory;
import io.github.pbkdf2dpapi.protect.MasterKeySource;
import io.github.pbkdf2dpapi.protect.MasterKeySources;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Pbkdf2DpapiPasswordEncoderAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class Pbkdf2DpapiPasswordEncoderAutoConfigurationTests {

	static final String PEPPER_1 = Base64.getEncoder().encodeToString(new byte[32]);

	static final String SECRET_PEPPER = "c2VjcmV0LXBlcHBlci12YWx1ZS0wMTIzNDU2Nzg5YWJjZGVm";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Pbkdf2DpapiPasswordEncoderAutoConfiguration.class));

	private final ApplicationContextRunner noEnvelopeRunner = this.contextRunner
		.withPropertyValues("pbkdf2-dpapi.envelope.protector=none");

	private final ApplicationContextRunner fastRunner = this.noEnvelopeRunner
		.withPropertyValues("pbkdf2-dpapi.password.iterations=1000", "pbkdf2-dpapi.password.allow-weak-parameters=true");

	@TempDir
	Path temp;

	@Test
	void defaultsThenDelegatingEncoderWithOwaspParameters() {
		this.noEnvelopeRunner.run((context) -> {
			assertThat(context).hasSingleBean(PasswordEncoder.class).hasSingleBean(SecretProtector.class);
			PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
			assertThat(encoder).isInstanceOf(LazyPasswordEncoder.class);
			String encoded = encoder.encode("pw");
			assertThat(encoded).startsWith("{pbkdf2-dpapi}$p2d$v=1$a=sha256,i=600000,s=16,l=32,n=nfkc,p=-,e=none$");
			assertThat(encoder.matches("pw", encoded)).isTrue();
		});
	}

	@Test
	void legacyEncoderTableBuiltOnFirstUseOnly() {
		this.fastRunner.run((context) -> {
			LazyPasswordEncoder encoder = (LazyPasswordEncoder) context.getBean(PasswordEncoder.class);
			assertThat(encoder.isInitialized()).isFalse();
			assertThat(encoder.matches("password", "{MD5}5f4dcc3b5aa765d61d8327deb882cf99")).isTrue();
			assertThat(encoder.isInitialized()).isTrue();
			assertThat(encoder.upgradeEncoding("{MD5}5f4dcc3b5aa765d61d8327deb882cf99")).isTrue();
		});
	}

	@Test
	void defaultProtectorWithoutKeyRingDirectoryThenFailsWithCliCommand() {
		this.contextRunner.run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("Property: pbkdf2-dpapi.keyring.directory")
				.contains("no key ring directory is set");
			assertThat(analysis.getAction()).contains("keyring init --dir")
				.contains("pbkdf2-dpapi.keyring.create-if-missing=true")
				.contains("pbkdf2-dpapi.envelope.protector=none");
		});
	}

	@Test
	void keyRingCreatedIfMissingThenRecordsCarryKeyId(CapturedOutput output) throws Exception {
		Path ring = this.temp.resolve("keyring");
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=keyring", "pbkdf2-dpapi.keyring.directory=" + ring,
					"pbkdf2-dpapi.keyring.create-if-missing=true", "pbkdf2-dpapi.keyring.master-key.source=file",
					"pbkdf2-dpapi.keyring.master-key.file=" + masterKeyFile())
			.run((context) -> {
				PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
				String encoded = encoder.encode("pw");
				assertThat(encoded).containsPattern(",e=kr:[0-9a-f-]+\\$");
				assertThat(encoder.matches("pw", encoded)).isTrue();
				assertThat(context.getBean(SecretProtector.class).scheme()).isEqualTo("kr");
			});
		assertThat(output).contains("CREATED A NEW KEY RING in");
		assertThat(ring).isDirectory();
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void keyRingFilesReadableByOthersThenWarnsWithChmod(CapturedOutput output) throws Exception {
		Path ring = this.temp.resolve("shared-ring");
		java.nio.file.Files.createDirectories(ring);
		MasterKeySource master = MasterKeySources.key(new byte[32], "test master key");
		new KeyRingDirectory(ring, master).init(java.time.Instant.now());
		try (var files = java.nio.file.Files.list(ring)) {
			for (Path file : files.toList()) {
				java.nio.file.Files.setPosixFilePermissions(file,
						java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
			}
		}
		assertThat(EnvelopeProtectors.readableByOthers(ring)).hasSize(1);
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=keyring", "pbkdf2-dpapi.keyring.directory=" + ring,
					"pbkdf2-dpapi.keyring.master-key.source=file",
					"pbkdf2-dpapi.keyring.master-key.file=" + masterKeyFile())
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("can be read by group or others; restrict it with: chmod 600");
	}

	private Path masterKeyFile() throws java.io.IOException {
		Path file = this.temp.resolve("master.key");
		java.nio.file.Files.writeString(file, java.util.Base64.getEncoder().encodeToString(new byte[32]));
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			java.nio.file.Files.setPosixFilePermissions(file,
					java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		}
		return file;
	}

	@Test
	void keyRingDirectoryMissingThenFailsWithInitCommand() {
		Path missing = this.temp.resolve("missing");
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=keyring", "pbkdf2-dpapi.keyring.directory=" + missing)
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Property: pbkdf2-dpapi.keyring.directory")
				.contains("does not exist"))
			.run((context) -> assertThat(analyze(context).getAction()).contains("keyring init --dir " + missing)
				.contains("create-if-missing=true"));
	}

	@Test
	void keyRingMasterKeyMissingThenFailsNamingSource() {
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=keyring",
					"pbkdf2-dpapi.keyring.directory=" + this.temp.resolve("ring"),
					"pbkdf2-dpapi.keyring.create-if-missing=true",
					"pbkdf2-dpapi.keyring.master-key.environment-variable=PBKDF2_DPAPI_TEST_UNSET_VARIABLE")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Property: pbkdf2-dpapi.keyring.master-key.source")
				.contains("PBKDF2_DPAPI_TEST_UNSET_VARIABLE"));
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void dpapiOffWindowsThenFailsNamingKeyRing() {
		this.fastRunner.withPropertyValues("pbkdf2-dpapi.envelope.protector=dpapi")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("Property: pbkdf2-dpapi.envelope.protector")
					.contains("DPAPI cannot be used");
				assertThat(analysis.getAction()).contains("pbkdf2-dpapi.envelope.protector=keyring");
			});
	}

	@Test
	void unprefixedFormatThenBareLegacyHashesVerifyAndUpgrade() {
		// MD5("password") in hex, computed with Python's hashlib.
		String md5 = "5f4dcc3b5aa765d61d8327deb882cf99";
		this.fastRunner.withPropertyValues("pbkdf2-dpapi.migration.unprefixed-format=md5-hex").run((context) -> {
			PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
			assertThat(encoder.matches("password", md5)).isTrue();
			assertThat(encoder.matches("Password", md5)).isFalse();
			assertThat(encoder.upgradeEncoding(md5)).isTrue();
		});
		this.fastRunner.run((context) -> assertThat(context.getBean(PasswordEncoder.class).matches("password", md5))
			.isFalse());
	}

	@Test
	void unprefixedFormatUnknownThenFailsNamingProperty() {
		this.fastRunner.withPropertyValues("pbkdf2-dpapi.migration.unprefixed-format=md4")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Property: pbkdf2-dpapi.migration.unprefixed-format")
				.contains("Unknown pbkdf2-dpapi.migration.unprefixed-format 'md4'"));
	}

	@Test
	void migrationSettingsOutOfRangeThenFailsNamingEachProperty() {
		for (String[] setting : new String[][] { { "max-iterations", "10" }, { "max-bcrypt-cost", "40" },
				{ "salt-hash.iterations", "0" } }) {
			this.fastRunner.withPropertyValues("pbkdf2-dpapi.migration." + setting[0] + "=" + setting[1])
				.run((context) -> assertThat(analyze(context).getDescription())
					.contains("Property: pbkdf2-dpapi.migration." + setting[0] + "\n"));
		}
	}

	@Test
	void propertiesThenAppliedToRecords() {
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.password.algorithm=sha512", "pbkdf2-dpapi.password.salt-length=24",
					"pbkdf2-dpapi.password.normalization=nfc", "pbkdf2-dpapi.password.pepper.current=p1",
					"pbkdf2-dpapi.password.pepper.secrets.p1=" + PEPPER_1)
			.run((context) -> {
				String encoded = context.getBean(PasswordEncoder.class).encode("pw");
				assertThat(encoded).startsWith("{pbkdf2-dpapi}$p2d$v=1$a=sha512,i=1000,s=24,l=64,n=nfc,p=p1,e=none$");
			});
	}

	@Test
	void aesGcmEnvelopeThenRecordsCarryKeyId() {
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=aes-gcm", "pbkdf2-dpapi.envelope.aes-gcm.key-id=k1",
					"pbkdf2-dpapi.envelope.aes-gcm.key=" + PEPPER_1)
			.run((context) -> {
				PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
				String encoded = encoder.encode("pw");
				assertThat(encoded).contains(",e=aes:k1$");
				assertThat(encoder.matches("pw", encoded)).isTrue();
			});
	}

	@Test
	void legacyFormatsThenVerifiedAndUpgraded() {
		this.fastRunner.run((context) -> {
			PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
			assertThat(encoder.matches("pw", "{noop}pw")).isTrue();
			assertThat(encoder.upgradeEncoding("{noop}pw")).isTrue();
		});
	}

	@Test
	void calibrateToThenIterationsChosenAtStartupAndLogged(CapturedOutput output) {
		this.noEnvelopeRunner
			.withPropertyValues("pbkdf2-dpapi.password.calibrate-to=200ms", "pbkdf2-dpapi.password.iterations=100000")
			.run((context) -> {
				String encoded = context.getBean(PasswordEncoder.class).encode("pw");
				int iterations = Integer.parseInt(encoded.replaceAll(".*,i=([0-9]+),.*", "$1"));
				assertThat(iterations).isGreaterThanOrEqualTo(100_000).isEqualTo(iterations / 10_000 * 10_000);
				assertThat(output).contains("pbkdf2-dpapi: calibrated to 200 ms: " + iterations + " iterations of sha256");
			});
	}

	@Test
	void budgetCheckThenTimesOneHashAndWarnsWhenTooFast(CapturedOutput output) {
		this.fastRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("pbkdf2-dpapi: one hash (sha256, 1000 iterations) takes about")
			.contains("below the budget of 100 to 500 ms")
			.contains("1000 iterations of sha256 is below current OWASP guidance");
	}

	@Test
	void budgetCheckDisabledThenNoTiming(CapturedOutput output) {
		this.fastRunner.withPropertyValues("pbkdf2-dpapi.password.budget.check=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("one hash (sha256");
	}

	@Test
	void userPasswordEncoderThenBacksOff() {
		this.contextRunner.withUserConfiguration(TestConfigWithPasswordEncoder.class).run((context) -> {
			assertThat(context).hasSingleBean(PasswordEncoder.class).doesNotHaveBean(SecretProtector.class);
			assertThat(context.getBean(PasswordEncoder.class)).isSameAs(NoOpPasswordEncoder.getInstance());
		});
	}

	@Test
	void userSecretProtectorThenUsedForEnvelope() {
		this.fastRunner.withUserConfiguration(TestConfigWithSecretProtector.class).run((context) -> {
			assertThat(context).hasSingleBean(SecretProtector.class);
			assertThat(context.getBean(PasswordEncoder.class).encode("pw")).contains(",e=aes:mine$");
		});
	}

	@Test
	void springSecurityCryptoMissingThenBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(PasswordEncoder.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PasswordEncoder.class));
	}

	@Test
	void disabledThenBacksOff() {
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.password.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PasswordEncoder.class));
	}

	@Test
	void iterationsBelowFloorThenFailsWithAction() {
		this.noEnvelopeRunner.withPropertyValues("pbkdf2-dpapi.password.iterations=10000").run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("Property: pbkdf2-dpapi.password.iterations")
				.contains("10000 is below the floor of 100000 for sha256");
			assertThat(analysis.getAction()).contains("at least 100000").contains("allow-weak-parameters");
		});
	}

	@Test
	void iterationsBelowFloorWhenWeakAllowedThenStarts() {
		this.fastRunner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void pepperTooShortThenFailsWithoutValue(CapturedOutput output) {
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.password.pepper.current=p1",
					"pbkdf2-dpapi.password.pepper.secrets.p1=c2hvcnQtc2VjcmV0")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("pbkdf2-dpapi.password.pepper.secrets.p1")
					.contains("shorter than 32 bytes")
					.doesNotContain("c2hvcnQtc2VjcmV0");
				assertThat(analysis.getAction()).contains("openssl rand -base64 32");
			});
		assertThat(output).doesNotContain("c2hvcnQtc2VjcmV0").doesNotContain("short-secret");
	}

	@Test
	void pepperCurrentMissingThenFails() {
		this.fastRunner.withPropertyValues("pbkdf2-dpapi.password.pepper.secrets.p1=" + PEPPER_1)
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Property: pbkdf2-dpapi.password.pepper.current")
				.contains("no current pepper id is set"));
	}

	@Test
	void pepperCurrentUnknownThenFails() {
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.password.pepper.current=p2",
					"pbkdf2-dpapi.password.pepper.secrets.p1=" + PEPPER_1)
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Property: pbkdf2-dpapi.password.pepper.current")
				.contains("'p2' is not one of the configured ids [p1]"));
	}

	@Test
	void pepperNotBase64ThenFailsWithoutValue() {
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.password.pepper.current=p1",
					"pbkdf2-dpapi.password.pepper.secrets.p1=not*base64*secret")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("not valid Base64").doesNotContain("secret*");
				assertThat(analysis.getCause().getMessage()).doesNotContain("not*base64");
			});
	}

	@Test
	void aesGcmWithoutKeyThenFails() {
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=aes-gcm", "pbkdf2-dpapi.envelope.aes-gcm.key-id=k1")
			.run((context) -> assertThat(analyze(context).getDescription())
				.contains("Property: pbkdf2-dpapi.envelope.aes-gcm.key"));
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.envelope.protector=aes-gcm", "pbkdf2-dpapi.envelope.aes-gcm.key-id=k1",
					"pbkdf2-dpapi.envelope.aes-gcm.key=" + Base64.getEncoder().encodeToString(new byte[16]))
			.run((context) -> assertThat(analyze(context).getDescription()).contains("AES-256 needs exactly 32"));
	}

	@Test
	void engineWhenDefaultThenJavaWithoutEngineMessages(CapturedOutput output) {
		this.fastRunner.run((context) -> {
			Pbkdf2EngineSelection engine = context.getBean(Pbkdf2DpapiPasswordEncoderSettings.class).getEngine();
			assertThat(engine.requested()).isEqualTo("java");
			assertThat(engine.engine()).isSameAs(Pbkdf2Engine.java());
			assertThat(engine.isFallback()).isFalse();
			assertThat(context.getBean(Pbkdf2DpapiPasswordEncoderSettings.class).getEncoder().getEngine())
				.isSameAs(Pbkdf2Engine.java());
		});
		assertThat(output).doesNotContain("OpenSSL").contains("; engine=java]");
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_21)
	void engineWhenOpenSslOnJava17ThenJavaAndOneWarning(CapturedOutput output) {
		this.fastRunner.withPropertyValues("pbkdf2-dpapi.password.engine=openssl").run((context) -> {
			assertThat(context).hasNotFailed();
			Pbkdf2DpapiPasswordEncoderSettings settings = context.getBean(Pbkdf2DpapiPasswordEncoderSettings.class);
			assertThat(settings.getEngine().requested()).isEqualTo("openssl");
			assertThat(settings.getEncoder().getEngine()).isSameAs(Pbkdf2Engine.java());
			assertThat(settings.getEngine().fallback().cause()).isEqualTo(Pbkdf2EngineSelection.Cause.JAVA_VERSION);
			PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
			assertThat(encoder.matches("pw", encoder.encode("pw"))).isTrue();
		});
		String warning = "WARN .* pbkdf2-dpapi: the OpenSSL PBKDF2 engine is not used, the Java engine is: this JVM "
				+ "runs on Java " + Runtime.version().feature() + "; needs 22\\+.*\\(pbkdf2-dpapi.password.engine=openssl\\)";
		assertThat(output.getOut().lines().filter((line) -> line.matches(".*" + warning + ".*"))).hasSize(1);
	}

	@Test
	void engineWhenLibraryPathWrongThenJavaWithReason(CapturedOutput output) {
		Path missing = this.temp.resolve("no-libcrypto.so");
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.password.engine=openssl", "pbkdf2-dpapi.password.engine-library=" + missing)
			.run((context) -> {
				Pbkdf2EngineSelection engine = context.getBean(Pbkdf2DpapiPasswordEncoderSettings.class).getEngine();
				assertThat(engine.engine()).isSameAs(Pbkdf2Engine.java());
				// Java 17 stops at the version check; Java 22+ (multi-release JAR, native access) at the path.
				assertThat(engine.fallback().cause()).isIn(Pbkdf2EngineSelection.Cause.JAVA_VERSION,
						Pbkdf2EngineSelection.Cause.LIBRARY_NOT_FOUND, Pbkdf2EngineSelection.Cause.NATIVE_ACCESS_DISABLED,
						Pbkdf2EngineSelection.Cause.NOT_IN_BUILD);
				if (engine.fallback().cause() == Pbkdf2EngineSelection.Cause.LIBRARY_NOT_FOUND) {
					assertThat(engine.fallback().message()).contains(missing.toString());
				}
			});
		assertThat(output).contains("WARN").contains("the OpenSSL PBKDF2 engine is not used");
	}

	@Test
	void logsParametersButNoSecrets(CapturedOutput output) {
		this.fastRunner
			.withPropertyValues("pbkdf2-dpapi.password.pepper.current=p1",
					"pbkdf2-dpapi.password.pepper.secrets.p1=" + SECRET_PEPPER)
			.run((context) -> {
				PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
				encoder.matches("typed-password", encoder.encode("typed-password"));
				encoder.matches("typed-password", "{pbkdf2-dpapi}$p2d$v=1$garbage-typed-password");
			});
		assertThat(output).contains("pbkdf2-dpapi: Pbkdf2DpapiPasswordEncoder[a=sha256, i=1000")
			.doesNotContain(SECRET_PEPPER)
			.doesNotContain("typed-password");
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		FailureAnalysis analysis = new InvalidPbkdf2DpapiPropertyFailureAnalyzer(new StandardEnvironment())
			.analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithPasswordEncoder {

		@Bean
		@SuppressWarnings("deprecation")
		PasswordEncoder myPasswordEncoder() {
			return NoOpPasswordEncoder.getInstance();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TestConfigWithSecretProtector {

		@Bean
		SecretProtector mySecretProtector() {
			return SecretProtectors.aesGcm("mine", new byte[32]);
		}

	}

}
