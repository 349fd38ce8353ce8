package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.pbkdf2dpapi.lockout.StoreFailureMode;

/**
 * Configuration properties for the per-client-address failure budget.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.rate-limit")
public class RateLimitProperties {

	/**
	 * Whether each client address has a failure budget across all usernames.
	 */
	private boolean enabled = true;

	/**
	 * Number of failed logins per client address within the window that throttle it.
	 */
	private int maxFailures = 50;

	/**
	 * Window in which failed logins per client address are counted.
	 */
	private Duration window = Duration.ofMinutes(5);

	/**
	 * How long a client address that spent its budget is throttled.
	 */
	private Duration duration = Duration.ofMinutes(15);

	/**
	 * What the address check does when the store is unavailable.
	 */
	private StoreFailureMode onStoreFailure = StoreFailureMode.DENY;

	/**
	 * Number of leading bits of an IPv6 address that identify one client.
	 */
	private int ipv6PrefixLength = 64;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxFailures() {
		return this.maxFailures;
	}

	public void setMaxFailures(int maxFailures) {
		this.maxFailures = maxFailures;
	}

	public Duration getWindow() {
		return this.window;
	}

	public void setWindow(Duration window) {
		this.window = window;
	}

	public Duration getDuration() {
		return this.duration;
	}

	public void setDuration(Duration duration) {
		this.duration = duration;
	}

	public StoreFailureMode getOnStoreFailure() {
		return this.onStoreFailure;
	}

	public void setOnStoreFailure(StoreFailureMode onStoreFailure) {
		this.onStoreFailure = onStoreFailure;
	}

	public int getIpv6PrefixLength() {
		return this.ipv6PrefixLength;
	}

	public void setIpv6PrefixLength(int ipv6PrefixLength) {
		this.ipv6PrefixLength = ipv6PrefixLength;
	}

}
