package io.github.pbkdf2dpapi.pbkdf2;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test engine that counts its calls and delegates to the Java engine.
 */
public final class CountingPbkdf2Engine implements Pbkdf2Engine {

	private final AtomicInteger calls = new AtomicInteger();

	@Override
	public byte[] derive(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length) {
		this.calls.incrementAndGet();
		return Pbkdf2.derive(prf, password, salt, iterations, length);
	}

	@Override
	public String name() {
		return "counting";
	}

	public int calls() {
		return this.calls.get();
	}

}
