package io.github.pbkdf2dpapi.protect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AesGcmSecretProtector} and {@link AesGcmCiphertext}.
 */
class AesGcmSecretProtectorTests {

	private static final byte[] KEY = key(7);

	private static final byte[] AAD = "header".getBytes(StandardCharsets.US_ASCII);

	private final AesGcmSecretProtector protector = new AesGcmSecretProtector("k1", KEY);

	@Test
	void protectThenUnprotectRoundTrips() {
		byte[] secret = "salt-and-hash".getBytes(StandardCharsets.UTF_8);
		byte[] ct = this.protector.protect("aes:k1", secret, AAD);
		assertThat(ct).hasSize(2 + 2 + 12 + secret.length + 16);
		assertThat(AesGcmCiphertext.keyId(ct)).isEqualTo("k1");
		assertThat(this.protector.unprotect("aes:k1", ct, AAD)).isEqualTo(secret);
		assertThat(this.protector.unprotect("aes", ct, AAD)).isEqualTo(secret);
	}

	@Test
	void protectUsesFreshNonce() {
		byte[] secret = new byte[8];
		assertThat(this.protector.protect("aes:k1", secret, AAD)).isNotEqualTo(this.protector.protect("aes:k1", secret, AAD));
	}

	@Test
	void unprotectWhenAssociatedDataDiffersThenTampered() {
		byte[] ct = this.protector.protect("aes:k1", new byte[8], AAD);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> this.protector.unprotect("aes:k1", ct, "other".getBytes(StandardCharsets.US_ASCII)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY))
			.withMessageStartingWith("tampered or wrong key (key 'k1')");
	}

	@Test
	void unprotectWhenByteFlippedThenTampered() {
		byte[] ct = this.protector.protect("aes:k1", new byte[8], AAD);
		for (int i = 4; i < ct.length; i++) {
			byte[] copy = ct.clone();
			copy[i] ^= 0x01;
			assertThatExceptionOfType(ProtectorException.class)
				.isThrownBy(() -> this.protector.unprotect("aes:k1", copy, AAD))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY));
		}
	}

	@Test
	void unprotectWhenWrongKeyThenTampered() {
		byte[] ct = this.protector.protect("aes:k1", new byte[8], AAD);
		AesGcmSecretProtector other = new AesGcmSecretProtector("k1", key(8));
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> other.unprotect("aes:k1", ct, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY));
	}

	@Test
	void unprotectWhenOtherKeyIdThenUnknownKey() {
		byte[] ct = new AesGcmSecretProtector("k2", KEY).protect("aes:k2", new byte[8], AAD);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> this.protector.unprotect("aes", ct, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY))
			.withMessageContaining("'k2'");
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> this.protector.unprotect("aes:k2", ct, AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY));
	}

	@Test
	void unprotectWhenTruncatedThenMalformed() {
		byte[] ct = this.protector.protect("aes:k1", new byte[8], AAD);
		for (int length : new int[] { 0, 1, 3, 10, 2 + 2 + 12 + 15 }) {
			byte[] cut = Arrays.copyOf(ct, length);
			assertThatExceptionOfType(ProtectorException.class)
				.isThrownBy(() -> this.protector.unprotect("aes:k1", cut, AAD))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED));
		}
	}

	@Test
	void unprotectWhenUnknownVersionThenMalformed() {
		byte[] ct = this.protector.protect("aes:k1", new byte[8], AAD);
		ct[0] = 0x02;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> this.protector.unprotect("aes:k1", ct, AAD))
			.withMessageContaining("unknown ciphertext version 2");
	}

	@Test
	void unprotectWhenOtherSchemeThenWrongScheme() {
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> this.protector.unprotect("kr:k1", new byte[40], AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_SCHEME));
	}

	@Test
	void constructorWhenKeyNot32BytesThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmSecretProtector("k1", new byte[16]))
			.withMessage("'key' must be 32 bytes (AES-256)");
		assertThatIllegalArgumentException().isThrownBy(() -> new AesGcmSecretProtector("bad id", KEY));
	}

	@Test
	void toStringShowsKeyIdOnly() {
		assertThat(this.protector).hasToString("AesGcmSecretProtector[keyId=k1]");
	}

	@Test
	void noneWhenOtherEnvelopeThenWrongScheme() {
		SecretProtector none = SecretProtectors.none();
		assertThat(none.unprotect("none", new byte[] { 1, 2 }, AAD)).containsExactly(1, 2);
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> none.unprotect("aes:k1", new byte[1], AAD))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_SCHEME));
	}

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) seed);
		return key;
	}

}
