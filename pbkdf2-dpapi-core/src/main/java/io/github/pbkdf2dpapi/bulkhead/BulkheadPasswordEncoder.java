package io.github.pbkdf2dpapi.bulkhead;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link PasswordEncoder} decorator that runs {@link #encode} and {@link #matches} of its
 * delegate inside a {@link HashingBulkhead}. {@link #upgradeEncoding} does no hashing and is not
 * limited.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class BulkheadPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final HashingBulkhead bulkhead;

	/**
	 * Create a new decorator.
	 * @param delegate the encoder that hashes
	 * @param bulkhead the bulkhead, possibly shared with other encoders
	 */
	public BulkheadPasswordEncoder(PasswordEncoder delegate, HashingBulkhead bulkhead) {
		if (delegate == null || bulkhead == null) {
			throw new IllegalArgumentException("'delegate' and 'bulkhead' must not be null");
		}
		this.delegate = delegate;
		this.bulkhead = bulkhead;
	}

	/**
	 * {@inheritDoc}
	 * @throws HashingBulkheadFullException if no permit became free in time
	 */
	@Override
	public String encode(CharSequence rawPassword) {
		return this.bulkhead.call(() -> this.delegate.encode(rawPassword));
	}

	/**
	 * {@inheritDoc}
	 * @throws HashingBulkheadFullException if no permit became free in time
	 */
	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return this.bulkhead.call(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	/**
	 * The decorated encoder.
	 * @return the delegate
	 */
	public PasswordEncoder getDelegate() {
		return this.delegate;
	}

	/**
	 * The bulkhead.
	 * @return the bulkhead
	 */
	public HashingBulkhead getBulkhead() {
		return this.bulkhead;
	}

	@Override
	public String toString() {
		return "BulkheadPasswordEncoder[" + this.delegate + ", " + this.bulkhead + "]";
	}

}
