package io.github.pbkdf2dpapi.autoconfigure.password;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Callback that wraps the auto-configured {@link PasswordEncoder} before it becomes a bean, for
 * example in a bulkhead or with metrics. Decorators are applied in {@link org.springframework.core.annotation.Order
 * order}: the first one wraps the {@code DelegatingPasswordEncoder}, the last one is outermost.
 * The hashing bulkhead uses order {@code 0}, metrics {@code 100}.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@FunctionalInterface
public interface Pbkdf2DpapiPasswordEncoderDecorator {

	/**
	 * Wraps the encoder.
	 * @param encoder the encoder built so far
	 * @return the encoder to use instead (or {@code encoder} itself)
	 */
	PasswordEncoder decorate(PasswordEncoder encoder);

}
