package io.github.pbkdf2dpapi.lockout;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the counters of {@link LoginThrottle} live. Keys are already hashed: a store never sees a
 * username or an address.
 *
 * <p>
 * Implementations are thread-safe, and {@link #update(String, UnaryOperator)} is atomic for one
 * key, also across the instances of an application that share the store. Every failure to reach
 * the backing store is a {@link LockoutStoreException}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 * @see InMemoryLockoutStore
 * @see JdbcLockoutStore
 */
public interface LockoutStore {

	/**
	 * Reads the state of a key.
	 * @param key the hashed key
	 * @return the state, or {@code null} if the key is unknown
	 * @throws LockoutStoreException if the store cannot be read
	 */
	LockoutState get(String key);

	/**
	 * Atomically replaces the state of a key. The function may be called more than once (after a
	 * conflict), so it must have no side effects other than remembering its last result.
	 * @param key the hashed key
	 * @param update receives the current state ({@code null} if none) and returns the new one
	 * ({@code null} to remove the key)
	 * @return the state written, or {@code null} if the key was removed
	 * @throws LockoutStoreException if the store cannot be updated
	 */
	LockoutState update(String key, UnaryOperator<LockoutState> update);

	/**
	 * Removes a key.
	 * @param key the hashed key
	 * @return {@code true} if the key was present
	 * @throws LockoutStoreException if the store cannot be updated
	 */
	boolean delete(String key);

	/**
	 * Lists the keys locked at {@code now}, latest lock end first.
	 * @param now the current time in epoch milliseconds
	 * @param limit the maximum number of entries
	 * @return the locked states
	 * @throws LockoutStoreException if the store cannot be read
	 */
	List<LockoutState> findLocked(long now, int limit);

	/**
	 * Removes the states that expired before {@code now}.
	 * @param now the current time in epoch milliseconds
	 * @return the number of states removed (an estimate for some stores)
	 * @throws LockoutStoreException if the store cannot be updated
	 */
	int purgeExpired(long now);

}
