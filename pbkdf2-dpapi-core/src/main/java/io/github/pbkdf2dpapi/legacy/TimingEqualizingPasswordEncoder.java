package io.github.pbkdf2dpapi.legacy;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Wraps a fast {@link PasswordEncoder} (for example {@code noop}) so that every
 * {@link #matches} also spends the cost of a verification with the current settings.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class TimingEqualizingPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final VerificationCostEqualizer equalizer;

	/**
	 * Create an encoder.
	 * @param delegate the fast encoder
	 * @param equalizer spends the cost of a current verification
	 */
	public TimingEqualizingPasswordEncoder(PasswordEncoder delegate, VerificationCostEqualizer equalizer) {
		if (delegate == null) {
			throw new IllegalArgumentException("'delegate' must not be null");
		}
		if (equalizer == null) {
			throw new IllegalArgumentException("'equalizer' must not be null");
		}
		this.delegate = delegate;
		this.equalizer = equalizer;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		try {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		finally {
			this.equalizer.spendVerification(rawPassword);
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	@Override
	public String toString() {
		return "TimingEqualizingPasswordEncoder[" + this.delegate.getClass().getSimpleName() + "]";
	}

}
