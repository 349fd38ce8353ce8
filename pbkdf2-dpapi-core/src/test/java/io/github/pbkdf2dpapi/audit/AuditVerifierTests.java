package io.github.pbkdf2dpapi.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AuditVerifier}, on an {@link InMemoryAuditStore}.
 */
class AuditVerifierTests {

	static final AuditKeys KEYS = AuditKeys.of("a1", new byte[32]);

	static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

	private final InMemoryAuditStore store = new InMemoryAuditStore(1000);

	@Test
	void verifyWhenUntouchedThenValid() {
		append(5);
		AuditVerification result = AuditVerifier.verify(this.store, KEYS);
		assertThat(result.valid()).isTrue();
		assertThat(result.entries()).isEqualTo(5);
		assertThat(result.summary()).isEqualTo("audit chain valid: 5 entries, sequence 1 to 5");
	}

	@Test
	void verifyWhenEmptyThenValid() {
		assertThat(AuditVerifier.verify(this.store, KEYS).valid()).isTrue();
	}

	@Test
	void verifyWhenEntryEditedThenBrokenAtIt() {
		List<AuditRecord> entries = append(5);
		AuditRecord e = entries.get(2);
		entries.set(2, new AuditRecord(e.sequence(), e.occurredAt(), e.type(), "mallory", e.details(), e.keyId(),
				e.previousMac(), e.mac()));
		this.store.replaceEntries(entries);
		AuditVerification result = AuditVerifier.verify(this.store, KEYS);
		assertThat(result.valid()).isFalse();
		assertThat(result.brokenAt()).isEqualTo(3);
		assertThat(result.problem()).contains("altered");
	}

	@Test
	void verifyWhenEntryDeletedThenBroken() {
		List<AuditRecord> entries = append(5);
		entries.remove(1);
		this.store.replaceEntries(entries);
		AuditVerification result = AuditVerifier.verify(this.store, KEYS);
		assertThat(result.valid()).isFalse();
		assertThat(result.brokenAt()).isEqualTo(2);
		assertThat(result.problem()).contains("missing");
	}

	@Test
	void verifyWhenEntryDeletedAndRenumberedThenBroken() {
		List<AuditRecord> entries = append(5);
		AuditRecord third = entries.remove(2);
		AuditRecord fourth = entries.get(2);
		entries.set(2, new AuditRecord(third.sequence(), fourth.occurredAt(), fourth.type(), fourth.principal(),
				fourth.details(), fourth.keyId(), fourth.previousMac(), fourth.mac()));
		this.store.replaceEntries(entries);
		assertThat(AuditVerifier.verify(this.store, KEYS).valid()).isFalse();
	}

	@Test
	void verifyWhenLastEntriesDeletedThenBroken() {
		List<AuditRecord> entries = append(5);
		this.store.replaceEntries(entries.subList(0, 3));
		AuditVerification result = AuditVerifier.verify(this.store, KEYS);
		assertThat(result.valid()).isFalse();
		assertThat(result.problem()).contains("entries 4 to 5 are missing");
	}

	@Test
	void verifyWhenFirstEntriesDeletedWithoutPurgeThenBroken() {
		List<AuditRecord> entries = append(5);
		this.store.replaceEntries(entries.subList(2, 5));
		AuditVerification result = AuditVerifier.verify(this.store, KEYS);
		assertThat(result.valid()).isFalse();
		assertThat(result.brokenAt()).isEqualTo(1);
	}

	@Test
	void verifyWhenWrongKeyThenBroken() {
		append(2);
		AuditKeys other = AuditKeys.of("a1", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
				18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });
		assertThat(AuditVerifier.verify(this.store, other).problem()).contains("state");
		assertThat(AuditVerifier.verify(this.store, AuditKeys.of("b1", new byte[32])).problem())
			.contains("'a1', which is not configured");
	}

	@Test
	void purgeBeforeThenRestStillVerifies() {
		append(6);
		int removed = this.store.purgeBefore(T0.plus(Duration.ofDays(3)), KEYS);
		assertThat(removed).isEqualTo(3);
		AuditVerification result = AuditVerifier.verify(this.store, KEYS);
		assertThat(result.valid()).isTrue();
		assertThat(result.firstSequence()).isEqualTo(4);
		assertThat(result.entries()).isEqualTo(3);
		this.store.append(new AuditEvent(AuditEvent.AUTHENTICATION_SUCCESS, "alice", Map.of()), T0.plus(Duration.ofDays(9)),
				KEYS);
		assertThat(AuditVerifier.verify(this.store, KEYS).entries()).isEqualTo(4);
	}

	@Test
	void purgeBeforeWhenEverythingOldThenEmptyChainContinues() {
		append(3);
		assertThat(this.store.purgeBefore(T0.plus(Duration.ofDays(30)), KEYS)).isEqualTo(3);
		assertThat(AuditVerifier.verify(this.store, KEYS).valid()).isTrue();
		AuditRecord next = this.store.append(new AuditEvent(AuditEvent.ACCOUNT_LOCKED, "bob", Map.of()),
				T0.plus(Duration.ofDays(31)), KEYS);
		assertThat(next.sequence()).isEqualTo(4);
		assertThat(AuditVerifier.verify(this.store, KEYS).valid()).isTrue();
	}

	@Test
	void keyRotationThenOldEntriesStillVerify() {
		append(2);
		AuditKeys rotated = AuditKeys.of("a2", Map.of("a1", new byte[32], "a2", filled(7)));
		this.store.append(new AuditEvent(AuditEvent.KEY_ROTATED, null, Map.of("key", "a2")), T0.plus(Duration.ofDays(5)),
				rotated);
		assertThat(AuditVerifier.verify(this.store, rotated).valid()).isTrue();
		assertThat(AuditVerifier.verify(this.store, KEYS).valid()).isFalse();
	}

	@Test
	void inMemoryStoreWhenFullThenOldestDroppedAndStillValid() {
		InMemoryAuditStore small = new InMemoryAuditStore(3);
		for (int i = 0; i < 10; i++) {
			small.append(new AuditEvent(AuditEvent.AUTHENTICATION_FAILURE, "u" + i, Map.of()), T0, KEYS);
		}
		AuditVerification result = AuditVerifier.verify(small, KEYS);
		assertThat(result.valid()).isTrue();
		assertThat(result.firstSequence()).isEqualTo(8);
		assertThat(result.lastSequence()).isEqualTo(10);
	}

	@Test
	void toLogLineThenStructuredWithChainAndPseudonyms() {
		AuditRecord entry = this.store.append(new AuditEvent(AuditEvent.AUTHENTICATION_FAILURE, "al\"ice",
				Map.of("reason", "bad credentials", "address", "192.0.2.7")), T0, KEYS);
		String line = entry.toLogLine(KEYS::pseudonym);
		assertThat(line).startsWith("seq=1 at=2025-01-01T00:00:00Z type=AUTHENTICATION_FAILURE principal=\""
				+ KEYS.pseudonym("al\"ice") + "\" details=\"address=" + KEYS.pseudonym("192.0.2.7").replace("~", "%7E")
				+ "&reason=bad+credentials\" key=a1 prev=" + AuditRecord.GENESIS_MAC + " mac=")
			.endsWith(entry.mac())
			.doesNotContain("alice")
			.doesNotContain("192.0.2.7");
		assertThat(KEYS.pseudonym("alice")).matches("~[0-9a-f]{16}").isNotEqualTo(KEYS.pseudonym("bob"));
		assertThat(entry.mac()).hasSize(64).isNotEqualTo(AuditRecord.GENESIS_MAC);
	}

	private List<AuditRecord> append(int n) {
		List<AuditRecord> entries = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			entries.add(this.store.append(new AuditEvent(AuditEvent.AUTHENTICATION_FAILURE, "user" + i,
					Map.of("reason", "bad credentials", "n", Integer.toString(i))), T0.plus(Duration.ofDays(i)), KEYS));
		}
		return entries;
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[32];
		java.util.Arrays.fill(bytes, (byte) value);
		return bytes;
	}

}
