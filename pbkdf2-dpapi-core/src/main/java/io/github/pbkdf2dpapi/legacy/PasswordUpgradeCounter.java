package io.github.pbkdf2dpapi.legacy;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link PasswordUpgradeListener} that counts upgrades per format, in memory.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class PasswordUpgradeCounter implements PasswordUpgradeListener {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	@Override
	public void upgraded(String fromFormat) {
		this.counts.computeIfAbsent(fromFormat, (key) -> new LongAdder()).increment();
	}

	/**
	 * The counts so far.
	 * @return format to count, sorted by format
	 */
	public Map<String, Long> counts() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((format, count) -> snapshot.put(format, count.sum()));
		return snapshot;
	}

	/**
	 * The count for one format.
	 * @param format the format
	 * @return how many logins upgraded from it
	 */
	public long count(String format) {
		LongAdder adder = this.counts.get(format);
		return (adder != null) ? adder.sum() : 0;
	}

	@Override
	public String toString() {
		return "PasswordUpgradeCounter" + counts();
	}

}
