package io.github.pbkdf2dpapi.protect;

import java.util.List;

/**
 * A {@link SecretProtector} with named keys (a key ring) that can describe them, for health
 * checks and the actuator endpoint. Optional: protectors without keys (none, DPAPI) do not
 * implement it.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public interface KeyedSecretProtector extends SecretProtector {

	/**
	 * Describes the keys: ids and dates, never key material.
	 * @return the keys, in any order
	 */
	List<ProtectorKeyInfo> keys();

}
