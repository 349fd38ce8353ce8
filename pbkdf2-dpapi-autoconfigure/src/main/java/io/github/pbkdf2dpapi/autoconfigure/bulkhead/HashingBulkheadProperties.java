package io.github.pbkdf2dpapi.autoconfigure.bulkhead;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the hashing bulkhead.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.bulkhead")
public class HashingBulkheadProperties {

	/**
	 * Whether to limit how many password hashes run at once.
	 */
	private boolean enabled = true;

	/**
	 * Number of password hashes that may run at once. Defaults to the number of available
	 * processors.
	 */
	private Integer maxConcurrent;

	/**
	 * How long a login waits for a free hashing slot before it fails with HTTP 503.
	 */
	private Duration maxWait = Duration.ofSeconds(2);

	/**
	 * Value of the Retry-After header of a 503 answer, rounded up to whole seconds.
	 */
	private Duration retryAfter = Duration.ofSeconds(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Integer getMaxConcurrent() {
		return this.maxConcurrent;
	}

	public void setMaxConcurrent(Integer maxConcurrent) {
		this.maxConcurrent = maxConcurrent;
	}

	public Duration getMaxWait() {
		return this.maxWait;
	}

	public void setMaxWait(Duration maxWait) {
		this.maxWait = maxWait;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	public void setRetryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

}
