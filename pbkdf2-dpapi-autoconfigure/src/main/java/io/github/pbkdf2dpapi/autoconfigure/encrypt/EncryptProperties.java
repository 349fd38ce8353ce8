package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.pbkdf2dpapi.encrypt.EncryptedValues;

/**
 * Configuration properties for the decryption of {@code ENC(...)} configuration values. They are
 * read before any bean exists, from plain (not encrypted) values.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.encrypt")
public class EncryptProperties {

	/**
	 * Whether to decrypt ENC(...) configuration values.
	 */
	private boolean enabled = true;

	/**
	 * Text that starts an encrypted value.
	 */
	private String prefix = EncryptedValues.DEFAULT_PREFIX;

	/**
	 * Text that ends an encrypted value; may be empty.
	 */
	private String suffix = EncryptedValues.DEFAULT_SUFFIX;

	/**
	 * Maximum number of decrypted values kept in memory; a value read again after it was
	 * evicted is decrypted again.
	 */
	private int cacheSize = 1024;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPrefix() {
		return this.prefix;
	}

	public void setPrefix(String prefix) {
		this.prefix = prefix;
	}

	public String getSuffix() {
		return this.suffix;
	}

	public void setSuffix(String suffix) {
		this.suffix = suffix;
	}

	public int getCacheSize() {
		return this.cacheSize;
	}

	public void setCacheSize(int cacheSize) {
		this.cacheSize = cacheSize;
	}

}
