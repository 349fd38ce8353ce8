package io.github.pbkdf2dpapi.protect;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DpapiProtector}. The logic around the native call runs everywhere against
 * {@link FakeDpapiNative}; the real DPAPI tests run on Windows only.
 */
class DpapiProtectorTests {

	private static final byte[] SECRET = "salt-and-hash".getBytes(StandardCharsets.UTF_8);

	private static final byte[] AAD = "$p2d$v=1$a=sha256,e=dpapi-cu$".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ENTROPY = "configured".getBytes(StandardCharsets.UTF_8);

	private final FakeDpapiNative fake = new FakeDpapiNative();

	@Test
	void protectWhenCurrentUserThenUiForbiddenWithoutLocalMachine() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, ENTROPY, this.fake);
		protector.protect("dpapi-cu", SECRET, AAD);
		assertThat(this.fake.lastFlags).isEqualTo(DpapiNative.CRYPTPROTECT_UI_FORBIDDEN);
	}

	@Test
	void protectWhenLocalMachineThenUiForbiddenAndLocalMachine() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.LOCAL_MACHINE, null, this.fake);
		protector.protect("dpapi-lm", SECRET, AAD);
		assertThat(this.fake.lastFlags)
			.isEqualTo(DpapiNative.CRYPTPROTECT_UI_FORBIDDEN | DpapiNative.CRYPTPROTECT_LOCAL_MACHINE);
	}

	@Test
	void protectThenEntropyIsLabelConfiguredEntropyAndAssociatedDataLengthPrefixed() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, ENTROPY, this.fake);
		protector.protect("dpapi-cu", SECRET, new byte[] { 'a', 'b' });
		byte[] label = "pbkdf2-dpapi/dpapi-entropy/v1".getBytes(StandardCharsets.US_ASCII);
		byte[] expected = concat(label, new byte[] { 0, 0, 0, 10 }, ENTROPY, new byte[] { 0, 0, 0, 2, 'a', 'b' });
		assertThat(this.fake.lastEntropy).isEqualTo(expected);
	}

	@Test
	void entropyWhenBoundaryBetweenEntropyAndAssociatedDataMovesThenDiffers() {
		byte[] one = DpapiProtector.entropy("ab".getBytes(StandardCharsets.US_ASCII), "c".getBytes(StandardCharsets.US_ASCII));
		byte[] two = DpapiProtector.entropy("a".getBytes(StandardCharsets.US_ASCII), "bc".getBytes(StandardCharsets.US_ASCII));
		assertThat(one).isNotEqualTo(two);
	}

	@Test
	void entropyWhenNothingConfiguredThenStillLabelled() {
		assertThat(DpapiProtector.entropy(new byte[0], null)).isNotEmpty();
	}

	@Test
	void unprotectWhenSameEntropyAndAssociatedDataThenRoundTrips() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, ENTROPY, this.fake);
		byte[] blob = protector.protect("dpapi-cu", SECRET, AAD);
		assertThat(DpapiProtector.isDpapiBlob(blob)).isTrue();
		assertThat(protector.unprotect("dpapi-cu", blob, AAD)).isEqualTo(SECRET);
		assertThat(protector.unprotect("dpapi", blob, AAD)).isEqualTo(SECRET);
		assertThat(this.fake.lastFlags).isEqualTo(DpapiNative.CRYPTPROTECT_UI_FORBIDDEN);
	}

	@Test
	void unprotectWhenOtherAssociatedDataThenTamperedMessage() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, ENTROPY, this.fake);
		byte[] blob = protector.protect("dpapi-cu", SECRET, AAD);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> protector.unprotect("dpapi-cu", blob, "other record".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY))
			.withMessage(ProtectorErrors.dpapiFailed("dpapi-cu", ProtectorErrors.ERROR_INVALID_DATA, false).getMessage());
	}

	@Test
	void unprotectWhenOtherConfiguredEntropyThenTampered() {
		byte[] blob = new DpapiProtector(DpapiScope.CURRENT_USER, ENTROPY, this.fake).protect("dpapi-cu", SECRET, AAD);
		DpapiProtector other = new DpapiProtector(DpapiScope.CURRENT_USER, null, this.fake);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> other.unprotect("dpapi-cu", blob, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY));
	}

	@Test
	void unprotectWhenWrongUserOrMachineThenMessageNamesTheBinding() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, null, this.fake);
		byte[] blob = protector.protect("dpapi-cu", SECRET, AAD);
		this.fake.failWith = ProtectorErrors.NTE_BAD_KEY_STATE;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("dpapi-cu", blob, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY))
			.withMessageContaining("another Windows user or on another machine");
	}

	@Test
	void unprotectWhenCorruptBlobThenMalformed() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, null, this.fake);
		byte[] blob = protector.protect("dpapi-cu", SECRET, AAD);
		this.fake.failWith = ProtectorErrors.NTE_BAD_DATA;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("dpapi-cu", blob, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED));
	}

	@Test
	void unprotectWhenProfileNotLoadedThenUnavailableWithServiceAccountHint() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, null, this.fake);
		byte[] blob = protector.protect("dpapi-cu", SECRET, AAD);
		this.fake.failWith = ProtectorErrors.ERROR_FILE_NOT_FOUND;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("dpapi-cu", blob, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNAVAILABLE))
			.withMessageContaining("service account");
	}

	@Test
	void unprotectWhenUnknownWindowsErrorThenCodeInMessageAndNoData() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, null, this.fake);
		byte[] blob = protector.protect("dpapi-cu", SECRET, AAD);
		this.fake.failWith = 0x1234;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("dpapi-cu", blob, AAD))
			.withMessageContaining("0x00001234")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("salt-and-hash"));
	}

	@Test
	void protectWhenWindowsFailsThenUnavailable() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, null, this.fake);
		this.fake.failWith = 0x1234;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.protect("dpapi-cu", SECRET, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNAVAILABLE));
	}

	@Test
	void unprotectWhenNotADpapiBlobThenMalformedWithoutNativeCall() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, null, this.fake);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> protector.unprotect("dpapi-cu", "garbage that is long enough".getBytes(StandardCharsets.UTF_8), AAD))
			.withMessage(ProtectorErrors.dpapiNotABlob("dpapi-cu").getMessage());
		assertThat(this.fake.calls).isZero();
	}

	@Test
	void isDpapiBlobWhenTruncatedHeaderThenFalse() {
		byte[] blob = new DpapiProtector(DpapiScope.CURRENT_USER, null, this.fake).protect("dpapi-cu", SECRET, AAD);
		assertThat(DpapiProtector.isDpapiBlob(Arrays.copyOf(blob, 20))).isFalse();
		assertThat(DpapiProtector.isDpapiBlob(null)).isFalse();
		blob[4] ^= 1;
		assertThat(DpapiProtector.isDpapiBlob(blob)).isFalse();
	}

	@Test
	void isDpapiBlobWhenRealBlobHeaderThenTrue() {
		// The start of a real blob, as printed by ProtectedData.Protect in Base64.
		byte[] real = java.util.Base64.getDecoder().decode("AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA");
		assertThat(DpapiProtector.isDpapiBlob(real)).isTrue();
	}

	@Test
	void protectWhenOtherScopeTagThenWrongScheme() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, null, this.fake);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.protect("dpapi-lm", SECRET, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_SCHEME));
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("kr:k1", SECRET, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_SCHEME));
	}

	@Test
	void isOutdatedWhenOtherScopeThenTrue() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.LOCAL_MACHINE, null, this.fake);
		assertThat(protector.scheme()).isEqualTo("dpapi-lm");
		assertThat(protector.currentEnvelope()).isEqualTo("dpapi-lm");
		assertThat(protector.isOutdated("dpapi-lm")).isFalse();
		assertThat(protector.isOutdated("dpapi-cu")).isTrue();
	}

	@Test
	void protectWhenUnavailableThenMessageNamesKeyring() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, null,
				DpapiNative.unavailable("DPAPI is a Windows API and this is Linux"));
		assertThat(protector.isAvailable()).isFalse();
		assertThat(protector.unavailableMessage()).contains("keyring");
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.protect("dpapi-cu", SECRET, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNAVAILABLE))
			.withMessageContaining("pbkdf2-dpapi.envelope.protector=keyring");
	}

	@Test
	void protectWhenNativeLinkageFailsThenUnavailable() {
		DpapiNative broken = new FakeDpapiNative() {
			@Override
			public byte[] protect(byte[] data, byte[] entropy, int flags) {
				throw new UnsatisfiedLinkError("jnidispatch");
			}
		};
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, null, broken);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.protect("dpapi-cu", SECRET, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNAVAILABLE));
	}

	@Test
	void toStringWhenEntropySetThenDoesNotShowIt() {
		DpapiProtector protector = new DpapiProtector(DpapiScope.CURRENT_USER, ENTROPY, this.fake);
		assertThat(protector.toString()).doesNotContain("configured").contains("entropy=set");
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void createWhenNotWindowsThenUnavailable() {
		DpapiProtector protector = DpapiProtector.create(DpapiScope.CURRENT_USER, null);
		assertThat(protector.isAvailable()).isFalse();
		assertThat(DpapiProtector.isSupported()).isFalse();
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.protect("dpapi-cu", SECRET, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNAVAILABLE));
	}

	@Test
	void createWhenJnaAbsentThenLoadsAndIsUnavailable() throws Exception {
		URL classes = DpapiProtector.class.getProtectionDomain().getCodeSource().getLocation();
		try (URLClassLoader withoutJna = new URLClassLoader(new URL[] { classes }, ClassLoader.getPlatformClassLoader())) {
			Class<?> scope = Class.forName(DpapiScope.class.getName(), true, withoutJna);
			Class<?> type = Class.forName(DpapiProtector.class.getName(), true, withoutJna);
			Object currentUser = scope.getEnumConstants()[0];
			Object protector = type.getMethod("create", scope, byte[].class).invoke(null, currentUser, null);
			assertThat(type.getMethod("isAvailable").invoke(protector)).isEqualTo(false);
			assertThat((String) type.getMethod("unavailableMessage").invoke(protector)).contains("keyring");
		}
	}

	@Test
	@EnabledOnOs(OS.WINDOWS)
	void protectWhenWindowsCurrentUserThenRealRoundTrip() {
		DpapiProtector protector = DpapiProtector.create(DpapiScope.CURRENT_USER, ENTROPY);
		assertThat(protector.isAvailable()).isTrue();
		byte[] blob = protector.protect("dpapi-cu", SECRET, AAD);
		assertThat(DpapiProtector.isDpapiBlob(blob)).isTrue();
		assertThat(protector.unprotect("dpapi-cu", blob, AAD)).isEqualTo(SECRET);
	}

	@Test
	@EnabledOnOs(OS.WINDOWS)
	void unprotectWhenWindowsOtherScopeProtectorThenBlobStillOpens() {
		byte[] blob = DpapiProtector.create(DpapiScope.LOCAL_MACHINE, ENTROPY).protect("dpapi-lm", SECRET, AAD);
		DpapiProtector currentUser = DpapiProtector.create(DpapiScope.CURRENT_USER, ENTROPY);
		assertThat(currentUser.unprotect("dpapi-lm", blob, AAD)).isEqualTo(SECRET);
		assertThat(currentUser.isOutdated("dpapi-lm")).isTrue();
	}

	@Test
	@EnabledOnOs(OS.WINDOWS)
	void unprotectWhenWindowsWrongEntropyThenTampered() {
		byte[] blob = DpapiProtector.create(DpapiScope.CURRENT_USER, ENTROPY).protect("dpapi-cu", SECRET, AAD);
		DpapiProtector other = DpapiProtector.create(DpapiScope.CURRENT_USER, "other".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> other.unprotect("dpapi-cu", blob, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY));
	}

	@Test
	@EnabledOnOs(OS.WINDOWS)
	void unprotectWhenWindowsOtherAssociatedDataThenTampered() {
		DpapiProtector protector = DpapiProtector.create(DpapiScope.LOCAL_MACHINE, null);
		byte[] blob = protector.protect("dpapi-lm", SECRET, AAD);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> protector.unprotect("dpapi-lm", blob, "moved".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY));
	}

	@Test
	@EnabledOnOs(OS.WINDOWS)
	void unprotectWhenWindowsBlobCorruptedThenProtectorException() {
		DpapiProtector protector = DpapiProtector.create(DpapiScope.CURRENT_USER, null);
		byte[] blob = protector.protect("dpapi-cu", SECRET, AAD);
		blob[blob.length - 5] ^= 0x55;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> protector.unprotect("dpapi-cu", blob, AAD));
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] out = new byte[length];
		int offset = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, out, offset, part.length);
			offset += part.length;
		}
		return out;
	}

	/**
	 * A DPAPI stand-in: the "blob" is the DPAPI header, the entropy length, the entropy and the
	 * data, so that a wrong entropy is detected like real DPAPI does (ERROR_INVALID_DATA).
	 */
	static class FakeDpapiNative implements DpapiNative {

		static final byte[] HEADER = java.util.Base64.getDecoder().decode("AQAAANCMnd8BFdERjHoAwE/Cl+s=");

		int lastFlags;

		byte[] lastEntropy;

		int calls;

		Integer failWith;

		@Override
		public String unavailableReason() {
			return null;
		}

		@Override
		public byte[] protect(byte[] data, byte[] entropy, int flags) throws Failure {
			record(entropy, flags);
			byte[] out = concat(HEADER, new byte[] { (byte) (entropy.length >>> 8), (byte) entropy.length }, entropy, data);
			return out;
		}

		@Override
		public byte[] unprotect(byte[] blob, byte[] entropy, int flags) throws Failure {
			record(entropy, flags);
			int n = ((blob[20] & 0xff) << 8) | (blob[21] & 0xff);
			byte[] stored = Arrays.copyOfRange(blob, 22, 22 + n);
			if (!Arrays.equals(stored, entropy)) {
				throw new Failure(ProtectorErrors.ERROR_INVALID_DATA);
			}
			return Arrays.copyOfRange(blob, 22 + n, blob.length);
		}

		private void record(byte[] entropy, int flags) throws Failure {
			this.calls++;
			this.lastEntropy = entropy.clone();
			this.lastFlags = flags;
			if (this.failWith != null) {
				throw new Failure(this.failWith);
			}
		}

	}

}
