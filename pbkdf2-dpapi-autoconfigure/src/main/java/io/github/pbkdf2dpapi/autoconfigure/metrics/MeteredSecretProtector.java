package io.github.pbkdf2dpapi.autoconfigure.metrics;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

import io.github.pbkdf2dpapi.protect.ProtectorException;
import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * A {@link SecretProtector} decorator that counts failures by operation and reason.
 */
final class MeteredSecretProtector implements SecretProtector {

	private final SecretProtector delegate;

	private final Supplier<MeterRegistry> registry;

	MeteredSecretProtector(SecretProtector delegate, Supplier<MeterRegistry> registry) {
		this.delegate = delegate;
		this.registry = registry;
	}

	@Override
	public String scheme() {
		return this.delegate.scheme();
	}

	@Override
	public String currentEnvelope() {
		return this.delegate.currentEnvelope();
	}

	@Override
	public byte[] protect(String envelope, byte[] plaintext, byte[] associatedData) {
		try {
			return this.delegate.protect(envelope, plaintext, associatedData);
		}
		catch (ProtectorException ex) {
			count("protect", ex);
			throw ex;
		}
	}

	@Override
	public byte[] unprotect(String envelope, byte[] ciphertext, byte[] associatedData) {
		try {
			return this.delegate.unprotect(envelope, ciphertext, associatedData);
		}
		catch (ProtectorException ex) {
			count("unprotect", ex);
			throw ex;
		}
	}

	@Override
	public boolean isOutdated(String envelope) {
		return this.delegate.isOutdated(envelope);
	}

	private void count(String operation, ProtectorException ex) {
		String reason = (ex.getReason() != null) ? ex.getReason().name().toLowerCase(Locale.ROOT) : "unknown";
		this.registry.get()
			.counter(Pbkdf2DpapiMeters.ENVELOPE_FAILURES, "operation", operation, "reason", reason)
			.increment();
	}

	SecretProtector getDelegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
