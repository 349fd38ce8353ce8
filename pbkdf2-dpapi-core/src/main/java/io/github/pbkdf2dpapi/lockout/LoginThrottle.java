package io.github.pbkdf2dpapi.lockout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Brute-force protection for password logins: answers {@link #check} <em>before</em> a password
 * is hashed, and counts outcomes with {@link #recordFailure} and {@link #recordSuccess}.
 *
 * <ul>
 * <li>An account is locked as its {@link LockoutPolicy} says; unknown usernames are counted
 * exactly like known ones.</li>
 * <li>A client address has its own, higher budget across all usernames (credential stuffing,
 * password spraying).</li>
 * <li>A successful login forgives the failures that account had from the same address only;
 * it never restores the address's budget, and never clears failures other addresses caused.</li>
 * <li>Attempts refused by {@link #check} are not counted: a locked account stays locked for its
 * duration and not longer, however hard it is hammered.</li>
 * <li>When the store fails, {@link #check} answers by the configured {@link StoreFailureMode}
 * (deny for accounts by default), and {@code record*} log and carry on.</li>
 * </ul>
 *
 * <p>
 * Thread-safe. Usernames and addresses never reach a log line or the store, only their keys.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class LoginThrottle {

	private static final Log logger = LogFactory.getLog(LoginThrottle.class);

	private final LockoutPolicy policy;

	private final LockoutStore store;

	private final LockoutKeys keys;

	private final Clock clock;

	private final StoreFailureMode accountFailureMode;

	private final StoreFailureMode addressFailureMode;

	/**
	 * Create a throttle that fails closed when the store is unavailable.
	 * @param policy the policy
	 * @param store the store
	 * @param keys the key derivation
	 * @param clock the clock
	 */
	public LoginThrottle(LockoutPolicy policy, LockoutStore store, LockoutKeys keys, Clock clock) {
		this(policy, store, keys, clock, StoreFailureMode.DENY, StoreFailureMode.DENY);
	}

	/**
	 * Create a throttle.
	 * @param policy the policy
	 * @param store the store
	 * @param keys the key derivation
	 * @param clock the clock
	 * @param accountFailureMode what the account check does when the store fails
	 * @param addressFailureMode what the address check does when the store fails
	 */
	public LoginThrottle(LockoutPolicy policy, LockoutStore store, LockoutKeys keys, Clock clock,
			StoreFailureMode accountFailureMode, StoreFailureMode addressFailureMode) {
		if (policy == null || store == null || keys == null || clock == null || accountFailureMode == null
				|| addressFailureMode == null) {
			throw new IllegalArgumentException("policy, store, keys, clock and failure modes must not be null");
		}
		this.policy = policy;
		this.store = store;
		this.keys = keys;
		this.clock = clock;
		this.accountFailureMode = accountFailureMode;
		this.addressFailureMode = addressFailureMode;
	}

	/**
	 * Decides whether a login attempt may go on to the password check. Reads two keys, hashes
	 * nothing expensive.
	 * @param username the username as typed
	 * @param address the client address, or {@code null} if unknown (no address budget)
	 * @return the decision
	 */
	public LoginDecision check(String username, String address) {
		long now = this.clock.millis();
		if (this.policy.isAddressLimitEnabled() && address != null) {
			String addressKey = this.keys.address(address);
			try {
				LockoutState state = this.store.get(addressKey);
				if (state != null && state.isLocked(now)) {
					return new LoginDecision(LoginDecision.Verdict.ADDRESS_THROTTLED, until(state));
				}
			}
			catch (RuntimeException ex) {
				if (this.addressFailureMode == StoreFailureMode.DENY) {
					logStoreFailure("client address check", "denied (pbkdf2-dpapi.rate-limit.on-store-failure=deny)", ex);
					return new LoginDecision(LoginDecision.Verdict.STORE_UNAVAILABLE, null);
				}
				logStoreFailure("client address check", "allowed (pbkdf2-dpapi.rate-limit.on-store-failure=allow)", ex);
			}
		}
		String accountKey = this.keys.account(username);
		try {
			LockoutState state = this.store.get(accountKey);
			if (state != null && state.isLocked(now)) {
				return new LoginDecision(LoginDecision.Verdict.ACCOUNT_LOCKED, until(state));
			}
		}
		catch (RuntimeException ex) {
			if (this.accountFailureMode == StoreFailureMode.DENY) {
				logStoreFailure("account check", "denied (pbkdf2-dpapi.lockout.on-store-failure=deny)", ex);
				return new LoginDecision(LoginDecision.Verdict.STORE_UNAVAILABLE, null);
			}
			logStoreFailure("account check", "allowed (pbkdf2-dpapi.lockout.on-store-failure=allow)", ex);
		}
		return LoginDecision.allowed();
	}

	/**
	 * Counts a failed login (wrong password or unknown username).
	 * @param username the username as typed
	 * @param address the client address, or {@code null} if unknown
	 * @return what happened; {@link FailureOutcome#accountLocked()} is {@code true} only for the
	 * failure that locked the account
	 */
	public FailureOutcome recordFailure(String username, String address) {
		long now = this.clock.millis();
		boolean addressThrottled = false;
		if (this.policy.isAddressLimitEnabled() && address != null) {
			addressThrottled = recordAddressFailure(this.keys.address(address), now);
		}
		String accountKey = this.keys.account(username);
		AtomicReference<LockoutState> before = new AtomicReference<>();
		LockoutState after;
		try {
			after = this.store.update(accountKey, (current) -> {
				before.set(current);
				return accountFailure(accountKey, current, now);
			});
			if (address != null) {
				String pairKey = this.keys.pair(username, address);
				this.store.update(pairKey, (current) -> pairFailure(pairKey, current, now));
			}
		}
		catch (RuntimeException ex) {
			logStoreFailure("recording a failed login", "not counted", ex);
			return new FailureOutcome(false, null, false, 0, addressThrottled);
		}
		boolean newlyLocked = after != null && after.isLocked(now)
				&& (before.get() == null || !before.get().isLocked(now));
		if (newlyLocked) {
			if (logger.isInfoEnabled()) {
				logger.info("Account " + LockoutKeys.abbreviate(accountKey) + " locked "
						+ (after.isPermanent() ? "permanently (an administrator must unlock it)"
								: "until " + Instant.ofEpochMilli(after.lockedUntil()))
						+ " after lockout " + after.lockouts());
			}
			return new FailureOutcome(true, until(after), after.isPermanent(), after.lockouts(), addressThrottled);
		}
		return new FailureOutcome(false, null, false, (after != null) ? after.lockouts() : 0, addressThrottled);
	}

	/**
	 * Counts a successful login: forgives the failures this account had from this address (and
	 * its lockout count once no failure is left), never the address's budget.
	 * @param username the username (as the user store returns it, or as typed)
	 * @param address the client address, or {@code null} if unknown
	 */
	public void recordSuccess(String username, String address) {
		long now = this.clock.millis();
		String accountKey = this.keys.account(username);
		try {
			int forgiven;
			if (address != null) {
				AtomicInteger pairFailures = new AtomicInteger();
				this.store.update(this.keys.pair(username, address), (current) -> {
					pairFailures.set((current != null && !current.isExpired(now)) ? current.consecutiveFailures() : 0);
					return null;
				});
				forgiven = pairFailures.get();
			}
			else {
				forgiven = Integer.MAX_VALUE;
			}
			if (forgiven > 0) {
				this.store.update(accountKey, (current) -> accountSuccess(current, forgiven, now));
			}
		}
		catch (RuntimeException ex) {
			logStoreFailure("recording a successful login", "not counted", ex);
		}
	}

	/**
	 * Lifts the lock of an account and clears its counters.
	 * @param username the username
	 * @return {@code true} if the account had counters
	 */
	public boolean unlock(String username) {
		return unlockKey(this.keys.account(username));
	}

	/**
	 * Lifts a lock by its key, as listed by {@link #lockouts(int)}.
	 * @param key the key ({@code a:...} or {@code i:...})
	 * @return {@code true} if the key had counters
	 */
	public boolean unlockKey(String key) {
		boolean removed = this.store.delete(key);
		if (removed && logger.isInfoEnabled()) {
			logger.info("Lock " + LockoutKeys.abbreviate(key) + " lifted by an administrator");
		}
		return removed;
	}

	/**
	 * Lists the current locks of accounts and client addresses.
	 * @param limit the maximum number of entries
	 * @return the locked states, latest lock end first
	 */
	public List<LockoutState> lockouts(int limit) {
		long now = this.clock.millis();
		List<LockoutState> locked = new ArrayList<>();
		for (LockoutState state : this.store.findLocked(now, limit)) {
			if (!state.key().startsWith(LockoutKeys.PAIR_PREFIX)) {
				locked.add(state);
			}
		}
		return locked;
	}

	/**
	 * Removes the expired states from the store.
	 * @return the number removed
	 */
	public int purgeExpired() {
		return this.store.purgeExpired(this.clock.millis());
	}

	/**
	 * The key derivation, to map a username to its key.
	 * @return the keys
	 */
	public LockoutKeys getKeys() {
		return this.keys;
	}

	/**
	 * The policy.
	 * @return the policy
	 */
	public LockoutPolicy getPolicy() {
		return this.policy;
	}

	/**
	 * The clock.
	 * @return the clock
	 */
	public Clock getClock() {
		return this.clock;
	}

	private boolean recordAddressFailure(String addressKey, long now) {
		AtomicReference<LockoutState> before = new AtomicReference<>();
		try {
			LockoutState after = this.store.update(addressKey, (current) -> {
				before.set(current);
				return addressFailure(addressKey, current, now);
			});
			boolean throttled = after.isLocked(now) && (before.get() == null || !before.get().isLocked(now));
			if (throttled && logger.isInfoEnabled()) {
				logger.info("Client address " + LockoutKeys.abbreviate(addressKey) + " throttled until "
						+ Instant.ofEpochMilli(after.lockedUntil()) + " after "
						+ this.policy.getAddressMaxFailures() + " failed logins");
			}
			return throttled;
		}
		catch (RuntimeException ex) {
			logStoreFailure("recording a failed login for a client address", "not counted", ex);
			return false;
		}
	}

	LockoutState accountFailure(String key, LockoutState current, long now) {
		LockoutState s = (current == null || current.isExpired(now)) ? LockoutState.empty(key, now) : current;
		if (s.isLocked(now)) {
			// Counted while locked only through a race with check(): do not extend the lock.
			return s;
		}
		boolean newWindow = now >= s.windowStart() + this.policy.getWindow().toMillis() || s.failures() == 0;
		int failures = newWindow ? 1 : s.failures() + 1;
		long windowStart = newWindow ? now : s.windowStart();
		int consecutive = s.consecutiveFailures() + 1;
		int lockouts = s.lockouts();
		long lockedUntil = 0;
		if (consecutive >= this.policy.getMaxConsecutiveFailures()) {
			lockouts++;
			lockedUntil = LockoutState.PERMANENT;
			failures = 0;
		}
		else if (failures >= this.policy.getMaxFailures()) {
			lockouts++;
			if (this.policy.getPermanentAfterLockouts() > 0 && lockouts >= this.policy.getPermanentAfterLockouts()) {
				lockedUntil = LockoutState.PERMANENT;
			}
			else {
				lockedUntil = now + this.policy.lockoutDuration(lockouts).toMillis();
			}
			failures = 0;
			windowStart = (lockedUntil == LockoutState.PERMANENT) ? now : lockedUntil;
		}
		long activityEnd = Math.max(windowStart + this.policy.getWindow().toMillis(),
				(lockedUntil == LockoutState.PERMANENT) ? now : lockedUntil);
		long expiresAt = (lockedUntil == LockoutState.PERMANENT) ? LockoutState.PERMANENT
				: activityEnd + this.policy.getRetention().toMillis();
		return new LockoutState(key, failures, windowStart, consecutive, lockouts, lockedUntil, expiresAt);
	}

	LockoutState addressFailure(String key, LockoutState current, long now) {
		LockoutState s = (current == null || current.isExpired(now)) ? LockoutState.empty(key, now) : current;
		if (s.isLocked(now)) {
			return s;
		}
		long window = this.policy.getAddressWindow().toMillis();
		boolean newWindow = now >= s.windowStart() + window || s.failures() == 0;
		int failures = newWindow ? 1 : s.failures() + 1;
		long windowStart = newWindow ? now : s.windowStart();
		long lockedUntil = 0;
		if (failures >= this.policy.getAddressMaxFailures()) {
			lockedUntil = now + this.policy.getAddressDuration().toMillis();
			failures = 0;
			windowStart = lockedUntil;
		}
		long expiresAt = Math.max(windowStart + window, lockedUntil);
		return new LockoutState(key, failures, windowStart, 0, 0, lockedUntil, expiresAt);
	}

	LockoutState pairFailure(String key, LockoutState current, long now) {
		LockoutState s = (current == null || current.isExpired(now)) ? LockoutState.empty(key, now) : current;
		return new LockoutState(key, 0, now, s.consecutiveFailures() + 1, 0, 0,
				now + this.policy.getWindow().toMillis() + this.policy.getRetention().toMillis());
	}

	LockoutState accountSuccess(LockoutState current, int forgiven, long now) {
		if (current == null || current.isExpired(now)) {
			return null;
		}
		if (current.isLocked(now)) {
			// A success while locked can only race with the lock; the lock stands.
			return current;
		}
		int failures = Math.max(0, current.failures() - forgiven);
		int consecutive = Math.max(0, current.consecutiveFailures() - forgiven);
		if (consecutive == 0) {
			return null;
		}
		return new LockoutState(current.key(), Math.min(failures, consecutive), current.windowStart(), consecutive,
				current.lockouts(), current.lockedUntil(), current.expiresAt());
	}

	private static Instant until(LockoutState state) {
		return state.isPermanent() ? Instant.MAX : Instant.ofEpochMilli(state.lockedUntil());
	}

	private static void logStoreFailure(String operation, String result, RuntimeException ex) {
		logger.warn("Lockout store unavailable during " + operation + "; login " + result + ": "
				+ ex.getClass().getName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
	}

}
