package io.github.pbkdf2dpapi.protect;

import java.time.Instant;

/**
 * What may be shown about a key of a {@link KeyedSecretProtector}: its id, its dates and flags.
 * Never the key material.
 *
 * @param id the key id, as written into envelope tags
 * @param created when the key was created, or {@code null} if unknown
 * @param activates from when it protects new data, or {@code null} if from creation
 * @param expires from when it no longer protects new data (it still decrypts), or {@code null}
 * if never
 * @param revoked whether the key is revoked (data under it is treated as tampered with)
 * @param primary whether the key protects new data now
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record ProtectorKeyInfo(String id, Instant created, Instant activates, Instant expires, boolean revoked,
		boolean primary) {

	/**
	 * Whether the key expires before {@code instant}.
	 * @param instant the instant
	 * @return {@code true} if the key has an expiry before {@code instant}
	 */
	public boolean expiresBefore(Instant instant) {
		return this.expires != null && this.expires.isBefore(instant);
	}

}
