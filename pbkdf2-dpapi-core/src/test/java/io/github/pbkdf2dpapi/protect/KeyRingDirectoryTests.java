package io.github.pbkdf2dpapi.protect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link KeyRingDirectory} (and the key file format of {@link KeyFiles}).
 */
class KeyRingDirectoryTests {

	static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	static final MasterKeySource MASTER = MasterKeySources.key(key(1), "test master key");

	static final MasterKeySource OTHER_MASTER = MasterKeySources.key(key(2), "other master key");

	@TempDir
	Path temp;

	static byte[] key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return key;
	}

	private Path ringDir() {
		return this.temp.resolve("ring");
	}

	@Test
	void initWhenDirectoryMissingThenCreatesItAndAnActiveKey() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		assertThat(key.activation()).isEqualTo(NOW);
		assertThat(key.isActive(NOW)).isTrue();
		assertThat(key.id()).matches("20250301-[0-9a-f]{8}");
		assertThat(dir.exists()).isTrue();
		KeyRing ring = dir.load();
		assertThat(ring.keys()).containsExactly(key);
		assertThat(ring.problems()).isEmpty();
		assertThat(ring.material(key.id())).hasSize(32);
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void initThenDirectoryAndFilesArePrivate() throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ringDir()))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyFiles.file(ringDir(), key.id()))))
			.isEqualTo("rw-------");
	}

	@Test
	void initWhenRingExistsThenRefuses() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		dir.init(NOW);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> dir.init(NOW))
			.withMessage(ProtectorErrors.keyRingAlreadyExists(ringDir()).getMessage());
	}

	@Test
	void initThenKeyFileIsReadableJsonWithoutRawKey() throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		String json = Files.readString(KeyFiles.file(ringDir(), key.id()));
		assertThat(json).contains("\"format\" : 1", "\"id\" : \"" + key.id() + "\"",
				"\"created\" : \"2025-03-01T10:00:00Z\"", "\"expiration\" : null", "\"revoked\" : null",
				"\"algorithm\" : \"AES-256-GCM\"", "\"protection\" : \"" + MASTER.protection() + "\"", "\"material\"");
		String raw = java.util.Base64.getEncoder().encodeToString(dir.load().material(key.id()));
		assertThat(json).doesNotContain(raw);
	}

	@Test
	void loadWhenDirectoryMissingThenSaysHowToCreate() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		assertThat(dir.exists()).isFalse();
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(dir::load)
			.withMessage(ProtectorErrors.keyRingMissing(ringDir()).getMessage())
			.withMessageContaining("pbkdf2-dpapi keyring init --dir " + ringDir());
	}

	@Test
	void loadWhenEmptyDirectoryThenNoKeysNoProblems() throws Exception {
		Files.createDirectories(ringDir());
		KeyRing ring = new KeyRingDirectory(ringDir(), MASTER).load();
		assertThat(ring.keys()).isEmpty();
		assertThat(ring.problems()).isEmpty();
		assertThat(new KeyRingDirectory(ringDir(), MASTER).exists()).isFalse();
	}

	@Test
	void loadWhenLeftOverTemporaryFileThenIgnored() throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		Files.writeString(ringDir().resolve(".key-" + key.id() + ".json.abc.tmp"), "{\"format\" : 1, \"id");
		Files.writeString(ringDir().resolve("README.txt"), "not a key");
		assertThat(dir.load().problems()).isEmpty();
		assertThat(dir.load().keys()).hasSize(1);
	}

	@Test
	void loadWhenKeyFileTruncatedThenProblemNamesFileAndPosition() throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		Path file = KeyFiles.file(ringDir(), key.id());
		byte[] content = Files.readAllBytes(file);
		Files.write(file, java.util.Arrays.copyOf(content, content.length / 2));
		KeyRing ring = dir.load();
		assertThat(ring.keys()).isEmpty();
		assertThat(ring.problems().get(key.id())).hasMessageContaining("key file " + file + " is unusable: it is not valid JSON at line")
			.hasMessageContaining("cut short or edited by hand");
	}

	@Test
	void loadWhenActivationEditedByHandThenTampered() throws Exception {
		assertEditDetected("\"activation\" : \"2025-03-01T10:00:00Z\"", "\"activation\" : \"2025-06-01T10:00:00Z\"");
	}

	@Test
	void loadWhenExpirationEditedByHandThenTampered() throws Exception {
		assertEditDetected("\"expiration\" : null", "\"expiration\" : \"2099-01-01T00:00:00Z\"");
	}

	@Test
	void loadWhenRevocationRemovedByHandThenTampered() throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		dir.revoke(key.id(), NOW.plusSeconds(5));
		Path file = KeyFiles.file(ringDir(), key.id());
		String json = Files.readString(file);
		Files.writeString(file, json.replaceAll("\"revoked\" : \"[^\"]+\"", "\"revoked\" : null"));
		assertThat(dir.load().problems().get(key.id()))
			.hasMessage(ProtectorErrors.keyFileTampered(key.id(), file).getMessage());
	}

	private void assertEditDetected(String from, String to) throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		Path file = KeyFiles.file(ringDir(), key.id());
		String json = Files.readString(file);
		assertThat(json).contains(from);
		Files.writeString(file, json.replace(from, to));
		ProtectorException problem = dir.load().problems().get(key.id());
		assertThat(problem).hasMessage(ProtectorErrors.keyFileTampered(key.id(), file).getMessage());
		assertThat(problem.getReason()).isEqualTo(Reason.KEY_STORE);
	}

	@Test
	void loadWhenUnknownFieldThenNamed() throws Exception {
		assertFileProblem((json) -> json.replace("\"format\" : 1,", "\"format\" : 1, \"note\" : \"x\","),
				"unknown field 'note'");
	}

	@Test
	void loadWhenFieldMissingThenNamed() throws Exception {
		assertFileProblem((json) -> json.replaceAll("\"expiration\" : null,", ""), "field 'expiration' is missing");
	}

	@Test
	void loadWhenDuplicateFieldThenInvalidJson() throws Exception {
		assertFileProblem((json) -> json.replace("\"format\" : 1,", "\"format\" : 1, \"format\" : 1,"),
				"it is not valid JSON");
	}

	@Test
	void loadWhenIdDoesNotMatchFileNameThenNamed() throws Exception {
		assertFileProblem((json) -> json.replaceAll("\"id\" : \"[^\"]+\"", "\"id\" : \"20250301-00000000\""),
				"its id field does not match its file name");
	}

	@Test
	void loadWhenDateMalformedThenNamed() throws Exception {
		assertFileProblem((json) -> json.replace("2025-03-01T10:00:00Z\",\n  \"activation", "yesterday\",\n  \"activation"),
				"field 'created' is not an ISO-8601 instant");
	}

	@Test
	void loadWhenOtherAlgorithmThenNamed() throws Exception {
		assertFileProblem((json) -> json.replace("AES-256-GCM", "AES-128-CBC"), "algorithm 'AES-128-CBC' is not supported");
	}

	@Test
	void loadWhenMaterialNotBase64ThenNamed() throws Exception {
		assertFileProblem((json) -> json.replaceAll("\"material\" : \"[^\"]+\"", "\"material\" : \"***\""),
				"field 'material' is not Base64");
	}

	@Test
	void loadWhenMaterialCutShortThenNamed() throws Exception {
		assertFileProblem((json) -> json.replaceAll("\"material\" : \"[^\"]+\"", "\"material\" : \"AQIDBA==\""),
				"the protected key material is cut short or malformed");
	}

	@Test
	void loadWhenNotAnObjectThenNamed() throws Exception {
		assertFileProblem((json) -> "[]", "it is not a JSON object");
	}

	private void assertFileProblem(java.util.function.UnaryOperator<String> edit, String detail) throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		Path file = KeyFiles.file(ringDir(), key.id());
		Files.writeString(file, edit.apply(Files.readString(file)));
		KeyRing ring = dir.load();
		assertThat(ring.keys()).isEmpty();
		assertThat(ring.problems().get(key.id())).hasMessageStartingWith("key store (key '" + key.id() + "'): key file "
				+ file + " is unusable: " + detail);
	}

	@Test
	void loadWhenWrongMasterKeyThenBothFingerprintsNamed() {
		KeyRingKey key = new KeyRingDirectory(ringDir(), MASTER).init(NOW);
		ProtectorException problem = new KeyRingDirectory(ringDir(), OTHER_MASTER).load().problems().get(key.id());
		assertThat(problem.getReason()).isEqualTo(Reason.MASTER_KEY);
		assertThat(problem).hasMessage(ProtectorErrors.wrongMasterKey(key.id(), MasterKeySources.fingerprint(MASTER),
				MasterKeySources.fingerprint(OTHER_MASTER), "other master key").getMessage());
	}

	@Test
	void loadWhenFingerprintEditedToMatchThenStillWrongMasterKey() throws Exception {
		KeyRingKey key = new KeyRingDirectory(ringDir(), MASTER).init(NOW);
		Path file = KeyFiles.file(ringDir(), key.id());
		Files.writeString(file, Files.readString(file).replace(MASTER.protection(), OTHER_MASTER.protection()));
		ProtectorException problem = new KeyRingDirectory(ringDir(), OTHER_MASTER).load().problems().get(key.id());
		assertThat(problem.getReason()).isEqualTo(Reason.MASTER_KEY);
	}

	@Test
	void loadWhenKeyFileIsPlainButPlainNotEnabledThenRefused() {
		KeyRingKey key = new KeyRingDirectory(ringDir(), MasterKeySources.plainUnprotected()).init(NOW);
		Path file = KeyFiles.file(ringDir(), key.id());
		assertThat(new KeyRingDirectory(ringDir(), MASTER).load().problems().get(key.id()))
			.hasMessage(ProtectorErrors.plainNotEnabled(key.id(), file).getMessage());
	}

	@Test
	void loadWhenProtectedByDpapiButMasterKeyConfiguredThenMismatch() throws Exception {
		KeyRingKey key = new KeyRingDirectory(ringDir(), MASTER).init(NOW);
		Path file = KeyFiles.file(ringDir(), key.id());
		Files.writeString(file, Files.readString(file).replace(MASTER.protection(), "dpapi-lm"));
		assertThat(new KeyRingDirectory(ringDir(), MASTER).load().problems().get(key.id()))
			.hasMessage(ProtectorErrors.protectionMismatch(key.id(), "dpapi-lm", "test master key").getMessage());
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loadWhenPlainAndPrivateThenLoads() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MasterKeySources.plainUnprotected());
		KeyRingKey key = dir.init(NOW);
		KeyRing ring = dir.load();
		assertThat(ring.problems()).isEmpty();
		assertThat(ring.keys()).containsExactly(key);
		assertThat(key.protection()).isEqualTo("plain");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loadWhenPlainAndGroupReadableThenRefusedWithChmod600() throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MasterKeySources.plainUnprotected());
		KeyRingKey key = dir.init(NOW);
		Path file = KeyFiles.file(ringDir(), key.id());
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
		ProtectorException problem = dir.load().problems().get(key.id());
		assertThat(problem.getReason()).isEqualTo(Reason.INSECURE_PERMISSIONS);
		assertThat(problem).hasMessage(ProtectorErrors.insecurePermissions(file).getMessage())
			.hasMessageContaining("chmod 600 " + file);
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loadWhenPlainAndWorldReadableThenRefused() throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MasterKeySources.plainUnprotected());
		KeyRingKey key = dir.init(NOW);
		Files.setPosixFilePermissions(KeyFiles.file(ringDir(), key.id()), PosixFilePermissions.fromString("rw----r--"));
		assertThat(dir.load().problems().get(key.id()).getReason()).isEqualTo(Reason.INSECURE_PERMISSIONS);
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void loadWhenPlainMaterialEditedThenTampered() throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MasterKeySources.plainUnprotected());
		KeyRingKey key = dir.init(NOW);
		Path file = KeyFiles.file(ringDir(), key.id());
		Files.writeString(file, Files.readString(file).replace("\"expiration\" : null", "\"expiration\" : \"2099-01-01T00:00:00Z\""));
		assertThat(dir.load().problems().get(key.id()))
			.hasMessage(ProtectorErrors.keyFileTampered(key.id(), file).getMessage());
	}

	@Test
	void addKeyThenPendingUntilActivationDelay() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey first = dir.init(NOW);
		KeyRingKey second = dir.addKey(NOW.plusSeconds(60), Duration.ofHours(1), Duration.ofDays(30));
		assertThat(second.activation()).isEqualTo(NOW.plusSeconds(60).plus(Duration.ofHours(1)));
		assertThat(second.expiration()).contains(second.activation().plus(Duration.ofDays(30)));
		KeyRing ring = dir.load();
		assertThat(ring.keys()).containsExactly(first, second);
		assertThat(ring.primary(NOW.plusSeconds(120))).contains(first);
		assertThat(ring.primary(second.activation())).contains(second);
	}

	@Test
	void addKeyWhenDirectoryMissingThenSaysHowToCreate() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> dir.addKey(NOW, Duration.ZERO, null))
			.withMessage(ProtectorErrors.keyRingMissing(ringDir()).getMessage());
	}

	@Test
	void revokeThenKeyIsRevokedAndFileStillLoads() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		KeyRingKey revoked = dir.revoke(key.id(), NOW.plusSeconds(10));
		assertThat(revoked.revocation()).contains(NOW.plusSeconds(10));
		KeyRing ring = dir.load();
		assertThat(ring.problems()).isEmpty();
		assertThat(ring.find(key.id()).get().isRevoked()).isTrue();
		assertThat(ring.primary(NOW.plusSeconds(20))).isEmpty();
		assertThat(dir.revoke(key.id(), NOW.plusSeconds(30)).revocation()).contains(NOW.plusSeconds(10));
	}

	@Test
	void revokeWhenUnknownKeyThenUnknownKey() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		dir.init(NOW);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> dir.revoke("nope", NOW))
			.withMessage(ProtectorErrors.unknownKey("nope", ringDir()).getMessage());
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> dir.revoke("../x", NOW))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY));
	}

	@Test
	void rewrapThenOldMasterKeyNoLongerOpensAndNewDoes() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey first = dir.init(NOW);
		dir.addKey(NOW, Duration.ZERO, null);
		byte[] material = dir.load().material(first.id()).clone();
		List<KeyRingKey> moved = dir.rewrap(OTHER_MASTER);
		assertThat(moved).hasSize(2).allSatisfy((k) -> assertThat(k.protection()).isEqualTo(OTHER_MASTER.protection()));
		KeyRing rewrapped = new KeyRingDirectory(ringDir(), OTHER_MASTER).load();
		assertThat(rewrapped.problems()).isEmpty();
		assertThat(rewrapped.material(first.id())).isEqualTo(material);
		assertThat(dir.load().problems()).hasSize(2);
	}

	@Test
	void rewrapWhenAKeyFileIsBrokenThenRefusesBeforeWriting() throws Exception {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey first = dir.init(NOW);
		KeyRingKey second = dir.addKey(NOW, Duration.ZERO, null);
		Files.writeString(KeyFiles.file(ringDir(), second.id()), "{");
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> dir.rewrap(OTHER_MASTER))
			.withMessageContaining("fix them first");
		assertThat(dir.load().find(first.id())).isPresent();
	}

	@Test
	void addKeyWhenTwoNodesRotateAtOnceThenRingStaysIntact() throws Exception {
		KeyRingKey first = new KeyRingDirectory(ringDir(), MASTER).init(NOW);
		KeyRingDirectory nodeA = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingDirectory nodeB = new KeyRingDirectory(ringDir(), MASTER);
		int perNode = 25;
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean writing = new AtomicBoolean(true);
		List<String> readerFailures = new CopyOnWriteArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<List<KeyRingKey>>> writers = new ArrayList<>();
			for (KeyRingDirectory node : List.of(nodeA, nodeB)) {
				writers.add(pool.submit(() -> {
					start.await();
					List<KeyRingKey> added = new ArrayList<>();
					for (int i = 0; i < perNode; i++) {
						added.add(node.addKey(NOW.plusSeconds(i), Duration.ZERO, null));
						// Both nodes also revoke and rewrite the same key at once.
						node.revoke(first.id(), NOW.plusSeconds(i));
					}
					return added;
				}));
			}
			Future<?> reader = pool.submit(() -> {
				start.await();
				int seen = 0;
				while (writing.get()) {
					KeyRing ring = new KeyRingDirectory(ringDir(), MASTER).load();
					if (!ring.problems().isEmpty()) {
						readerFailures.add(ring.problems().values().iterator().next().getMessage());
					}
					if (ring.keys().size() < seen) {
						readerFailures.add("keys disappeared");
					}
					seen = ring.keys().size();
				}
				return null;
			});
			start.countDown();
			List<KeyRingKey> added = new ArrayList<>();
			for (Future<List<KeyRingKey>> writer : writers) {
				added.addAll(writer.get(60, TimeUnit.SECONDS));
			}
			writing.set(false);
			reader.get(60, TimeUnit.SECONDS);
			KeyRing ring = new KeyRingDirectory(ringDir(), MASTER).load();
			assertThat(readerFailures).isEmpty();
			assertThat(ring.problems()).isEmpty();
			assertThat(ring.keys()).hasSize(1 + 2 * perNode).containsAll(added);
			assertThat(ring.find(first.id()).get().isRevoked()).isTrue();
			try (Stream<Path> files = Files.list(ringDir())) {
				assertThat(files.map((p) -> p.getFileName().toString())).allMatch((n) -> n.matches("key-.*\\.json"));
			}
		}
		finally {
			writing.set(false);
			pool.shutdownNow();
		}
	}

	@Test
	void loadWhenProtectedWithDpapiThenRoundTripsAndDetectsEdits() throws Exception {
		MasterKeySource dpapi = MasterKeySources.dpapi(new DpapiProtector(DpapiScope.LOCAL_MACHINE, null,
				new DpapiProtectorTests.FakeDpapiNative()));
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), dpapi);
		KeyRingKey key = dir.init(NOW);
		assertThat(key.protection()).isEqualTo("dpapi-lm");
		assertThat(dir.load().problems()).isEmpty();
		Path file = KeyFiles.file(ringDir(), key.id());
		Files.writeString(file, Files.readString(file).replace("\"expiration\" : null", "\"expiration\" : \"2099-01-01T00:00:00Z\""));
		ProtectorException problem = dir.load().problems().get(key.id());
		assertThat(problem.getReason()).isEqualTo(Reason.MASTER_KEY);
		assertThat(problem).hasMessageContaining("cannot be unprotected with DPAPI");
	}

	@Test
	void loadWhenDpapiUnavailableThenProblemNamesKeyring() {
		KeyRingKey key = new KeyRingDirectory(ringDir(), MasterKeySources.dpapi(new DpapiProtector(
				DpapiScope.CURRENT_USER, null, new DpapiProtectorTests.FakeDpapiNative()))).init(NOW);
		MasterKeySource unavailable = MasterKeySources.dpapi(new DpapiProtector(DpapiScope.CURRENT_USER, null,
				DpapiNative.unavailable("not Windows")));
		assertThat(new KeyRingDirectory(ringDir(), unavailable).load().problems().get(key.id()))
			.hasMessageContaining("not Windows");
	}

	@Test
	void toStringThenNoMaterial() {
		KeyRingDirectory dir = new KeyRingDirectory(ringDir(), MASTER);
		KeyRingKey key = dir.init(NOW);
		assertThat(dir.load().toString()).contains(key.id()).doesNotContain("material");
		assertThat(key.toString()).contains(key.id());
		assertThat(new String(KeyFiles.associatedData(key), StandardCharsets.UTF_8)).contains("id=" + key.id());
	}

}
