package io.github.pbkdf2dpapi.autoconfigure.lockout;

import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;

/**
 * Reads the client address of an authentication request from its details
 * ({@code WebAuthenticationDetails.getRemoteAddress()}, which is
 * {@code HttpServletRequest.getRemoteAddr()}). Behind a proxy that address is the proxy's unless
 * the application trusts its proxies through Spring's forwarded-header support
 * ({@code server.forward-headers-strategy}), which rewrites it from {@code X-Forwarded-For}.
 */
final class ClientAddresses {

	private static final boolean WEB_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.web.authentication.WebAuthenticationDetails",
			ClientAddresses.class.getClassLoader());

	private ClientAddresses() {
	}

	static String of(Authentication authentication) {
		if (WEB_PRESENT && authentication != null) {
			return WebDetails.remoteAddress(authentication.getDetails());
		}
		return null;
	}

	private static final class WebDetails {

		static String remoteAddress(Object details) {
			if (details instanceof org.springframework.security.web.authentication.WebAuthenticationDetails web) {
				return web.getRemoteAddress();
			}
			return null;
		}

	}

}
