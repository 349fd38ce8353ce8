package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.time.Instant;

import org.springframework.context.ApplicationEvent;

/**
 * Published when failed logins lock an account, for example to e-mail its owner. Carries the
 * normalised username (the application needs it to find the owner); it is never logged.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class AccountLockedEvent extends ApplicationEvent {

	private final String username;

	private final Instant lockedUntil;

	private final boolean permanent;

	private final int lockouts;

	/**
	 * Create a new event.
	 * @param source the publisher
	 * @param username the normalised username
	 * @param lockedUntil end of the lock ({@link Instant#MAX} if permanent)
	 * @param permanent whether only an administrator can lift the lock
	 * @param lockouts the account's number of lockouts since its last successful login
	 */
	public AccountLockedEvent(Object source, String username, Instant lockedUntil, boolean permanent, int lockouts) {
		super(source);
		this.username = username;
		this.lockedUntil = lockedUntil;
		this.permanent = permanent;
		this.lockouts = lockouts;
	}

	public String getUsername() {
		return this.username;
	}

	public Instant getLockedUntil() {
		return this.lockedUntil;
	}

	public boolean isPermanent() {
		return this.permanent;
	}

	public int getLockouts() {
		return this.lockouts;
	}

	@Override
	public String toString() {
		return "AccountLockedEvent[lockedUntil=" + this.lockedUntil + ", permanent=" + this.permanent + "]";
	}

}
