package io.github.pbkdf2dpapi.autoconfigure.env;

import org.springframework.core.env.PropertySource;

/**
 * A property source that wraps another one (for example to decrypt {@code ENC(...)} values) and
 * can hand out the original, so that checks of the raw configuration text (such as the warning
 * about secrets written as plain values) see what the file says.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public interface WrappingPropertySource {

	/**
	 * The wrapped property source.
	 * @return the original source
	 */
	PropertySource<?> getOriginal();

	/**
	 * The innermost original of a property source: itself unless it wraps another.
	 * @param source a property source
	 * @return the original source
	 */
	static PropertySource<?> unwrap(PropertySource<?> source) {
		PropertySource<?> current = source;
		for (int depth = 0; depth < 8; depth++) {
			if (current instanceof WrappingPropertySource wrapping) {
				current = wrapping.getOriginal();
			}
			else if (current.getSource() instanceof PropertySource<?> inner) {
				current = inner;
			}
			else {
				break;
			}
		}
		return current;
	}

}
