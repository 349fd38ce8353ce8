package io.github.pbkdf2dpapi.password;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.pbkdf2dpapi.pbkdf2.CountingPbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Prf;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Pbkdf2DpapiPasswordEncoder}.
 */
class Pbkdf2DpapiPasswordEncoderTests {

	static final byte[] PEPPER_1 = filled(0x42);

	static final byte[] PEPPER_2 = filled(0x17);

	static final byte[] AES_KEY = filled(0x01);

	private final Pbkdf2DpapiPasswordEncoder encoder = fast().build();

	@Test
	void encodeThenMatches() {
		String encoded = this.encoder.encode("correct horse battery staple");
		assertThat(encoded).startsWith("$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=-,e=none$");
		assertThat(this.encoder.matches("correct horse battery staple", encoded)).isTrue();
		assertThat(this.encoder.matches("correct horse battery stapl", encoded)).isFalse();
		assertThat(this.encoder.matches("", encoded)).isFalse();
	}

	@Test
	void encodeSamePasswordMultipleTimesDiffers() {
		assertThat(this.encoder.encode("password")).isNotEqualTo(this.encoder.encode("password"));
	}

	@Test
	void encodeWhenEmptyPasswordThenMatchesOnlyEmpty() {
		String encoded = this.encoder.encode("");
		assertThat(this.encoder.matches("", encoded)).isTrue();
		assertThat(this.encoder.matches(" ", encoded)).isFalse();
	}

	@Test
	void encodeWhenNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.encoder.encode(null))
			.withMessage("rawPassword must not be null");
	}

	@Test
	void matchesWhenNullOrEmptyThenFalse() {
		String encoded = this.encoder.encode("x");
		assertThat(this.encoder.matches(null, encoded)).isFalse();
		assertThat(this.encoder.matches("x", null)).isFalse();
		assertThat(this.encoder.matches("x", "")).isFalse();
	}

	@Test
	void matchesWhenDifferentNormalFormThenNormalisedAlike() {
		// "é" precomposed (U+00E9) and decomposed (e + U+0301); full-width digits under NFKC.
		String encoded = this.encoder.encode("caf\u00e9\uff11");
		assertThat(this.encoder.matches("cafe\u0301\uff11", encoded)).isTrue();
		assertThat(this.encoder.matches("caf\u00e91", encoded)).isTrue();
		Pbkdf2DpapiPasswordEncoder none = fast().normalization(PasswordNormalization.NONE).build();
		String raw = none.encode("caf\u00e9");
		assertThat(none.matches("cafe\u0301", raw)).isFalse();
	}

	@Test
	void matchesNeverTrims() {
		String encoded = this.encoder.encode(" secret ");
		assertThat(this.encoder.matches("secret", encoded)).isFalse();
		assertThat(this.encoder.matches(" secret ", encoded)).isTrue();
	}

	/** Recomputed with Python's hashlib (see docs/FORMAT.md): the format must keep verifying. */
	@Test
	void matchesWhenPublishedExampleThenTrue() {
		String example = "$p2d$v=1$a=sha256,i=600000,s=16,l=32,n=nfkc,p=-,e=none$AAECAwQFBgcICQoLDA0OD8kj1ejJ4C0sHSm9g2IVu/EKKQ9VebHk9gv7FIq10BUm";
		Pbkdf2DpapiPasswordEncoder defaults = Pbkdf2DpapiPasswordEncoder.builder().build();
		assertThat(defaults.matches("p\u00e4ssw\u00f6rd", example)).isTrue();
		assertThat(defaults.matches("passw\u00f6rd", example)).isFalse();
		assertThat(defaults.upgradeEncoding(example)).isFalse();
	}

	@Test
	void matchesWhenPublishedPepperedExampleThenTrue() {
		String example = "$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=p1,e=none$AAECAwQFBgcICQoLDA0ODyIwaNo4n3In5KZEwSZPmLJuIimWBC+gN7jRioBh7D5n";
		Pbkdf2DpapiPasswordEncoder peppered = fast().peppers(PepperRing.of("p1", Map.of("p1", PEPPER_1))).build();
		assertThat(peppered.matches("\uff50\uff41\uff53\uff53\uff11", example)).isTrue();
		assertThat(peppered.matches("pass1", example)).isTrue();
		assertThat(fast().peppers(PepperRing.of("p1", Map.of("p1", PEPPER_2))).build().matches("pass1", example))
			.isFalse();
	}

	/** The worked example of docs/FORMAT.md. */
	@Test
	void matchesWhenFormatDocumentExampleThenTrue() {
		String example = "$p2d$v=1$a=sha256,i=600000,s=16,l=32,n=nfkc,p=p1,e=none$AAECAwQFBgcICQoLDA0OD4e2bz3Xc16judeaoueuvLtBFE64rkrk0Gr2Oi8Q242x";
		Pbkdf2DpapiPasswordEncoder encoder = Pbkdf2DpapiPasswordEncoder.builder()
			.peppers(PepperRing.of("p1", Map.of("p1", PEPPER_1)))
			.build();
		assertThat(encoder.matches("ｐａｓｓｗｏｒｄ１", example)).isTrue();
		assertThat(encoder.matches("password1", example)).isTrue();
		assertThat(encoder.matches("password2", example)).isFalse();
	}

	@Test
	void matchesWithRealDefaults() {
		Pbkdf2DpapiPasswordEncoder defaults = Pbkdf2DpapiPasswordEncoder.builder()
			.peppers(PepperRing.of("p1", Map.of("p1", PEPPER_1)))
			.protector(SecretProtectors.aesGcm("k1", AES_KEY))
			.build();
		String encoded = defaults.encode("hunter2");
		assertThat(encoded).startsWith("$p2d$v=1$a=sha256,i=600000,s=16,l=32,n=nfkc,p=p1,e=aes:k1$");
		assertThat(defaults.matches("hunter2", encoded)).isTrue();
		assertThat(defaults.upgradeEncoding(encoded)).isFalse();
	}

	@Test
	void matchesWhenSha512ThenDefaultsToItsLengths() {
		Pbkdf2DpapiPasswordEncoder sha512 = fast().prf(Pbkdf2Prf.HMAC_SHA512).build();
		String encoded = sha512.encode("pw");
		assertThat(encoded).contains("a=sha512,i=1000,s=16,l=64,");
		assertThat(sha512.matches("pw", encoded)).isTrue();
		assertThat(this.encoder.matches("pw", encoded)).isTrue();
		assertThat(this.encoder.upgradeEncoding(encoded)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "i=1000,->i=999,", "i=1000,->i=1001,", "s=16,->s=15,", "l=32,->l=16,",
			"n=nfkc,->n=none,", "n=nfkc,->n=nfc,", "a=sha256,->a=sha512," })
	void matchesWhenHeaderEditedThenFalse(String edit) {
		String[] fromTo = edit.split("->");
		String encoded = this.encoder.encode("password");
		String edited = encoded.replace(fromTo[0], fromTo[1]);
		assertThat(edited).isNotEqualTo(encoded);
		assertThat(this.encoder.matches("password", edited)).isFalse();
	}

	@Test
	void matchesWhenHashTruncatedAndLengthLoweredThenFalse() {
		// PBKDF2 output is a prefix of a longer output: the parameters bound into the salt stop
		// a record from being cut to a shorter hash.
		String encoded = this.encoder.encode("password");
		PasswordRecord record = PasswordRecord.parse(encoded);
		byte[] payload = Base64.getDecoder().decode(record.payload());
		String shorter = new PasswordRecord(1, record.prf(), record.iterations(), 16, 16, record.normalization(), "-",
				"none", Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(payload, 32)))
			.encoded();
		assertThat(this.encoder.matches("password", shorter)).isFalse();
	}

	@Test
	void matchesWhenAesEnvelopeTamperedThenFalse() {
		Pbkdf2DpapiPasswordEncoder aes = fast().protector(SecretProtectors.aesGcm("k1", AES_KEY)).build();
		String encoded = aes.encode("password");
		PasswordRecord record = PasswordRecord.parse(encoded);
		byte[] payload = Base64.getDecoder().decode(record.payload());
		payload[payload.length - 1] ^= 1;
		String tampered = record.header() + Base64.getEncoder().withoutPadding().encodeToString(payload);
		assertThat(aes.matches("password", encoded)).isTrue();
		assertThat(aes.matches("password", tampered)).isFalse();
		assertThat(aes.matches("password", encoded.replace("e=aes:k1", "e=aes:k2"))).isFalse();
		assertThat(aes.matches("password", encoded.replace("e=aes:k1", "e=none"))).isFalse();
	}

	@Test
	void matchesWhenEnvelopeKeyWrongThenFalse() {
		String encoded = fast().protector(SecretProtectors.aesGcm("k1", AES_KEY)).build().encode("password");
		Pbkdf2DpapiPasswordEncoder otherKey = fast().protector(SecretProtectors.aesGcm("k1", PEPPER_2)).build();
		assertThat(otherKey.matches("password", encoded)).isFalse();
	}

	@Test
	void matchesWhenEnvelopeNoneAndCurrentAesThenStillVerifiesAndUpgrades() {
		String plain = this.encoder.encode("password");
		Pbkdf2DpapiPasswordEncoder aes = fast().protector(SecretProtectors.aesGcm("k1", AES_KEY)).build();
		assertThat(aes.matches("password", plain)).isTrue();
		assertThat(aes.upgradeEncoding(plain)).isTrue();
	}

	@Test
	void matchesWhenEnvelopeSchemeUnknownThenFalse() {
		String encoded = this.encoder.encode("password").replace("e=none", "e=dpapi-cu");
		assertThat(this.encoder.matches("password", encoded)).isFalse();
	}

	@Test
	void matchesWhenPepperUnknownThenFalse() {
		String encoded = fast().peppers(PepperRing.of("p1", Map.of("p1", PEPPER_1))).build().encode("pw");
		Pbkdf2DpapiPasswordEncoder other = fast().peppers(PepperRing.of("p2", Map.of("p2", PEPPER_2))).build();
		assertThat(other.matches("pw", encoded)).isFalse();
		assertThat(this.encoder.matches("pw", encoded)).isFalse();
	}

	@Test
	void matchesWhenOldPepperStillConfiguredThenTrueAndUpgrade() {
		String encoded = fast().peppers(PepperRing.of("p1", Map.of("p1", PEPPER_1))).build().encode("pw");
		Pbkdf2DpapiPasswordEncoder rotated = fast()
			.peppers(PepperRing.of("p2", Map.of("p1", PEPPER_1, "p2", PEPPER_2)))
			.build();
		assertThat(rotated.matches("pw", encoded)).isTrue();
		assertThat(rotated.upgradeEncoding(encoded)).isTrue();
		assertThat(rotated.upgradeEncoding(rotated.encode("pw"))).isFalse();
	}

	@Test
	void matchesWhenPasswordTooLongThenFalseWithoutOpeningEnvelope() {
		CountingProtector counting = new CountingProtector(SecretProtectors.aesGcm("k1", AES_KEY));
		Pbkdf2DpapiPasswordEncoder aes = fast().protector(counting).maxLength(64).build();
		String encoded = aes.encode("short");
		int before = counting.unprotects.get();
		assertThat(aes.matches("x".repeat(65), encoded)).isFalse();
		assertThat(aes.matches("x".repeat(1_000_000), encoded)).isFalse();
		assertThat(counting.unprotects.get()).isEqualTo(before);
		assertThat(aes.matches("short", encoded)).isTrue();
		assertThat(counting.unprotects.get()).isEqualTo(before + 1);
	}

	@Test
	void encodeWhenPasswordTooLongThenIllegalArgumentWithoutValue() {
		Pbkdf2DpapiPasswordEncoder limited = fast().maxLength(64).build();
		assertThatIllegalArgumentException().isThrownBy(() -> limited.encode("s3cr3t".repeat(20)))
			.withMessageContaining("maximum of 64 characters")
			.withMessageNotContaining("s3cr3t");
	}

	@Test
	void matchesWhenIterationsAboveCapThenFalseWithoutWork() {
		CountingProtector counting = new CountingProtector(SecretProtectors.aesGcm("k1", AES_KEY));
		Pbkdf2DpapiPasswordEncoder capped = fast().protector(counting).build();
		assertThat(capped.getMaxIterations()).isEqualTo(5_000_000);
		String encoded = capped.encode("pw");
		String expensive = encoded.replace("i=1000,", "i=2000000000,");
		assertThat(capped.matches("pw", expensive)).isFalse();
		assertThat(capped.matches("pw", encoded.replace("i=1000,", "i=5000001,"))).isFalse();
		assertThat(counting.unprotects.get()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "s=16,->s=7,", "s=16,->s=65,", "l=32,->l=15,", "l=32,->l=129," })
	void matchesWhenLengthsOutOfBoundsThenFalseWithoutWork(String edit) {
		CountingProtector counting = new CountingProtector(SecretProtectors.aesGcm("k1", AES_KEY));
		Pbkdf2DpapiPasswordEncoder enc = fast().protector(counting).build();
		String[] fromTo = edit.split("->");
		assertThat(enc.matches("pw", enc.encode("pw").replace(fromTo[0], fromTo[1]))).isFalse();
		assertThat(counting.unprotects.get()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "$p2d$", "$p2d$v=1$", "$p2d$v=2$a=sha256,i=1000,s=16,l=32,n=nfkc,p=-,e=none$AAAA",
			"$p2d$v=1$a=md5,i=1000,s=16,l=32,n=nfkc,p=-,e=none$AAAA",
			"$p2d$v=1$a=sha256,i=0,s=16,l=32,n=nfkc,p=-,e=none$AAAA",
			"$p2d$v=1$a=sha256,i=99999999999,s=16,l=32,n=nfkc,p=-,e=none$AAAA",
			"$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkd,p=-,e=none$AAAA",
			"$p2d$v=1$i=1000,a=sha256,s=16,l=32,n=nfkc,p=-,e=none$AAAA",
			"$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=-,e=none$",
			"$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=-,e=none$AAAA$",
			"$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=-,e=none$A===",
			"$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=-,e=none$AAAAA",
			"$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=-,e=none$AAAA",
			"{bcrypt}$2a$10$abc", "$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=-,e=none$\u00e9\u00e9\u00e9\u00e9" })
	void matchesWhenMalformedThenFalse(String encoded) {
		assertThat(this.encoder.matches("pw", encoded)).isFalse();
		assertThat(this.encoder.upgradeEncoding(encoded)).isFalse();
	}

	@Test
	void matchesWhenRecordHugeThenFalse() {
		String huge = "$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=-,e=none$" + "A".repeat(10_000_000);
		assertThat(this.encoder.matches("pw", huge)).isFalse();
	}

	@Test
	void upgradeEncodingWhenSettingsDifferThenTrue() {
		String encoded = this.encoder.encode("pw");
		assertThat(this.encoder.upgradeEncoding(encoded)).isFalse();
		assertThat(fast().iterations(1001).build().upgradeEncoding(encoded)).isTrue();
		assertThat(fast().iterations(999).build().upgradeEncoding(encoded)).isFalse();
		assertThat(fast().saltLength(32).build().upgradeEncoding(encoded)).isTrue();
		assertThat(fast().hashLength(48).build().upgradeEncoding(encoded)).isTrue();
		assertThat(fast().normalization(PasswordNormalization.NFC).build().upgradeEncoding(encoded)).isTrue();
		assertThat(fast().prf(Pbkdf2Prf.HMAC_SHA512).build().upgradeEncoding(encoded)).isTrue();
		assertThat(fast().peppers(PepperRing.of("p1", Map.of("p1", PEPPER_1))).build().upgradeEncoding(encoded))
			.isTrue();
		assertThat(fast().protector(SecretProtectors.aesGcm("k1", AES_KEY)).build().upgradeEncoding(encoded)).isTrue();
	}

	@Test
	void upgradeEncodingWhenEnvelopeKeyChangedThenTrue() {
		String encoded = fast().protector(SecretProtectors.aesGcm("k1", AES_KEY)).build().encode("pw");
		Pbkdf2DpapiPasswordEncoder k2 = fast().protector(SecretProtectors.aesGcm("k2", PEPPER_2)).build();
		assertThat(k2.upgradeEncoding(encoded)).isTrue();
	}

	@Test
	void buildWhenIterationsBelowFloorThenInvalidSetting() {
		assertThatExceptionOfType(InvalidEncoderSettingException.class)
			.isThrownBy(() -> Pbkdf2DpapiPasswordEncoder.builder().iterations(10_000).build())
			.satisfies((ex) -> {
				assertThat(ex.getSetting()).isEqualTo("iterations");
				assertThat(ex.getMessage()).contains("below the floor of 100000");
				assertThat(ex.getAction()).contains("allow-weak-parameters");
			});
		assertThat(Pbkdf2DpapiPasswordEncoder.builder().prf(Pbkdf2Prf.HMAC_SHA512).iterations(35_000).build())
			.isNotNull();
	}

	@Test
	void buildWhenInvalidSettingsThenNamed() {
		assertThat(setting(Pbkdf2DpapiPasswordEncoder.builder().prf(Pbkdf2Prf.HMAC_SHA1))).isEqualTo("algorithm");
		assertThat(setting(Pbkdf2DpapiPasswordEncoder.builder().iterations(0).allowWeakParameters(true)))
			.isEqualTo("iterations");
		assertThat(setting(Pbkdf2DpapiPasswordEncoder.builder().saltLength(8))).isEqualTo("salt-length");
		assertThat(setting(Pbkdf2DpapiPasswordEncoder.builder().saltLength(1000))).isEqualTo("salt-length");
		assertThat(setting(Pbkdf2DpapiPasswordEncoder.builder().hashLength(16))).isEqualTo("hash-length");
		assertThat(setting(Pbkdf2DpapiPasswordEncoder.builder().prf(Pbkdf2Prf.HMAC_SHA512).hashLength(32)))
			.isEqualTo("hash-length");
		assertThat(setting(Pbkdf2DpapiPasswordEncoder.builder().maxLength(0))).isEqualTo("max-length");
		assertThat(setting(Pbkdf2DpapiPasswordEncoder.builder().maxIterations(10))).isEqualTo("max-iterations");
		assertThat(setting(Pbkdf2DpapiPasswordEncoder.builder().normalization(null))).isEqualTo("normalization");
	}

	@Test
	void encodeWhenEngineSetThenItHashesAndAnyEngineVerifies() {
		CountingPbkdf2Engine engine = new CountingPbkdf2Engine();
		Pbkdf2DpapiPasswordEncoder counted = fast().engine(engine).build();
		assertThat(counted.getEngine()).isSameAs(engine);
		assertThat(this.encoder.getEngine()).isSameAs(Pbkdf2Engine.java());
		String record = counted.encode("pw");
		assertThat(engine.calls()).isEqualTo(1);
		assertThat(counted.matches("pw", record)).isTrue();
		assertThat(engine.calls()).isEqualTo(2);
		assertThat(this.encoder.matches("pw", record)).isTrue();
		assertThat(counted.matches("pw", this.encoder.encode("pw"))).isTrue();
		assertThat(counted.toString()).endsWith("; engine=counting]");
	}

	@Test
	void buildWhenEngineNullThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> fast().engine(null).build())
			.withMessageContaining("engine");
	}

	@Test
	void toStringShowsParametersOnly() {
		Pbkdf2DpapiPasswordEncoder enc = fast().peppers(PepperRing.of("p1", Map.of("p1", PEPPER_1)))
			.protector(SecretProtectors.aesGcm("k1", AES_KEY))
			.build();
		assertThat(enc.toString()).isEqualTo(
				"Pbkdf2DpapiPasswordEncoder[a=sha256, i=1000, s=16, l=32, n=nfkc, p=p1, e=aes:k1; engine=java]");
		assertThat(PasswordRecord.parse(enc.encode("pw")).toString())
			.isEqualTo("PasswordRecord[$p2d$v=1$a=sha256,i=1000,s=16,l=32,n=nfkc,p=p1,e=aes:k1]");
	}

	@Test
	void encoderIsThreadSafe() throws Exception {
		String encoded = this.encoder.encode("shared");
		Thread[] threads = new Thread[4];
		AtomicInteger ok = new AtomicInteger();
		for (int t = 0; t < threads.length; t++) {
			int n = t;
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 25; i++) {
					String own = this.encoder.encode("pw" + n + i);
					if (this.encoder.matches("pw" + n + i, own) && this.encoder.matches("shared", encoded)) {
						ok.incrementAndGet();
					}
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(ok).hasValue(100);
	}

	static Pbkdf2DpapiPasswordEncoder.Builder fast() {
		return Pbkdf2DpapiPasswordEncoder.builder().iterations(1000).allowWeakParameters(true);
	}

	private static String setting(Pbkdf2DpapiPasswordEncoder.Builder builder) {
		try {
			builder.build();
		}
		catch (InvalidEncoderSettingException ex) {
			return ex.getSetting();
		}
		return null;
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) value);
		return bytes;
	}

	static final class CountingProtector implements SecretProtector {

		private final SecretProtector delegate;

		final AtomicInteger unprotects = new AtomicInteger();

		CountingProtector(SecretProtector delegate) {
			this.delegate = delegate;
		}

		@Override
		public String scheme() {
			return this.delegate.scheme();
		}

		@Override
		public String currentEnvelope() {
			return this.delegate.currentEnvelope();
		}

		@Override
		public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
			return this.delegate.protect(envelope, plaintext, associatedData);
		}

		@Override
		public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
			this.unprotects.incrementAndGet();
			return this.delegate.unprotect(envelope, ciphertext, associatedData);
		}

	}

}
