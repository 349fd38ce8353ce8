package io.github.pbkdf2dpapi.autoconfigure.actuate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the pbkdf2-dpapi health indicator.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@ConfigurationProperties("pbkdf2-dpapi.health")
public class Pbkdf2DpapiHealthProperties {

	/**
	 * How long before the primary envelope key expires the health details start to warn.
	 */
	private Duration keyExpiryWarning = Duration.ofDays(30);

	/**
	 * Whether the health is down when no pepper is configured.
	 */
	private boolean requirePepper = false;

	public Duration getKeyExpiryWarning() {
		return this.keyExpiryWarning;
	}

	public void setKeyExpiryWarning(Duration keyExpiryWarning) {
		this.keyExpiryWarning = keyExpiryWarning;
	}

	public boolean isRequirePepper() {
		return this.requirePepper;
	}

	public void setRequirePepper(boolean requirePepper) {
		this.requirePepper = requirePepper;
	}

}
