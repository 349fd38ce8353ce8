package io.github.pbkdf2dpapi.autoconfigure.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

import io.github.pbkdf2dpapi.bulkhead.HashingBulkhead;

/**
 * Records the wait of every call for a hashing slot and counts the rejections.
 */
final class HashingBulkheadMetrics implements HashingBulkhead.Listener {

	private final Supplier<MeterRegistry> registry;

	HashingBulkheadMetrics(Supplier<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void acquired(Duration waited) {
		this.registry.get().timer(Pbkdf2DpapiMeters.BULKHEAD_WAIT, "outcome", "acquired").record(waited);
	}

	@Override
	public void rejected(Duration waited) {
		MeterRegistry meters = this.registry.get();
		meters.timer(Pbkdf2DpapiMeters.BULKHEAD_WAIT, "outcome", "rejected").record(waited);
		meters.counter(Pbkdf2DpapiMeters.BULKHEAD_REJECTED).increment();
	}

}
