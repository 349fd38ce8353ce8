package io.github.pbkdf2dpapi.encrypt;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.ProtectorException.Reason;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EncryptedValues}.
 */
class EncryptedValuesTests {

	private static final String PREFIX = EncryptedValues.DEFAULT_PREFIX;

	private static final String SUFFIX = EncryptedValues.DEFAULT_SUFFIX;

	private final SecretProtector k1 = SecretProtectors.aesGcm("k1", key(1));

	@Test
	void encryptThenDecryptRoundTrips() {
		String value = EncryptedValues.encrypt(this.k1, "s3cret-ü", null);
		assertThat(value).startsWith("ENC(aes:").endsWith(")").doesNotContain("s3cret");
		EncryptedValue parsed = EncryptedValue.parse(value, PREFIX, SUFFIX);
		assertThat(parsed.scheme()).isEqualTo("aes");
		assertThat(parsed.envelope()).isEqualTo("aes:k1");
		assertThat(parsed.keyId()).isEqualTo("k1");
		assertThat(parsed.isBound()).isFalse();
		assertThat(parsed.version()).isEqualTo(1);
		assertThat(EncryptedValues.decrypt(this.k1, parsed, "any.name")).isEqualTo("s3cret-ü");
		assertThat(EncryptedValues.decrypt(this.k1, parsed, null)).isEqualTo("s3cret-ü");
	}

	@Test
	void encryptTwiceThenDiffers() {
		assertThat(EncryptedValues.encrypt(this.k1, "x", null)).isNotEqualTo(EncryptedValues.encrypt(this.k1, "x", null));
	}

	@Test
	void encryptWhenCustomAffixesThenUsesThem() {
		String value = EncryptedValues.encrypt(this.k1, "x", null, "{cipher}", "");
		assertThat(value).startsWith("{cipher}aes:");
		assertThat(EncryptedValues.decrypt(this.k1, EncryptedValue.parse(value, "{cipher}", ""), null)).isEqualTo("x");
	}

	@Test
	void decryptWhenBoundThenOnlyUnderEquivalentNames() {
		String value = EncryptedValues.encrypt(this.k1, "pw", "spring.datasource.password");
		EncryptedValue parsed = EncryptedValue.parse(value, PREFIX, SUFFIX);
		assertThat(parsed.isBound()).isTrue();
		assertThat(EncryptedValues.decrypt(this.k1, parsed, "spring.datasource.password")).isEqualTo("pw");
		assertThat(EncryptedValues.decrypt(this.k1, parsed, "SPRING_DATASOURCE_PASSWORD")).isEqualTo("pw");
		assertThat(EncryptedValues.decrypt(this.k1, parsed, "spring.dataSource.password")).isEqualTo("pw");
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> EncryptedValues.decrypt(this.k1, parsed, "app.api-key"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY));
	}

	@Test
	void decryptWhenBoundAndNoNameThenMalformed() {
		EncryptedValue parsed = EncryptedValue.parse(EncryptedValues.encrypt(this.k1, "pw", "a.b"), PREFIX, SUFFIX);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> EncryptedValues.decrypt(this.k1, parsed, null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED))
			.withMessageContaining("bound to a property name");
	}

	@Test
	void decryptWhenWrongKeyThenTampered() {
		String value = EncryptedValues.encrypt(this.k1, "pw", null);
		SecretProtector other = SecretProtectors.aesGcm("k1", key(2));
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> EncryptedValues.decrypt(other, EncryptedValue.parse(value, PREFIX, SUFFIX), null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY))
			.withMessageNotContaining("pw");
	}

	@Test
	void decryptWhenUnknownKeyIdThenUnknownKey() {
		String value = EncryptedValues.encrypt(SecretProtectors.aesGcm("k9", key(1)), "pw", null);
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> EncryptedValues.decrypt(this.k1, EncryptedValue.parse(value, PREFIX, SUFFIX), null))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY))
			.satisfies((ex) -> assertThat(ex.getKeyId()).isEqualTo("k9"));
	}

	@Test
	void decryptWhenHeaderEditedThenFails() {
		byte[] payload = payload(EncryptedValues.encrypt(this.k1, "pw", "a.b"));
		// Clearing the bound flag must not turn a bound value into one readable anywhere.
		byte[] unbound = payload.clone();
		unbound[1] = 0;
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> EncryptedValues.decrypt(this.k1, parse(unbound), "a.b"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TAMPERED_OR_WRONG_KEY));
		for (int i = 3; i < payload.length; i++) {
			byte[] copy = payload.clone();
			copy[i] ^= 0x01;
			assertThatExceptionOfType(ProtectorException.class)
				.isThrownBy(() -> EncryptedValues.decrypt(this.k1, parse(copy), "a.b"));
		}
	}

	@Test
	void parseWhenNewerVersionThenMalformedNamingVersion() {
		byte[] payload = payload(EncryptedValues.encrypt(this.k1, "pw", null));
		payload[0] = 2;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> parse(payload))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED))
			.withMessageContaining("unknown payload version 2");
	}

	@Test
	void parseWhenUnknownFlagThenMalformed() {
		byte[] payload = payload(EncryptedValues.encrypt(this.k1, "pw", null));
		payload[1] = 4;
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> parse(payload))
			.withMessageContaining("unknown flags");
	}

	@Test
	void parseWhenTruncatedThenMalformed() {
		byte[] payload = payload(EncryptedValues.encrypt(this.k1, "pw", null));
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> parse(Arrays.copyOf(payload, 9)))
			.withMessageContaining("truncated");
		assertThatExceptionOfType(ProtectorException.class).isThrownBy(() -> parse(new byte[2]))
			.withMessageContaining("too short");
	}

	@Test
	void parseWhenNotBase64ThenMalformedWithoutData() {
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> EncryptedValue.parse("ENC(aes:s3cr*t)", PREFIX, SUFFIX))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED))
			.withMessageContaining("not valid Base64")
			.withMessageNotContaining("s3cr");
	}

	@Test
	void parseWhenNoSchemeThenMalformed() {
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> EncryptedValue.parse("ENC(abcdef)", PREFIX, SUFFIX))
			.withMessageContaining("scheme");
		assertThatExceptionOfType(ProtectorException.class)
			.isThrownBy(() -> EncryptedValue.parse("ENC(AES:abcdef)", PREFIX, SUFFIX))
			.withMessageContaining("scheme");
	}

	@Test
	void parseWhenStandardBase64WithPaddingAndSurroundingWhitespaceThenAccepted() {
		String value = EncryptedValues.encrypt(this.k1, "pw", null);
		byte[] payload = payload(value);
		String standard = "  ENC(aes:" + Base64.getEncoder().encodeToString(payload) + ")\n";
		assertThat(EncryptedValues.decrypt(this.k1, EncryptedValue.parse(standard, PREFIX, SUFFIX), null))
			.isEqualTo("pw");
	}

	@Test
	void isEncryptedWhenOnlyPartlyLikeEncThenFalse() {
		assertThat(EncryptedValues.isEncrypted("ENC(aes:abc)")).isTrue();
		assertThat(EncryptedValues.isEncrypted(" ENC(x) \n")).isTrue();
		assertThat(EncryptedValues.isEncrypted("ENC(abc")).isFalse();
		assertThat(EncryptedValues.isEncrypted("xENC(abc)")).isFalse();
		assertThat(EncryptedValues.isEncrypted("ENC(abc)x")).isFalse();
		assertThat(EncryptedValues.isEncrypted("ENC()")).isFalse();
		assertThat(EncryptedValues.isEncrypted("enc(abc)")).isFalse();
		assertThat(EncryptedValues.isEncrypted(null)).isFalse();
		assertThat(EncryptedValues.isEncrypted("")).isFalse();
	}

	@Test
	void canonicalNameWhenEquivalentFormsThenSame() {
		assertThat(EncryptedValues.canonicalName("spring.datasource.password")).isEqualTo("spring.datasource.password");
		assertThat(EncryptedValues.canonicalName("SPRING_DATASOURCE_PASSWORD")).isEqualTo("spring.datasource.password");
		assertThat(EncryptedValues.canonicalName("spring.dataSource.password")).isEqualTo("spring.datasource.password");
		assertThat(EncryptedValues.canonicalName("my-app.api-key")).isEqualTo("myapp.apikey");
		assertThat(EncryptedValues.canonicalName("MYAPP_APIKEY")).isEqualTo("myapp.apikey");
		assertThat(EncryptedValues.canonicalName("my.list[0].url")).isEqualTo("my.list[0].url");
		assertThat(EncryptedValues.canonicalName("MY_LIST_0_URL")).isEqualTo("my.list[0].url");
		assertThat(EncryptedValues.canonicalName("map[Key.A]")).isEqualTo("map[Key.A]");
		assertThatIllegalArgumentException().isThrownBy(() -> EncryptedValues.canonicalName("..."));
	}

	@Test
	void encryptWhenSchemeHasScopeThenWrittenWithoutIt() {
		SecretProtector scoped = new SecretProtector() {

			@Override
			public String scheme() {
				return "dpapi-cu";
			}

			@Override
			public String currentEnvelope() {
				return "dpapi-cu";
			}

			@Override
			public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
				return EncryptedValuesTests.this.k1.protect("aes:k1", plaintext, associatedData);
			}

			@Override
			public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
				assertThat(envelope).isEqualTo("dpapi-cu");
				return EncryptedValuesTests.this.k1.unprotect("aes:k1", ciphertext, associatedData);
			}

		};
		String value = EncryptedValues.encrypt(scoped, "pw", null);
		assertThat(value).startsWith("ENC(dpapi:");
		EncryptedValue parsed = EncryptedValue.parse(value, PREFIX, SUFFIX);
		assertThat(parsed.envelope()).isEqualTo("dpapi-cu");
		assertThat(parsed.keyId()).isNull();
		assertThat(EncryptedValues.decrypt(scoped, parsed, null)).isEqualTo("pw");
		assertThat(EncryptedValues.textScheme("kr")).isEqualTo("kr");
	}

	@Test
	void toStringThenNoData() {
		String value = EncryptedValues.encrypt(this.k1, "pw", "a.b");
		String text = EncryptedValue.parse(value, PREFIX, SUFFIX).toString();
		assertThat(text).isEqualTo("EncryptedValue[scheme=aes, envelope=aes:k1, bound=true]");
	}

	private static EncryptedValue parse(byte[] payload) {
		return EncryptedValue.parse("ENC(aes:" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + ")",
				PREFIX, SUFFIX);
	}

	private static byte[] payload(String value) {
		return Base64.getUrlDecoder().decode(value.substring(PREFIX.length() + 4, value.length() - 1));
	}

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) seed);
		return key;
	}

}
