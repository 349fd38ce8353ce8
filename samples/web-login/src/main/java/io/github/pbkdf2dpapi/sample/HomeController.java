package io.github.pbkdf2dpapi.sample;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows who is signed in.
 */
@RestController
class HomeController {

	@GetMapping("/")
	String home(Principal principal) {
		return "Signed in as " + principal.getName();
	}

}
