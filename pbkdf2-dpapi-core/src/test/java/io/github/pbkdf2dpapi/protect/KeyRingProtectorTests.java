package io.github.pbkdf2dpapi.protect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KeyRingProtector}.
 */
class KeyRingProtectorTests {

	private static final Instant NOW = KeyRingDirectoryTests.NOW;

	private static final MasterKeySource MASTER = KeyRingDirectoryTests.MASTER;

	private static final byte[] SECRET = "a secret".getBytes(StandardCharsets.UTF_8);

	private static final byte[] AAD = "record header".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path temp;

	private final MutableClock clock = new MutableClock(NOW);

	private Path ringDir() {
		return this.temp.resolve("ring");
	}

	private KeyRingDirectory directory() {
		return new KeyRingDirectory(ringDir(), MASTER);
	}

	private KeyRingProtector open() {
		return KeyRingProtector.open(ringDir(), MASTER, KeyRingOptions.defaults(), this.clock);
	}

	@Test
	void protectThenUnprotectRoundTripsAndCiphertextCarriesKeyId() {
		KeyRingKey key = directory().init(NOW);
		KeyRingProtector protector = open();
		assertThat(protector.scheme()).isEqualTo("kr");
		assertThat(protector.currentEnvelope()).isEqualTo("kr:" + key.id());
		byte[] ciphertext = protector.protect(protector.currentEnvelope(), SECRET, AAD);
		assertThat(AesGcmCiphertext.keyId(ciphertext)).isEqualTo(key.id());
		assertThat(protector.unprotect("kr:" + key.id(), ciphertext, AAD)).isEqualTo(SECRET);
	}

	@Test
	void protectTwiceThenDifferentNonces() {
		directory().init(NOW);
		KeyRingProtector protector = open();
		assertThat(protector.protect("kr", SECRET, AAD)).isNotEqualTo(protector.protect("kr", SECRET, AAD));
	}

	@Test
	void unprotectWhenBareSchemeThenKeyIdReadFromCiphertext() {
		directory().init(NOW);
		KeyRingProtector protector = open();
		byte[] ciphertext = protector.protect("kr", SECRET, AAD);
		assertThat(protector.unprotect("kr", ciphertext, AAD)).isEqualTo(SECRET);
	}

	@Test
	void unprotectWhenEnvelopeNamesAnotherKeyThenMismatch() {
		KeyRingKey first = directory().init(NOW);
		KeyRingKey second = directory().addKey(NOW, Duration.ZERO, null);
		KeyRingProtector protector = open();
		byte[] ciphertext = protector.protect("kr:" + first.id(), SECRET, AAD);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> protector.unprotect("kr:" + second.id(), ciphertext, AAD))
			.withMessage(ProtectorErrors.envelopeKeyMismatch(second.id(), first.id()).getMessage());
	}

	@Test
	void unprotectWhenOtherAssociatedDataThenTampered() {
		directory().init(NOW);
		KeyRingProtector protector = open();
		byte[] ciphertext = protector.protect("kr", SECRET, AAD);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> protector.unprotect("kr", ciphertext, "other".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY));
	}

	@Test
	void unprotectWhenCiphertextTamperedThenTampered() {
		directory().init(NOW);
		KeyRingProtector protector = open();
		byte[] ciphertext = protector.protect("kr", SECRET, AAD);
		ciphertext[ciphertext.length - 1] ^= 1;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("kr", ciphertext, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("a secret"));
	}

	@Test
	void unprotectWhenCiphertextTruncatedThenMalformed() {
		directory().init(NOW);
		KeyRingProtector protector = open();
		byte[] ciphertext = protector.protect("kr", SECRET, AAD);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> protector.unprotect("kr", java.util.Arrays.copyOf(ciphertext, 20), AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED));
	}

	@Test
	void unprotectWhenUnknownKeyIdThenUnknownKeyNamingTheRing() {
		directory().init(NOW);
		KeyRingProtector protector = open();
		byte[] foreign = AesGcmCiphertext.seal("20240101-deadbeef", KeyRingDirectoryTests.key(9), SECRET, AAD);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("kr", foreign, AAD))
			.withMessage(ProtectorErrors.unknownKey("20240101-deadbeef", ringDir()).getMessage());
	}

	@Test
	void unprotectWhenKeyAddedByAnotherNodeThenReloadsAndOpens() {
		directory().init(NOW);
		KeyRingProtector nodeA = open();
		KeyRingProtector nodeB = open();
		KeyRingKey added = directory().addKey(NOW, Duration.ZERO, null);
		// Node B uses the new key before node A's periodic reload.
		byte[] ciphertext = nodeB.protect("kr:" + added.id(), SECRET, AAD);
		assertThat(nodeA.unprotect("kr:" + added.id(), ciphertext, AAD)).isEqualTo(SECRET);
	}

	@Test
	void unprotectWhenUnknownKeysRepeatThenReloadsAtMostOncePerInterval() throws Exception {
		directory().init(NOW);
		KeyRingProtector protector = open();
		byte[] foreign = AesGcmCiphertext.seal("20240101-deadbeef", KeyRingDirectoryTests.key(9), SECRET, AAD);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("kr", foreign, AAD));
		KeyRingKey added = directory().addKey(NOW, Duration.ZERO, null);
		byte[] ciphertext = AesGcmCiphertext.seal(added.id(), directory().load().material(added.id()), SECRET, AAD);
		// Within the interval no reload happens, so the new key is not yet known.
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("kr", ciphertext, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY));
		this.clock.advance(Duration.ofSeconds(KeyRingProtector.UNKNOWN_KEY_RELOAD_SECONDS));
		assertThat(protector.unprotect("kr", ciphertext, AAD)).isEqualTo(SECRET);
	}

	@Test
	void currentEnvelopeWhenReloadIntervalPassesThenSeesRotation() {
		KeyRingKey first = directory().init(NOW);
		KeyRingProtector protector = open();
		KeyRingKey second = directory().addKey(NOW, Duration.ofHours(1), null);
		assertThat(protector.currentEnvelope()).isEqualTo("kr:" + first.id());
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(protector.getKeyRing().find(second.id())).isPresent();
		assertThat(protector.currentEnvelope()).isEqualTo("kr:" + first.id());
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(protector.currentEnvelope()).isEqualTo("kr:" + second.id());
		assertThat(protector.isOutdated("kr:" + first.id())).isTrue();
		assertThat(protector.isOutdated("kr:" + second.id())).isFalse();
	}

	@Test
	void unprotectWhenKeyExpiredThenStillOpens() {
		KeyRingDirectory dir = directory();
		dir.init(NOW.minusSeconds(10));
		KeyRingKey expiring = dir.addKey(NOW, Duration.ZERO, Duration.ofDays(1));
		KeyRingProtector protector = open();
		byte[] ciphertext = protector.protect("kr:" + expiring.id(), SECRET, AAD);
		KeyRingKey next = dir.addKey(NOW, Duration.ZERO, null);
		this.clock.advance(Duration.ofDays(2));
		protector.reload();
		assertThat(protector.getKeyRing().find(expiring.id()).get().isExpired(this.clock.instant())).isTrue();
		assertThat(protector.unprotect("kr", ciphertext, AAD)).isEqualTo(SECRET);
		assertThat(protector.currentEnvelope()).isEqualTo("kr:" + next.id());
	}

	@Test
	void unprotectWhenKeyRevokedThenRevokedAfterReload() {
		KeyRingKey first = directory().init(NOW);
		KeyRingKey second = directory().addKey(NOW, Duration.ZERO, null);
		KeyRingProtector protector = open();
		byte[] ciphertext = protector.protect("kr:" + first.id(), SECRET, AAD);
		directory().revoke(first.id(), NOW);
		protector.reload();
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("kr", ciphertext, AAD))
			.withMessage(ProtectorErrors.revokedKey(first.id()).getMessage());
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> protector.protect("kr:" + first.id(), SECRET, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED_KEY));
		assertThat(protector.currentEnvelope()).isEqualTo("kr:" + second.id());
	}

	@Test
	void protectWhenOtherSchemeThenWrongScheme() {
		directory().init(NOW);
		KeyRingProtector protector = open();
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.protect("dpapi-cu", SECRET, AAD))
			.withMessage(ProtectorErrors.keyRingWrongScheme("dpapi-cu").getMessage());
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.protect("kr:", SECRET, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_SCHEME));
	}

	@Test
	void openWhenDirectoryMissingThenSaysHowToCreate() {
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(this::open)
			.withMessage(ProtectorErrors.keyRingMissing(ringDir()).getMessage())
			.withMessageContaining("pbkdf2-dpapi keyring init --dir");
	}

	@Test
	void openWhenRingEmptyThenSaysHowToCreate() throws Exception {
		Files.createDirectories(ringDir());
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(this::open)
			.withMessage(ProtectorErrors.keyRingEmpty(ringDir()).getMessage());
	}

	@Test
	void openWhenWrongMasterKeyThenNamesFingerprints() {
		directory().init(NOW);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> KeyRingProtector.open(ringDir(), KeyRingDirectoryTests.OTHER_MASTER,
					KeyRingOptions.defaults(), this.clock))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.KEY_STORE))
			.withMessageContaining("has no usable key; 1 key file(s) cannot be used")
			.withMessageContaining("but the configured master key (other master key) is '"
					+ MasterKeySources.fingerprint(KeyRingDirectoryTests.OTHER_MASTER) + "'");
	}

	@Test
	void openWhenAllKeysRevokedThenNoUsableKey() {
		KeyRingKey key = directory().init(NOW);
		directory().revoke(key.id(), NOW);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(this::open)
			.withMessage(ProtectorErrors.keyRingNoUsableKey(ringDir(), 0, null).getMessage());
	}

	@Test
	void openWhenOneKeyFileBrokenThenOthersStillWorkAndBrokenKeyReportsWhy() throws Exception {
		KeyRingKey good = directory().init(NOW);
		KeyRingKey broken = directory().addKey(NOW.minusSeconds(1), Duration.ZERO, null);
		KeyRingProtector protector0 = open();
		byte[] underBroken = protector0.protect("kr:" + broken.id(), SECRET, AAD);
		Path file = KeyFiles.file(ringDir(), broken.id());
		Files.writeString(file, Files.readString(file).substring(0, 40));
		KeyRingProtector protector = open();
		assertThat(protector.currentEnvelope()).isEqualTo("kr:" + good.id());
		assertThat(protector.getKeyRing().problems()).containsOnlyKeys(broken.id());
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("kr", underBroken, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.KEY_STORE))
			.withMessageContaining("is unusable: it is not valid JSON");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void openWhenPlainKeyFileReadableByOthersThenRefusesToStart() throws Exception {
		KeyRingKey key = new KeyRingDirectory(ringDir(), MasterKeySources.plainUnprotected()).init(NOW);
		Path file = KeyFiles.file(ringDir(), key.id());
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> KeyRingProtector.open(ringDir(), MasterKeySources.plainUnprotected(),
					KeyRingOptions.defaults(), this.clock))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INSECURE_PERMISSIONS))
			.withMessageContaining("chmod 600 " + file);
	}

	@Test
	void reloadWhenDirectoryDisappearsThenKeepsLastGoodRing() throws Exception {
		directory().init(NOW);
		KeyRingProtector protector = open();
		byte[] ciphertext = protector.protect("kr", SECRET, AAD);
		Path moved = this.temp.resolve("moved");
		Files.move(ringDir(), moved);
		this.clock.advance(Duration.ofHours(1));
		assertThat(protector.unprotect("kr", ciphertext, AAD)).isEqualTo(SECRET);
	}

	@Test
	void openWhenAutomaticRotationDueThenAddsPendingKey() {
		KeyRingKey first = directory().init(NOW);
		this.clock.advance(Duration.ofDays(89).plusHours(23));
		KeyRingProtector protector = KeyRingProtector.open(ringDir(), MASTER,
				KeyRingOptions.defaults().withAutomaticRotation(Duration.ofDays(90)), this.clock);
		assertThat(protector.getKeyRing().keys()).hasSize(2);
		KeyRingKey added = protector.getKeyRing().keys().get(1);
		assertThat(added.activation()).isEqualTo(this.clock.instant().plus(KeyRingOptions.DEFAULT_ACTIVATION_DELAY));
		assertThat(protector.currentEnvelope()).isEqualTo("kr:" + first.id());
		this.clock.advance(KeyRingOptions.DEFAULT_ACTIVATION_DELAY);
		assertThat(protector.currentEnvelope()).isEqualTo("kr:" + added.id());
		// Not due again: the newest key is fresh.
		this.clock.advance(Duration.ofDays(1));
		assertThat(protector.reload().keys()).hasSize(2);
	}

	@Test
	void openWhenAutomaticRotationOffThenNoKeyAdded() {
		directory().init(NOW);
		this.clock.advance(Duration.ofDays(400));
		assertThat(open().getKeyRing().keys()).hasSize(1);
	}

	@Test
	void upgradeEncodingWhenRingRotatedThenTrueAndOldRecordStillMatches() {
		directory().init(NOW);
		KeyRingProtector protector = open();
		Pbkdf2DpapiPasswordEncoder encoder = Pbkdf2DpapiPasswordEncoder.builder()
			.iterations(1000)
			.allowWeakParameters(true)
			.protector(protector)
			.build();
		String record = encoder.encode("correct horse");
		assertThat(record).contains(",e=kr:");
		assertThat(encoder.upgradeEncoding(record)).isFalse();
		directory().addKey(this.clock.instant(), KeyRingOptions.DEFAULT_ACTIVATION_DELAY, null);
		this.clock.advance(KeyRingOptions.DEFAULT_ACTIVATION_DELAY);
		assertThat(encoder.upgradeEncoding(record)).isTrue();
		assertThat(encoder.matches("correct horse", record)).isTrue();
		String upgraded = encoder.encode("correct horse");
		assertThat(encoder.upgradeEncoding(upgraded)).isFalse();
		assertThat(encoder.matches("correct horse", upgraded)).isTrue();
		assertThat(encoder.matches("wrong horse", upgraded)).isFalse();
	}

	@Test
	void matchesWhenKeyRevokedOrRecordTamperedThenFalseNotException() {
		KeyRingKey first = directory().init(NOW);
		KeyRingProtector protector = open();
		Pbkdf2DpapiPasswordEncoder encoder = Pbkdf2DpapiPasswordEncoder.builder()
			.iterations(1000)
			.allowWeakParameters(true)
			.protector(protector)
			.build();
		String record = encoder.encode("correct horse");
		String tampered = record.substring(0, record.length() - 2) + (record.endsWith("A") ? "BB" : "AA");
		assertThat(encoder.matches("correct horse", tampered)).isFalse();
		String otherKey = record.replace("kr:" + first.id(), "kr:20240101-deadbeef");
		assertThat(encoder.matches("correct horse", otherKey)).isFalse();
		directory().addKey(NOW, Duration.ZERO, null);
		directory().revoke(first.id(), NOW);
		protector.reload();
		assertThat(encoder.matches("correct horse", record)).isFalse();
	}

	@Test
	@org.junit.jupiter.api.condition.EnabledOnOs(OS.WINDOWS)
	void protectWhenKeyMaterialUnderRealDpapiThenRoundTrips() {
		MasterKeySource dpapi = MasterKeySources.dpapi(DpapiScope.CURRENT_USER, null);
		new KeyRingDirectory(ringDir(), dpapi).init(NOW);
		KeyRingProtector protector = KeyRingProtector.open(ringDir(), dpapi, KeyRingOptions.defaults(), this.clock);
		byte[] ciphertext = protector.protect("kr", SECRET, AAD);
		assertThat(protector.unprotect("kr", ciphertext, AAD)).isEqualTo(SECRET);
		assertThat(protector.getKeyRing().keys().get(0).protection()).isEqualTo("dpapi-cu");
	}

	@Test
	void upgradeEncodingWhenEveryKeyRevokedAfterStartThenFalseAndMatchesFalse() {
		KeyRingKey key = directory().init(NOW);
		KeyRingProtector protector = open();
		Pbkdf2DpapiPasswordEncoder encoder = Pbkdf2DpapiPasswordEncoder.builder()
			.iterations(1000)
			.allowWeakParameters(true)
			.protector(protector)
			.build();
		String record = encoder.encode("correct horse");
		directory().revoke(key.id(), NOW);
		protector.reload();
		assertThat(encoder.upgradeEncoding(record)).isFalse();
		assertThat(encoder.matches("correct horse", record)).isFalse();
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(protector::currentEnvelope)
			.withMessage(ProtectorErrors.keyRingNoUsableKey(ringDir(), 0, null).getMessage());
	}

	@Test
	void toStringThenNoKeyMaterial() {
		directory().init(NOW);
		assertThat(open().toString()).contains(ringDir().toString()).doesNotContain("material");
	}

}
