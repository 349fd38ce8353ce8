package io.github.pbkdf2dpapi.sample;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-in page, home page, registration and password change. Passwords are only ever handed to
 * the {@link PasswordEncoder} and the {@link AuthenticationManager}; nothing here logs them.
 */
@Controller
class AccountController {

	/** Shortest accepted new password (NIST SP 800-63B: at least 8; we ask for passphrases). */
	static final int MIN_PASSWORD_LENGTH = 12;

	/** Longest accepted new password: the encoder's {@code pbkdf2-dpapi.password.max-length}. */
	static final int MAX_PASSWORD_LENGTH = 1024;

	static final String WRONG_CURRENT_PASSWORD = "The current password is not correct.";

	private final JdbcUserDetailsManager users;

	private final PasswordEncoder passwordEncoder;

	private final AuthenticationConfiguration authentication;

	private final WebAuthenticationDetailsSource detailsSource = new WebAuthenticationDetailsSource();

	AccountController(JdbcUserDetailsManager users, PasswordEncoder passwordEncoder,
			AuthenticationConfiguration authentication) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.authentication = authentication;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(Principal principal, Model model) {
		UserDetails user = this.users.loadUserByUsername(principal.getName());
		model.addAttribute("username", user.getUsername());
		model.addAttribute("roles", user.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
		model.addAttribute("format", StoredPasswordFormat.describe(user.getPassword()));
		return "home";
	}

	@GetMapping("/register")
	String registerForm() {
		return "register";
	}

	@PostMapping("/register")
	String register(@RequestParam String username, @RequestParam String password,
			@RequestParam String confirmPassword, Model model, RedirectAttributes redirect) {
		String problem = checkNewPassword(password, confirmPassword);
		if (!username.matches("[A-Za-z0-9_.-]{3,40}")) {
			problem = "Choose a username of 3 to 40 letters, digits, '.', '_' or '-'.";
		}
		else if (problem == null && this.users.userExists(username)) {
			problem = "That username is taken.";
		}
		if (problem != null) {
			model.addAttribute("error", problem);
			model.addAttribute("username", username);
			return "register";
		}
		this.users.createUser(
				User.withUsername(username).password(this.passwordEncoder.encode(password)).roles("USER").build());
		redirect.addAttribute("registered", "");
		return "redirect:/login";
	}

	@GetMapping("/password")
	String passwordForm() {
		return "password";
	}

	@PostMapping("/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Principal principal, HttpServletRequest request, Model model,
			RedirectAttributes redirect) throws Exception {
		String problem = checkNewPassword(newPassword, confirmPassword);
		if (problem == null && !reauthenticate(principal.getName(), currentPassword, request)) {
			problem = WRONG_CURRENT_PASSWORD;
		}
		if (problem != null) {
			model.addAttribute("error", problem);
			return "password";
		}
		// The current password was checked above; JdbcUserDetailsManager only re-checks it itself
		// when it is given an AuthenticationManager.
		this.users.changePassword(currentPassword, this.passwordEncoder.encode(newPassword));
		redirect.addFlashAttribute("message", "Your password was changed.");
		return "redirect:/";
	}

	/**
	 * Checks the current password through the application's {@link AuthenticationManager}, the
	 * same path as the login form: a locked account is refused without hashing, and a wrong
	 * password counts as a failed login, so this form cannot be used to guess passwords either.
	 */
	private boolean reauthenticate(String username, String password, HttpServletRequest request) throws Exception {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		token.setDetails(this.detailsSource.buildDetails(request));
		try {
			this.authentication.getAuthenticationManager().authenticate(token);
			return true;
		}
		catch (AuthenticationException ex) {
			return false;
		}
	}

	private static String checkNewPassword(String password, String confirmation) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			return "Use at least " + MIN_PASSWORD_LENGTH + " characters: a few words make a good passphrase.";
		}
		if (password.length() > MAX_PASSWORD_LENGTH) {
			return "Use at most " + MAX_PASSWORD_LENGTH + " characters.";
		}
		if (!password.equals(confirmation)) {
			return "The two passwords do not match.";
		}
		return null;
	}

}
