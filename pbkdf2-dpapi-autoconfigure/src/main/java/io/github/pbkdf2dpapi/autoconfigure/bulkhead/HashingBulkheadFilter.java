package io.github.pbkdf2dpapi.autoconfigure.bulkhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.pbkdf2dpapi.bulkhead.HashingBulkheadFullException;

/**
 * A servlet {@link Filter}, ordered before Spring Security's filter chain, that answers a login
 * refused by the hashing bulkhead with {@code 503 Service Unavailable} and {@code Retry-After}
 * instead of a 500 or a redirect to the login error page. Spring Security lets the
 * {@link HashingBulkheadFullException} through, as it is not an authentication failure: form login
 * and HTTP Basic both end up here, and no failed login is counted.
 *
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public class HashingBulkheadFilter implements Filter {

	private static final Log logger = LogFactory.getLog(HashingBulkheadFilter.class);

	static final String BODY = "Service temporarily unavailable, please try again shortly.";

	private final String retryAfterSeconds;

	/**
	 * Create a new filter.
	 * @param retryAfter the value of the {@code Retry-After} header, rounded up to seconds
	 */
	public HashingBulkheadFilter(Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		this.retryAfterSeconds = Long.toString(seconds);
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			HashingBulkheadFullException full = HashingBulkheadFullException.find(ex);
			if (full == null || response.isCommitted() || !(response instanceof HttpServletResponse http)) {
				throw ex;
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Answered 503: " + full.getMessage());
			}
			http.reset();
			http.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			http.setHeader("Retry-After", this.retryAfterSeconds);
			http.setHeader("Cache-Control", "no-store");
			http.setContentType("text/plain;charset=UTF-8");
			http.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
		}
	}

}
