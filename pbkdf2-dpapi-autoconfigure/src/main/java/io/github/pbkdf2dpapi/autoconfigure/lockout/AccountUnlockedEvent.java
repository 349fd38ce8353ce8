package io.github.pbkdf2dpapi.autoconfigure.lockout;

import org.springframework.context.ApplicationEvent;

/**
 * Published when an administrator lifts a lock through the {@code pbkdf2dpapilockouts} endpoint.
 * A lock that simply runs out publishes nothing.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class AccountUnlockedEvent extends ApplicationEvent {

	private final String username;

	private final String key;

	/**
	 * Create a new event.
	 * @param source the publisher
	 * @param username the normalised username, or {@code null} when unlocked by key
	 * @param key the hashed key that was unlocked
	 */
	public AccountUnlockedEvent(Object source, String username, String key) {
		super(source);
		this.username = username;
		this.key = key;
	}

	/**
	 * The normalised username.
	 * @return the username, or {@code null} when the administrator gave only the key
	 */
	public String getUsername() {
		return this.username;
	}

	/**
	 * The hashed key.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	@Override
	public String toString() {
		return "AccountUnlockedEvent[key=" + this.key + "]";
	}

}
