package io.github.pbkdf2dpapi.autoconfigure.bulkhead;

import java.time.Duration;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.github.pbkdf2dpapi.bulkhead.HashingBulkheadFullException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link HashingBulkheadFilter}.
 */
class HashingBulkheadFilterTests {

	private final HashingBulkheadFilter filter = new HashingBulkheadFilter(Duration.ofMillis(1500));

	@Test
	void doFilterWhenBulkheadFullThen503WithRetryAfter() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader("X-Partial", "dropped");
		this.filter.doFilter(new MockHttpServletRequest(), response, (req, res) -> {
			throw new HashingBulkheadFullException(2, Duration.ofSeconds(2), null);
		});
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(response.getHeader("X-Partial")).isNull();
		assertThat(response.getContentAsString()).isEqualTo(HashingBulkheadFilter.BODY);
	}

	@Test
	void doFilterWhenWrappedInServletExceptionThen503() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest(), response, (req, res) -> {
			throw new ServletException(new HashingBulkheadFullException(2, Duration.ofSeconds(2), null));
		});
		assertThat(response.getStatus()).isEqualTo(503);
	}

	@Test
	void doFilterWhenOtherExceptionThenRethrown() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
					(req, res) -> {
						throw new IllegalStateException("other");
					}));
	}

	@Test
	void doFilterWhenNoExceptionThenUntouched() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest(), response, (req, res) -> res.getWriter().write("ok"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("ok");
	}

}
