package io.github.pbkdf2dpapi.legacy;

/**
 * Where a legacy system put its salt relative to the password before digesting them.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public enum SaltPosition {

	/** No salt: {@code digest(password)}. */
	NONE(""),

	/** {@code digest(salt + password)}. */
	BEFORE("-salt-before"),

	/** {@code digest(password + salt)}. */
	AFTER("-salt-after");

	private final String suffix;

	SaltPosition(String suffix) {
		this.suffix = suffix;
	}

	/**
	 * The suffix this position adds to a format name.
	 * @return {@code ""}, {@code -salt-before} or {@code -salt-after}
	 */
	public String suffix() {
		return this.suffix;
	}

}
