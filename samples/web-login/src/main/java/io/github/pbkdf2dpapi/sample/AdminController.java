package io.github.pbkdf2dpapi.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.pbkdf2dpapi.autoconfigure.lockout.AccountUnlockedEvent;
import io.github.pbkdf2dpapi.lockout.LockoutKeys;
import io.github.pbkdf2dpapi.lockout.LockoutState;
import io.github.pbkdf2dpapi.lockout.LoginThrottle;

/**
 * The administrator's page: every user with the format of the stored password (never the hash),
 * current lockouts, and a button that lifts a lock.
 */
@Controller
class AdminController {

	private static final int MAX_LISTED = 200;

	private final JdbcTemplate jdbc;

	private final LoginThrottle loginThrottle;

	private final ApplicationEventPublisher events;

	AdminController(JdbcTemplate jdbc, LoginThrottle loginThrottle, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.loginThrottle = loginThrottle;
		this.events = events;
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		Map<String, LockoutState> locks = new HashMap<>();
		List<LockoutState> lockouts = this.loginThrottle.lockouts(MAX_LISTED);
		lockouts.forEach((state) -> locks.put(state.key(), state));
		// The lockout store holds HMAC keys, never usernames: match each user's key to the locks.
		List<UserRow> rows = this.jdbc.query(
				"SELECT u.username, u.password, u.enabled, (SELECT LISTAGG(a.authority, ', ') WITHIN GROUP (ORDER BY a.authority)"
						+ " FROM authorities a WHERE a.username = u.username) AS roles FROM users u ORDER BY u.username",
				(rs, i) -> {
					String username = rs.getString("username");
					LockoutState lock = locks.remove(this.loginThrottle.getKeys().account(username));
					return new UserRow(username, rs.getString("roles"), rs.getBoolean("enabled"),
							StoredPasswordFormat.describe(rs.getString("password")), lockedUntil(lock));
				});
		List<OtherLock> others = locks.values()
			.stream()
			.map((state) -> new OtherLock(LockoutKeys.abbreviate(state.key()),
					state.key().startsWith(LockoutKeys.ADDRESS_PREFIX) ? "client address" : "account (unknown user)",
					lockedUntil(state)))
			.toList();
		model.addAttribute("users", rows);
		model.addAttribute("otherLocks", others);
		return "admin/users";
	}

	@PostMapping("/admin/unlock")
	String unlock(@RequestParam String username, Authentication admin, RedirectAttributes redirect) {
		boolean unlocked = this.loginThrottle.unlock(username);
		if (unlocked) {
			this.events.publishEvent(new AccountUnlockedEvent(admin, username, this.loginThrottle.getKeys().account(username)));
		}
		redirect.addFlashAttribute("message",
				unlocked ? "Unlocked " + username + "." : username + " had no failed logins to clear.");
		return "redirect:/admin/users";
	}

	private static String lockedUntil(LockoutState lock) {
		if (lock == null || lock.lockedUntil() == 0) {
			return null;
		}
		return lock.isPermanent() ? "permanently" : "until " + Instant.ofEpochMilli(lock.lockedUntil()).truncatedTo(ChronoUnit.SECONDS);
	}

	record UserRow(String username, String roles, boolean enabled, String format, String lockedUntil) {
	}

	record OtherLock(String key, String kind, String lockedUntil) {
	}

}
