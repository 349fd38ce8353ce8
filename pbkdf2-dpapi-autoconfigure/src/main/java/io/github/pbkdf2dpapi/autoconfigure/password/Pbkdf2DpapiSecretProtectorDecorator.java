package io.github.pbkdf2dpapi.autoconfigure.password;

import io.github.pbkdf2dpapi.protect.SecretProtector;

/**
 * Callback that wraps the {@link SecretProtector} the auto-configured password encoder uses for
 * its envelope, for example to count failures. The {@code SecretProtector} bean itself is left as
 * it is. Decorators are applied in {@link org.springframework.core.annotation.Order order}, the
 * last one outermost.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
@FunctionalInterface
public interface Pbkdf2DpapiSecretProtectorDecorator {

	/**
	 * Wraps the protector.
	 * @param protector the protector built so far
	 * @return the protector to use instead (or {@code protector} itself)
	 */
	SecretProtector decorate(SecretProtector protector);

}
