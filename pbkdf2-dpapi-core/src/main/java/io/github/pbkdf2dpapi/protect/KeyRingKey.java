package io.github.pbkdf2dpapi.protect;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The metadata of one key of a key ring: its id and lifecycle. The key material is never exposed.
 *
 * <p>
 * Lifecycle (the habit of ASP.NET Core Data Protection): a key is <em>pending</em> before its
 * activation, <em>active</em> from its activation until its expiration, <em>expired</em> after
 * it. Active keys may protect new data; the primary key is the newest active one. Expired keys
 * still unprotect. A <em>revoked</em> key does neither: data protected with it is treated as
 * tampered with.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public final class KeyRingKey {

	/** The only algorithm of this version: AES-256 in GCM mode, 96-bit nonce, 128-bit tag. */
	public static final String ALGORITHM = "AES-256-GCM";

	/** Orders keys from oldest to newest: by activation, then creation, then id. */
	static final Comparator<KeyRingKey> OLDEST_FIRST = Comparator.comparing(KeyRingKey::activation)
		.thenComparing(KeyRingKey::created)
		.thenComparing(KeyRingKey::id);

	private final String id;

	private final Instant created;

	private final Instant activation;

	private final Instant expiration;

	private final Instant revocation;

	private final String protection;

	KeyRingKey(String id, Instant created, Instant activation, Instant expiration, Instant revocation,
			String protection) {
		this.id = id;
		this.created = created;
		this.activation = activation;
		this.expiration = expiration;
		this.revocation = revocation;
		this.protection = protection;
	}

	/**
	 * The key id, written into every ciphertext and into envelope tags ({@code kr:<id>}).
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * When the key was created.
	 * @return the creation time
	 */
	public Instant created() {
		return this.created;
	}

	/**
	 * From when the key may protect new data.
	 * @return the activation time
	 */
	public Instant activation() {
		return this.activation;
	}

	/**
	 * From when the key no longer protects new data (it still unprotects).
	 * @return the expiration time, or empty if the key never expires
	 */
	public Optional<Instant> expiration() {
		return Optional.ofNullable(this.expiration);
	}

	/**
	 * When the key was revoked.
	 * @return the revocation time, or empty if the key is not revoked
	 */
	public Optional<Instant> revocation() {
		return Optional.ofNullable(this.revocation);
	}

	/**
	 * How the key material is protected at rest: {@code master-key:<fingerprint>},
	 * {@code dpapi-cu}, {@code dpapi-lm} or {@code plain}.
	 * @return the protection
	 */
	public String protection() {
		return this.protection;
	}

	/**
	 * The algorithm, always {@value #ALGORITHM}.
	 * @return the algorithm
	 */
	public String algorithm() {
		return ALGORITHM;
	}

	/**
	 * Whether the key was revoked.
	 * @return whether the key is revoked
	 */
	public boolean isRevoked() {
		return this.revocation != null;
	}

	/**
	 * Whether the key may protect new data at {@code now}.
	 * @param now the time of the decision
	 * @return whether the key is active
	 */
	public boolean isActive(Instant now) {
		return !isRevoked() && !this.activation.isAfter(now) && !isExpired(now);
	}

	/**
	 * Whether the key has expired at {@code now}.
	 * @param now the time of the decision
	 * @return whether the key is expired
	 */
	public boolean isExpired(Instant now) {
		return this.expiration != null && !now.isBefore(this.expiration);
	}

	/**
	 * The state of the key at {@code now}, for display: {@code revoked}, {@code pending},
	 * {@code expired} or {@code active}.
	 * @param now the time of the decision
	 * @return the state
	 */
	public String state(Instant now) {
		if (isRevoked()) {
			return "revoked";
		}
		if (this.activation.isAfter(now)) {
			return "pending";
		}
		return isExpired(now) ? "expired" : "active";
	}

	KeyRingKey withRevocation(Instant revocation) {
		return new KeyRingKey(this.id, this.created, this.activation, this.expiration, revocation, this.protection);
	}

	KeyRingKey withProtection(String protection) {
		return new KeyRingKey(this.id, this.created, this.activation, this.expiration, this.revocation, protection);
	}

	@Override
	public boolean equals(Object obj) {
		if (this == obj) {
			return true;
		}
		if (!(obj instanceof KeyRingKey)) {
			return false;
		}
		KeyRingKey other = (KeyRingKey) obj;
		return this.id.equals(other.id) && this.created.equals(other.created)
				&& this.activation.equals(other.activation) && Objects.equals(this.expiration, other.expiration)
				&& Objects.equals(this.revocation, other.revocation)
				&& this.protection.equals(other.protection);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "KeyRingKey[id=" + this.id + ", created=" + this.created + ", activation=" + this.activation
				+ ", expiration=" + this.expiration + ", revoked=" + this.revocation + ", protection="
				+ this.protection + "]";
	}

}
