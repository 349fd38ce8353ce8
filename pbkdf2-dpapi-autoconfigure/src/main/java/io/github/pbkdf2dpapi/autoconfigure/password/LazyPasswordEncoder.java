package io.github.pbkdf2dpapi.autoconfigure.password;

import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.function.SingletonSupplier;

/**
 * A {@link PasswordEncoder} whose delegate is built on first use, once, by any thread: the
 * auto-configured {@code DelegatingPasswordEncoder} with its table of legacy encoders (Spring
 * Security's standard encoders, the digest and ASP.NET formats, bcrypt) costs class loading and
 * JCE look-ups that an application otherwise pays at its first login, not at start-up. Everything
 * that can be misconfigured (the encoder of new passwords, the migration options) is built and
 * validated before this wrapper is created, so deferring the table defers no failure.
 *
 * @author pbkdf2-dpapi
 */
final class LazyPasswordEncoder implements PasswordEncoder {

	private final SingletonSupplier<PasswordEncoder> delegate;

	private volatile boolean initialized;

	/**
	 * Create an encoder whose delegate comes from the given factory, called once on first use.
	 * @param factory the factory of the delegate, which must not return {@code null}
	 */
	LazyPasswordEncoder(Supplier<? extends PasswordEncoder> factory) {
		this.delegate = SingletonSupplier.of(() -> {
			PasswordEncoder encoder = factory.get();
			this.initialized = (encoder != null);
			return encoder;
		});
	}

	private PasswordEncoder delegate() {
		// Spring's memoising supplier: built once under a lock, then read without one.
		return this.delegate.obtain();
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate().encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return delegate().matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate().upgradeEncoding(encodedPassword);
	}

	/**
	 * Whether the delegate has been built.
	 * @return whether it exists
	 */
	boolean isInitialized() {
		return this.initialized;
	}

	@Override
	public String toString() {
		return "LazyPasswordEncoder";
	}

}
