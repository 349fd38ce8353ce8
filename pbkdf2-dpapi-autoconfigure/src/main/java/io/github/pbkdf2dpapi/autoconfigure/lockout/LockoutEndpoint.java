package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.ApplicationEventPublisher;

import io.github.pbkdf2dpapi.lockout.LockoutKeys;
import io.github.pbkdf2dpapi.lockout.LockoutState;
import io.github.pbkdf2dpapi.lockout.LoginThrottle;

/**
 * {@link Endpoint @Endpoint} to list current lockouts and let an administrator lift one. Lists
 * hashed keys only (the store holds no usernames); unlock by username or by listed key. Secure
 * it like the other actuator endpoints: it is a write operation.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@Endpoint(id = "pbkdf2dpapilockouts")
public class LockoutEndpoint {

	/** Maximum number of lockouts listed. */
	static final int MAX_LISTED = 1000;

	private final LoginThrottle throttle;

	private final ApplicationEventPublisher publisher;

	/**
	 * Create a new endpoint.
	 * @param throttle the throttle
	 * @param publisher publishes {@link AccountUnlockedEvent}s
	 */
	public LockoutEndpoint(LoginThrottle throttle, ApplicationEventPublisher publisher) {
		this.throttle = throttle;
		this.publisher = publisher;
	}

	/**
	 * Lists current locks of accounts and client addresses.
	 * @return the lockouts
	 */
	@ReadOperation
	public LockoutsDescriptor lockouts() {
		List<LockoutDescriptor> lockouts = this.throttle.lockouts(MAX_LISTED)
			.stream()
			.map(LockoutDescriptor::of)
			.toList();
		return new LockoutsDescriptor(lockouts);
	}

	/**
	 * Lifts a lock.
	 * @param username the username whose lock to lift
	 * @param key or the key as listed by {@link #lockouts()}
	 * @return whether a lock was found and lifted
	 */
	@WriteOperation
	public UnlockDescriptor unlock(@Nullable String username, @Nullable String key) {
		if ((username == null || username.isEmpty()) == (key == null || key.isEmpty())) {
			throw new InvalidEndpointRequestException("Give either 'username' or 'key'", "Give either 'username' or 'key'");
		}
		String normalized = (username != null && !username.isEmpty())
				? this.throttle.getKeys().normalizeUsername(username) : null;
		String target = (normalized != null) ? this.throttle.getKeys().account(username) : key;
		boolean unlocked = this.throttle.unlockKey(target);
		if (unlocked && target.startsWith(LockoutKeys.ACCOUNT_PREFIX)) {
			this.publisher.publishEvent(new AccountUnlockedEvent(this, normalized, target));
			LockoutAuditEvents.publish(this.publisher, (normalized != null) ? normalized : target,
					LockoutAuditEvents.ACCOUNT_UNLOCKED, Map.of("key", target));
		}
		return new UnlockDescriptor(unlocked);
	}

	/**
	 * Description of the current lockouts.
	 *
	 * @param lockouts the lockouts, latest end first
	 */
	public record LockoutsDescriptor(List<LockoutDescriptor> lockouts) {
	}

	/**
	 * Description of one lockout.
	 *
	 * @param key the hashed key
	 * @param kind {@code account} or {@code address}
	 * @param lockedUntil end of the lock, {@code null} if permanent
	 * @param permanent whether only an administrator can lift it
	 * @param lockouts number of lockouts since the last successful login
	 * @param consecutiveFailures failures since the last successful login
	 */
	public record LockoutDescriptor(String key, String kind, @Nullable Instant lockedUntil, boolean permanent,
			int lockouts, int consecutiveFailures) {

		static LockoutDescriptor of(LockoutState state) {
			String kind = state.key().startsWith(LockoutKeys.ADDRESS_PREFIX) ? "address" : "account";
			return new LockoutDescriptor(state.key(), kind,
					state.isPermanent() ? null : Instant.ofEpochMilli(state.lockedUntil()), state.isPermanent(),
					state.lockouts(), state.consecutiveFailures());
		}

	}

	/**
	 * Result of an unlock.
	 *
	 * @param unlocked whether a lock was found and lifted
	 */
	public record UnlockDescriptor(boolean unlocked) {
	}

}
