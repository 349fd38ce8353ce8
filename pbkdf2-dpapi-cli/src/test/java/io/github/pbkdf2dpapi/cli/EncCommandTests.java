package io.github.pbkdf2dpapi.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.pbkdf2dpapi.encrypt.EncryptedValue;
import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.KeyRingOptions;
import io.github.pbkdf2dpapi.protect.KeyRingProtector;
import io.github.pbkdf2dpapi.protect.MasterKeySources;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EncCommand}: {@code enc report} and {@code enc rewrap} on files written with
 * {@code protect}, before and after a key ring rotation.
 */
class EncCommandTests {

	private static final Pattern ENC = Pattern.compile("ENC\\([a-z]+:[A-Za-z0-9_-]+\\)");

	private static final Pattern KEY_ID = Pattern.compile("key (20250301-[0-9a-f]{8})");

	private final CliRunner cli = new CliRunner();

	private final List<CliRunner.Result> results = new ArrayList<>();

	private final List<String> secrets = new ArrayList<>();

	@TempDir
	Path temp;

	private String dir;

	private String firstKey;

	@BeforeEach
	void createRing() {
		this.dir = this.temp.resolve("ring").toString();
		this.firstKey = keyId(run("keyring", "init", "--dir", this.dir));
	}

	@AfterEach
	void noSecretOrValueWasPrinted() {
		for (CliRunner.Result result : this.results) {
			for (String secret : this.secrets) {
				assertThat(result.out + result.err).as("output of a command").doesNotContain(secret);
			}
			assertThat(ENC.matcher(result.out + result.err).find()).as(result.toString()).isFalse();
		}
	}

	@Test
	void reportWhenValuesUnderPrimaryKeyThenCurrentWithNamesLinesAndKeys() throws Exception {
		Path yaml = write("application.yml", "spring:\n  datasource:\n    password: " + protect("db-s3cret",
				"spring.datasource.password") + "\napp:\n  api-key: " + protect("api-s3cret", null) + "\n");
		CliRunner.Result report = run("enc", "report", "--dir", this.dir, yaml.toString());
		assertThat(report.code).isZero();
		assertThat(report.out).containsPattern("(?m)^LOCATION +PROPERTY +SCHEME +KEY +BOUND +STATUS$")
			.containsPattern("(?m)^" + Pattern.quote(yaml + ":3") + " +spring\\.datasource\\.password +kr +"
					+ this.firstKey + " +yes +current$")
			.containsPattern("(?m)^" + Pattern.quote(yaml + ":5") + " +app\\.api-key +kr +" + this.firstKey
					+ " +no +current$")
			.contains("2 ENC value(s) in 1 file(s): 2 current, 0 on an old key, 0 cannot be decrypted.");
	}

	@Test
	void rewrapWhenRotatedThenOldKeyValuesReencryptedInPlaceAndStillDecrypt() throws Exception {
		String yamlText = "# Database\nspring:\n  datasource:\n    url: jdbc:h2:mem:x\n    password: "
				+ protect("db-s3cret", "spring.datasource.password") + "   # bound\n\napp:\n  servers:\n"
				+ "    - token: '" + protect("token-s3cret", null) + "'\n";
		String propertiesText = "# comment\r\napp.mail.password : " + protect("mail-s3cret", "app.mail.password")
				+ "\r\napp.list = a,\\\r\n    b\r\napp.name=ÄÖÜ plain\r\n";
		Path yaml = write("application.yml", yamlText);
		Path properties = this.temp.resolve("application-prod.properties");
		Files.write(properties, propertiesText.getBytes(StandardCharsets.ISO_8859_1));
		String secondKey = rotate();

		CliRunner.Result report = run("enc", "report", "--dir", this.dir, yaml.toString(), properties.toString());
		assertThat(report.code).isZero();
		assertThat(report.out).contains("old key (current: " + secondKey + ")")
			.contains("3 ENC value(s) in 2 file(s): 0 current, 3 on an old key, 0 cannot be decrypted.")
			.contains("enc rewrap");

		CliRunner.Result dryRun = run("enc", "rewrap", "--dry-run", "--dir", this.dir, yaml.toString(),
				properties.toString());
		assertThat(dryRun.code).isZero();
		assertThat(dryRun.out).contains("Would re-encrypt 3 value(s) in 2 file(s) (dry run: no file written)");
		assertThat(Files.readString(yaml)).isEqualTo(yamlText);

		CliRunner.Result rewrap = run("enc", "rewrap", "--dir", this.dir, yaml.toString(), properties.toString());
		assertThat(rewrap.code).as(rewrap.toString()).isZero();
		assertThat(rewrap.out)
			.containsPattern("(?m)^" + Pattern.quote(yaml + ":5") + " +spring\\.datasource\\.password +kr +"
					+ this.firstKey + " -> " + secondKey + "$")
			.containsPattern("(?m)^" + Pattern.quote(properties + ":2") + " +app\\.mail\\.password +kr +")
			.contains("Re-encrypted 3 value(s) in 2 file(s); 0 already current; 0 cannot be decrypted (left as is).");

		assertOnlyValuesChanged(yamlText, Files.readString(yaml));
		assertOnlyValuesChanged(propertiesText, Files.readString(properties, StandardCharsets.ISO_8859_1));
		KeyRingProtector protector = applicationProtector();
		assertDecrypts(protector, Files.readString(yaml), 0, "SPRING_DATASOURCE_PASSWORD", "db-s3cret", true);
		assertDecrypts(protector, Files.readString(yaml), 1, "anything", "token-s3cret", false);
		assertDecrypts(protector, Files.readString(properties, StandardCharsets.ISO_8859_1), 0, "app.mail.password",
				"mail-s3cret", true);

		assertThat(run("enc", "report", "--dir", this.dir, yaml.toString(), properties.toString()).out)
			.contains("3 current, 0 on an old key");
		assertThat(run("enc", "rewrap", "--dir", this.dir, yaml.toString()).out)
			.contains("Re-encrypted 0 value(s) in 0 file(s); 2 already current");
	}

	@Test
	void rewrapWhenBoundValueCopiedToAnotherPropertyThenReportedAndLeftWhileOthersMove() throws Exception {
		String copied = protect("db-s3cret", "spring.datasource.password");
		String text = "spring.datasource.password=" + copied + "\nspring.mail.password=" + copied
				+ "\nbroken=ENC(kr:AQ)\n";
		Path file = write("application.properties", text);
		rotate();
		CliRunner.Result report = run("enc", "report", "--dir", this.dir, file.toString());
		assertThat(report.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(report.out).containsPattern("(?m):2 +spring\\.mail\\.password +kr +" + this.firstKey
				+ " +yes +error: tampered or wrong key")
			.containsPattern("(?m):3 +broken +- +- +- +error: malformed")
			.contains("0 current, 1 on an old key, 2 cannot be decrypted.");
		CliRunner.Result rewrap = run("enc", "rewrap", "--dir", this.dir, file.toString());
		assertThat(rewrap.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(rewrap.out)
			.containsPattern("(?m):2 +spring\\.mail\\.password +kr +left as is: tampered or wrong key")
			.contains("Re-encrypted 1 value(s) in 1 file(s); 0 already current; 2 cannot be decrypted (left as is).");
		assertThat(rewrap.err).contains("pbkdf2-dpapi: error: 2 ENC value(s) cannot be decrypted");
		List<String> lines = Files.readAllLines(file);
		assertThat(lines.get(0)).doesNotContain(copied);
		assertThat(lines.subList(1, 3)).containsExactly("spring.mail.password=" + copied, "broken=ENC(kr:AQ)");
	}

	@Test
	void reportWhenNoKeyRingOptionOrAesThenEachValueSaysWhy() throws Exception {
		String aes = EncryptedValues.encrypt(SecretProtectors.aesGcm("k1", new byte[32]), "aes-s3cret", null);
		this.secrets.add("aes-s3cret");
		Path file = write("a.yml", "a: " + protect("kr-s3cret", null) + "\nb: " + aes + "\n");
		CliRunner.Result report = run("enc", "report", file.toString());
		assertThat(report.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(report.out).containsPattern("(?m):1 +a +kr +" + this.firstKey + " +no +error: missing option --dir")
			.containsPattern("(?m):2 +b +aes +k1 +no +error: scheme 'aes'");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void reportWhenDpapiValueOffWindowsThenUnavailableWithScope() throws Exception {
		String dpapi = EncryptedValues.encrypt(new FakeDpapi(), "dpapi-s3cret", "app.secret");
		this.secrets.add("dpapi-s3cret");
		Path file = write("a.properties", "app.secret=" + dpapi + "\n");
		CliRunner.Result report = run("enc", "report", file.toString());
		assertThat(report.code).isEqualTo(Pbkdf2DpapiCli.EXIT_KEY_ERROR);
		assertThat(report.out).containsPattern("(?m):1 +app\\.secret +dpapi +dpapi-lm +yes +error: unavailable");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void rewrapThenFilePermissionsKeptAndNoTemporaryFileLeft() throws Exception {
		Path file = write("application.yml", "a: " + protect("s3cret", "a") + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
		rotate();
		assertThat(run("enc", "rewrap", "--dir", this.dir, file.toString()).code).isZero();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
		try (var files = Files.list(this.temp)) {
			assertThat(files.map((p) -> p.getFileName().toString())).containsExactlyInAnyOrder("ring",
					"application.yml");
		}
	}

	@Test
	void rewrapWhenSymbolicLinkThenTargetRewrittenAndLinkKept() throws Exception {
		Path real = write("real.yml", "a: " + protect("s3cret", null) + "\n");
		Path link = this.temp.resolve("application.yml");
		try {
			Files.createSymbolicLink(link, real);
		}
		catch (UnsupportedOperationException | java.io.IOException ex) {
			return; // No symbolic links here (Windows without the privilege).
		}
		String before = Files.readString(real);
		rotate();
		assertThat(run("enc", "rewrap", "--dir", this.dir, link.toString(), real.toString()).out)
			.contains("Re-encrypted 1 value(s) in 1 file(s)");
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readString(real)).isNotEqualTo(before);
	}

	@Test
	void encWhenNoValuesOrBadFilesThenMessages() throws Exception {
		Path plain = write("plain.properties", "a=b\n");
		assertThat(run("enc", "report", plain.toString()).out).contains("No ENC(...) values in 1 file(s).");
		CliRunner.Result kind = run("enc", "report", write("a.json", "{}").toString());
		assertThat(kind.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(kind.err).contains("not a .properties, .yml or .yaml file");
		CliRunner.Result missing = run("enc", "rewrap", this.temp.resolve("none.yml").toString());
		assertThat(missing.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(missing.err).contains("none.yml: no such file");
		this.secrets.add("plain-s3cret");
		CliRunner.Result yaml = run("enc", "report", write("bad.yml", "a: plain-s3cret\n b: [x\n").toString());
		assertThat(yaml.code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(yaml.err).contains("bad.yml:").contains("not valid YAML").doesNotContain("\tat ");
		assertThat(run("enc", "report").code).isEqualTo(Pbkdf2DpapiCli.EXIT_USAGE);
		assertThat(run("enc").err).contains("missing subcommand: report or rewrap");
	}

	/** Writes dpapi values (a DPAPI blob header and nothing else) where DPAPI is not available. */
	private static final class FakeDpapi implements SecretProtector {

		@Override
		public String scheme() {
			return "dpapi-lm";
		}

		@Override
		public String currentEnvelope() {
			return "dpapi-lm";
		}

		@Override
		public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
			return new byte[] { 0x01, 0x00, 0x00, 0x00, (byte) 0xD0, (byte) 0x8C, (byte) 0x9D, (byte) 0xDF, 0x01, 0x15,
					(byte) 0xD1, 0x11, (byte) 0x8C, 0x7A, 0x00, (byte) 0xC0, 0x4F, (byte) 0xC2, (byte) 0x97,
					(byte) 0xEB, 0x00 };
		}

		@Override
		public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
			throw new UnsupportedOperationException();
		}

	}

	@Test
	void docsWhenEncValueCommandsShownThenCliAcceptsThem() throws Exception {
		List<String> commands = new ArrayList<>();
		for (String doc : List.of("CONFIGURATION.md", "KEYS.md")) {
			String text = Files.readString(Path.of("..", "docs", doc)).replaceAll("\\\\\n\\s*", " ");
			Matcher command = Pattern
				.compile("(?m)(?:^pbkdf2-dpapi|pbkdf2-dpapi-cli-exec\\.jar) +((?:protect|unprotect|enc) .*)$")
				.matcher(text);
			while (command.find()) {
				commands.add(command.group(1).replaceAll("\\s+#.*$", ""));
			}
		}
		assertThat(commands).hasSize(10).anyMatch((c) -> c.contains("--bind-to"))
			.anyMatch((c) -> c.startsWith("enc report"))
			.anyMatch((c) -> c.startsWith("enc rewrap --dry-run"));
		for (String command : commands) {
			// Throws a ParameterException for an unknown option or a missing required one.
			Pbkdf2DpapiCli.commandLine(CliEnvironment.system()).parseArgs(command.strip().split("\\s+"));
		}
	}

	private CliRunner.Result run(String... args) {
		CliRunner.Result result = this.cli.run(args);
		this.results.add(result);
		return result;
	}

	private String protect(String secret, String bindTo) {
		this.secrets.add(secret);
		CliRunner.Result result = (bindTo != null)
				? this.cli.pipe(secret, "protect", "--dir", this.dir, "--bind-to", bindTo)
				: this.cli.pipe(secret, "protect", "--dir", this.dir);
		assertThat(result.code).as(result.toString()).isZero();
		return result.out.strip();
	}

	private String rotate() {
		String id = keyId(run("keyring", "rotate", "--dir", this.dir, "--activate-in", "1h"));
		this.cli.clock = Clock.fixed(CliRunner.NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);
		return id;
	}

	private Path write(String name, String content) throws Exception {
		return Files.writeString(this.temp.resolve(name), content);
	}

	private static String keyId(CliRunner.Result result) {
		assertThat(result.code).as(result.toString()).isZero();
		Matcher m = KEY_ID.matcher(result.out);
		assertThat(m.find()).as(result.toString()).isTrue();
		return m.group(1);
	}

	/** Putting the old values back into the new text gives the old text, byte for byte. */
	private static void assertOnlyValuesChanged(String before, String after) {
		List<String> oldValues = values(before);
		List<String> newValues = values(after);
		assertThat(newValues).hasSameSizeAs(oldValues).doesNotContainAnyElementsOf(oldValues);
		String restored = after;
		for (int i = 0; i < newValues.size(); i++) {
			restored = restored.replace(newValues.get(i), oldValues.get(i));
		}
		assertThat(restored).isEqualTo(before);
	}

	private static List<String> values(String text) {
		List<String> values = new ArrayList<>();
		Matcher m = ENC.matcher(text);
		while (m.find()) {
			values.add(m.group());
		}
		return values;
	}

	private void assertDecrypts(KeyRingProtector protector, String text, int index, String name, String plaintext,
			boolean bound) {
		EncryptedValue value = EncryptedValue.parse(values(text).get(index), EncryptedValues.DEFAULT_PREFIX,
				EncryptedValues.DEFAULT_SUFFIX);
		assertThat(value.isBound()).isEqualTo(bound);
		assertThat(value.envelope()).isEqualTo(protector.currentEnvelope());
		assertThat(EncryptedValues.decrypt(protector, value, name)).isEqualTo(plaintext);
	}

	private KeyRingProtector applicationProtector() {
		Instant now = this.cli.clock.instant();
		return KeyRingProtector.open(Path.of(this.dir),
				MasterKeySources.environmentVariable("PBKDF2_DPAPI_MASTER_KEY", this.cli.environment::get),
				KeyRingOptions.defaults(), Clock.fixed(now, ZoneOffset.UTC));
	}

}
