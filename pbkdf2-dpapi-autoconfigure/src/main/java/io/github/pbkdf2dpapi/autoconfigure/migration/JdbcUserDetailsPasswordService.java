package io.github.pbkdf2dpapi.autoconfigure.migration;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;

import io.github.pbkdf2dpapi.legacy.JdbcUserPasswordUpdater;

/**
 * A {@link UserDetailsPasswordService} that stores the password Spring Security re-hashed at a
 * successful login (a legacy or outdated hash upgraded to {@code {pbkdf2-dpapi}}) in a JDBC table
 * of any shape, through {@link JdbcUserPasswordUpdater}. The update is a compare-and-set on the
 * old value by default, so a password changed meanwhile in another session is kept.
 *
 * <p>
 * {@code JdbcUserDetailsManager} already implements {@code UserDetailsPasswordService} for Spring
 * Security's default schema; use this class when users live in a table of your own. For JPA,
 * implement {@code UserDetailsPasswordService} on your repository-backed service (see
 * {@code docs/MIGRATION.md}).
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class JdbcUserDetailsPasswordService implements UserDetailsPasswordService {

	private final JdbcUserPasswordUpdater updater;

	/**
	 * Create a new instance.
	 * @param updater the updater of the user table
	 */
	public JdbcUserDetailsPasswordService(JdbcUserPasswordUpdater updater) {
		this.updater = updater;
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		this.updater.updatePassword(user.getUsername(), user.getPassword(), newPassword);
		return User.withUserDetails(user).password(newPassword).build();
	}

}
