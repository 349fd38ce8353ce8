package io.github.pbkdf2dpapi.autoconfigure.lockout;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;

/**
 * A fast {@link Pbkdf2DpapiPasswordEncoder} that counts how often it hashes to verify.
 */
final class CountingPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate = Pbkdf2DpapiPasswordEncoder.builder()
		.iterations(1000)
		.allowWeakParameters(true)
		.build();

	private final AtomicInteger matches = new AtomicInteger();

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		this.matches.incrementAndGet();
		return this.delegate.matches(rawPassword, encodedPassword);
	}

	int matchesCalls() {
		return this.matches.get();
	}

}
