package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import io.github.pbkdf2dpapi.encrypt.EncryptedValues;
import io.github.pbkdf2dpapi.protect.SecretProtector;
import io.github.pbkdf2dpapi.protect.SecretProtectors;

/**
 * Keys and {@code ENC(...)} values shared by the tests. The key is a test key,
 * {@code SHA-256("pbkdf2-dpapi test key k1")}; the constants below were encrypted with it (the
 * comment gives the plaintext) and are checked by {@code EncryptTestValuesTests}.
 */
final class EncryptTestValues {

	static final String KEY = "JKuEH2EO2RUwYfoSQgozgwFDk9SW5SU0htJSsLaAm7s=";

	static final String KEY_ID_PROPERTY = "pbkdf2-dpapi.envelope.aes-gcm.key-id=k1";

	static final String KEY_PROPERTY = "pbkdf2-dpapi.envelope.aes-gcm.key=" + KEY;

	/** {@code command-line-secret}. */
	static final String COMMAND_LINE = "ENC(aes:AQAGYWVzOmsxAQJrMWz1ZCmr9yz9S_gJFgyfiwR53YlZcUEaW6AYMZjI86XTDQqPVW1zKCp4kwk1l-75)";

	/** {@code system-property-secret}. */
	static final String SYSTEM_PROPERTY = "ENC(aes:AQAGYWVzOmsxAQJrMXSBcFzwivYDjrSvLpQYMHhmY_RbQnS7fdlMOD_Pat7MQZAiwMgy0ZmdDGq_UNXXAREr)";

	/** {@code environment-secret}. */
	static final String ENVIRONMENT = "ENC(aes:AQAGYWVzOmsxAQJrMdXtxAt91sr36HiG9Q71K2gWE1bChc9ljDKhTUu5nMeH_kjViM3U19opCeTynjA)";

	/** {@code env-bound-secret}, bound to {@code ENC_TEST_BOUND}. */
	static final String ENVIRONMENT_BOUND = "ENC(aes:AQEGYWVzOmsxAQJrMagBh8NRbfZOEhZY_yhyvCkqPKjn_ruPNoBbIE5SqaOsMA4VnDS5q91cSKRo)";

	/** {@code test-property-source-secret}. */
	static final String TEST_PROPERTY_SOURCE = "ENC(aes:AQAGYWVzOmsxAQJrMenWyShp5ww0ktXe6yy0qhVN9RUas7kOFmRMq4zX_aA_uj1pdvFsc_bKpgOw8hyFcKAcJ4S8oG0)";

	/** {@code dynamic-secret}. */
	static final String DYNAMIC = "ENC(aes:AQAGYWVzOmsxAQJrMVRkG2-EbYuc3OEXcdyw3QfvBJgwasr_tok-fOrQVb_ca10eiZDJeLiN8Q)";

	/** {@code h2-s3cret}, bound to {@code spring.datasource.password}. */
	static final String DATASOURCE_PASSWORD = "ENC(aes:AQEGYWVzOmsxAQJrMY_dP9Op5fAwVhaci1sntaO8xJMDPNc06risS-zwj3ilzj2VOBU)";

	/** {@code logging-marker-7d1e}. */
	static final String LOGGING_MARKER = "ENC(aes:AQAGYWVzOmsxAQJrMYE1f774Y9_c17WTM4R0jB6qgYw350nGvZrN3f3rfWiu6jFV4nn7AfHC_Lui_5rn)";

	/** {@code DEBUG}. */
	static final String DEBUG = "ENC(aes:AQAGYWVzOmsxAQJrMRTzHKrytXNeQICX_mg9-byrbO5Fpw8hzezWNCrY_ejlFg)";

	/** {@code wrong-key-secret}, under another key that also has the id k1. */
	static final String WRONG_KEY = "ENC(aes:AQAGYWVzOmsxAQJrMaXXP7yfnt5PCtqdv91xz3X007EnConbwUCw1_7BM7lHk9XH5thnVgBvbzlW)";

	/** {@code unknown-key-secret}, under key id k9. */
	static final String UNKNOWN_KEY = "ENC(aes:AQAGYWVzOms5AQJrOWnl2-p6M5sbTq2npQk3GGEtp3hGLrtEq3uezuRsJirdKqWFTl9HsIOyQtlCSc0)";

	private EncryptTestValues() {
	}

	static SecretProtector protector() {
		return SecretProtectors.aesGcm("k1", Base64.getDecoder().decode(KEY));
	}

	static SecretProtector otherProtector() {
		return SecretProtectors.aesGcm("k1", sha256("pbkdf2-dpapi test key other"));
	}

	static String encrypt(String plaintext) {
		return EncryptedValues.encrypt(protector(), plaintext, null);
	}

	static String encrypt(String plaintext, String boundTo) {
		return EncryptedValues.encrypt(protector(), plaintext, boundTo);
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A {@code @ConfigurationProperties} record bound from {@code enc.record.*}.
	 *
	 * @param apiKey a scalar
	 * @param endpoints a map
	 * @param tokens a list
	 */
	@ConfigurationProperties("enc.record")
	record EncRecord(String apiKey, Map<String, String> endpoints, List<String> tokens) {

	}

	/**
	 * The smallest application: the ENC(...) auto-configuration and the record.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(EncryptAutoConfiguration.class)
	@EnableConfigurationProperties(EncRecord.class)
	static class MinimalApplication {

	}

}
