package io.github.pbkdf2dpapi.autoconfigure.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.bulkhead.HashingBulkheadFullException;

/**
 * A {@link PasswordEncoder} decorator that times {@code encode} and {@code matches} by outcome and
 * stored format, and counts records due for an upgrade. The format tag is the {@code {id}} prefix
 * of the stored value (never the value); at most {@value #MAX_FORMATS} distinct ids are tagged,
 * later ones become {@code other}.
 */
final class MeteredPasswordEncoder implements PasswordEncoder {

	static final int MAX_FORMATS = 32;

	private static final Pattern FORMAT_ID = Pattern.compile("[A-Za-z0-9@._-]{1,40}");

	private final PasswordEncoder delegate;

	private final Supplier<MeterRegistry> registry;

	private final String defaultFormat;

	private final Set<String> formats = ConcurrentHashMap.newKeySet();

	MeteredPasswordEncoder(PasswordEncoder delegate, Supplier<MeterRegistry> registry, String defaultFormat) {
		this.delegate = delegate;
		this.registry = registry;
		this.defaultFormat = defaultFormat;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		MeterRegistry meters = this.registry.get();
		Timer.Sample sample = Timer.start(meters);
		String outcome = "error";
		try {
			String encoded = this.delegate.encode(rawPassword);
			outcome = "success";
			return encoded;
		}
		catch (HashingBulkheadFullException ex) {
			outcome = "rejected";
			throw ex;
		}
		finally {
			sample.stop(meters.timer(Pbkdf2DpapiMeters.ENCODE, "outcome", outcome, "format", this.defaultFormat));
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		MeterRegistry meters = this.registry.get();
		Timer.Sample sample = Timer.start(meters);
		String outcome = "error";
		try {
			boolean matched = this.delegate.matches(rawPassword, encodedPassword);
			outcome = matched ? "match" : "mismatch";
			return matched;
		}
		catch (HashingBulkheadFullException ex) {
			outcome = "rejected";
			throw ex;
		}
		finally {
			sample.stop(meters.timer(Pbkdf2DpapiMeters.MATCHES, "outcome", outcome, "format", format(encodedPassword)));
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		boolean upgrade = this.delegate.upgradeEncoding(encodedPassword);
		if (upgrade) {
			this.registry.get().counter(Pbkdf2DpapiMeters.UPGRADES, "from", format(encodedPassword)).increment();
		}
		return upgrade;
	}

	/**
	 * The {@code {id}} prefix of a stored value, {@code none} without one, {@code other} for an
	 * implausible id or beyond {@value #MAX_FORMATS} distinct ids.
	 */
	String format(String encodedPassword) {
		if (encodedPassword == null || !encodedPassword.startsWith("{")) {
			return "none";
		}
		int end = encodedPassword.indexOf('}');
		if (end < 0) {
			return "none";
		}
		String id = encodedPassword.substring(1, end);
		if (!FORMAT_ID.matcher(id).matches()) {
			return "other";
		}
		if (this.formats.contains(id)) {
			return id;
		}
		if (this.formats.size() >= MAX_FORMATS) {
			return "other";
		}
		this.formats.add(id);
		return id;
	}

	PasswordEncoder getDelegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "MeteredPasswordEncoder[" + this.delegate + "]";
	}

}
