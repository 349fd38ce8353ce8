package io.github.pbkdf2dpapi.autoconfigure.password;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidPbkdf2DpapiPropertyFailureAnalyzer}.
 */
class InvalidPbkdf2DpapiPropertyFailureAnalyzerTests {

	@Test
	void analyzeThenNamesPropertyOriginReasonAndAction() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources().addFirst(new OriginCapablePropertySource(
				Map.of("pbkdf2-dpapi.password.pepper.secrets.p1", "dGhlLXNlY3JldC12YWx1ZQ==")));
		InvalidPbkdf2DpapiPropertyException failure = new InvalidPbkdf2DpapiPropertyException(
				"pbkdf2-dpapi.password.pepper.secrets.p1", "the pepper is shorter than 32 bytes", "Generate a longer one.");
		FailureAnalysis analysis = new InvalidPbkdf2DpapiPropertyFailureAnalyzer(environment).analyze(failure);
		assertThat(analysis.getDescription()).contains("Property: pbkdf2-dpapi.password.pepper.secrets.p1")
			.contains("Origin: \"pbkdf2-dpapi.password.pepper.secrets.p1\" from property source \"test\"")
			.contains("Reason: the pepper is shorter than 32 bytes")
			.doesNotContain("dGhlLXNlY3JldC12YWx1ZQ==");
		assertThat(analysis.getAction()).isEqualTo("Generate a longer one.");
		assertThat(analysis.getCause()).isSameAs(failure);
	}

	@Test
	void analyzeWhenPropertyNotInEnvironmentThenNoOrigin() {
		InvalidPbkdf2DpapiPropertyException failure = new InvalidPbkdf2DpapiPropertyException(
				"pbkdf2-dpapi.password.pepper.current", "missing", "Set it.");
		FailureAnalysis analysis = new InvalidPbkdf2DpapiPropertyFailureAnalyzer(new MockEnvironment()).analyze(failure);
		assertThat(analysis.getDescription()).contains("Property: pbkdf2-dpapi.password.pepper.current")
			.doesNotContain("Origin:");
	}

	static class OriginCapablePropertySource extends EnumerablePropertySource<Map<String, String>>
			implements OriginLookup<String> {

		OriginCapablePropertySource(Map<String, String> source) {
			super("test", source);
		}

		@Override
		public String[] getPropertyNames() {
			return getSource().keySet().toArray(String[]::new);
		}

		@Override
		public Object getProperty(String name) {
			return getSource().get(name);
		}

		@Override
		public Origin getOrigin(String name) {
			return new Origin() {
				@Override
				public String toString() {
					return "\"" + name + "\" from property source \"test\"";
				}
			};
		}

	}

}
