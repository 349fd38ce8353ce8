package io.github.pbkdf2dpapi.password;

/**
 * Exception thrown when a {@link Pbkdf2DpapiPasswordEncoder} or {@link PepperRing} is built with a
 * setting that is invalid or unsafe. {@link #getSetting()} names the setting in the same words as
 * the configuration property under {@code pbkdf2-dpapi.password.} (for example
 * {@code iterations} or {@code pepper.current}); the message never contains a secret.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class InvalidEncoderSettingException extends IllegalArgumentException {

	private final String setting;

	private final String reason;

	private final String action;

	/**
	 * Create a new exception.
	 * @param setting the setting's name, relative to {@code pbkdf2-dpapi.password.}
	 * @param reason what is wrong
	 * @param action what to change, as an imperative sentence
	 */
	public InvalidEncoderSettingException(String setting, String reason, String action) {
		super("Invalid password encoder setting '" + setting + "': " + reason);
		this.setting = setting;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * The setting's name, relative to {@code pbkdf2-dpapi.password.}.
	 * @return the setting
	 */
	public String getSetting() {
		return this.setting;
	}

	/**
	 * What is wrong, without the setting's name.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * What to change.
	 * @return the suggested action
	 */
	public String getAction() {
		return this.action;
	}

}
