package io.github.pbkdf2dpapi.autoconfigure.password;

import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

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

	private final Supplier<? extends PasswordEncoder> factory;

	private volatile PasswordEncoder delegate;

	/**
	 * Create an encoder whose delegate comes from the given factory, called once on first use.
	 * @param factory the factory of the delegate, which must not return {@code null}
	 */
	LazyPasswordEncoder(Supplier<? extends PasswordEncoder> factory) {
		this.factory = factory;
	}

	private PasswordEncoder delegate() {
		PasswordEncoder encoder = this.delegate;
		if (encoder == null) {
			synchronized (this) {
				encoder = this.delegate;
				if (encoder == null) {
					encoder = this.factory.get();
					if (encoder == null) {
						throw new IllegalStateException("The password encoder factory returned null");
					}
					this.delegate = encoder;
				}
			}
		}
		return encoder;
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
		return this.delegate != null;
	}

	@Override
	public String toString() {
		return "LazyPasswordEncoder";
	}

}
