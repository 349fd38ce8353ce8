package io.github.pbkdf2dpapi.autoconfigure.password;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.github.pbkdf2dpapi.password.PasswordNormalization;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Pbkdf2DpapiPasswordProperties}.
 */
class Pbkdf2DpapiPasswordPropertiesTests {

	@Test
	void bindWhenRelaxedNamesThenBound() {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
				"pbkdf2-dpapi.password.algorithm", "SHA512", "pbkdf2-dpapi.password.iterations", "300000",
				"pbkdf2-dpapi.password.salt-length", "32", "pbkdf2-dpapi.password.normalization", "none",
				"pbkdf2-dpapi.password.max-length", "256", "pbkdf2-dpapi.password.allow-weak-parameters", "true",
				"pbkdf2-dpapi.password.pepper.current", "p2", "pbkdf2-dpapi.password.pepper.secrets.p1", "a",
				"pbkdf2-dpapi.password.pepper.secrets.p2", "b"));
		Pbkdf2DpapiPasswordProperties properties = new Binder(source)
			.bind("pbkdf2-dpapi.password", Pbkdf2DpapiPasswordProperties.class)
			.get();
		assertThat(properties.getAlgorithm()).isEqualTo(Pbkdf2DpapiPasswordProperties.Algorithm.SHA512);
		assertThat(properties.getIterations()).isEqualTo(300000);
		assertThat(properties.getSaltLength()).isEqualTo(32);
		assertThat(properties.getNormalization()).isEqualTo(PasswordNormalization.NONE);
		assertThat(properties.getMaxLength()).isEqualTo(256);
		assertThat(properties.isAllowWeakParameters()).isTrue();
		assertThat(properties.getPepper().getCurrent()).isEqualTo("p2");
		assertThat(properties.getPepper().getSecrets()).containsOnlyKeys("p1", "p2");
	}

	@Test
	void defaultsAreSafe() {
		Pbkdf2DpapiPasswordProperties properties = new Pbkdf2DpapiPasswordProperties();
		assertThat(properties.getAlgorithm()).isEqualTo(Pbkdf2DpapiPasswordProperties.Algorithm.SHA256);
		assertThat(properties.getIterations()).isNull();
		assertThat(properties.getSaltLength()).isEqualTo(16);
		assertThat(properties.getNormalization()).isEqualTo(PasswordNormalization.NFKC);
		assertThat(properties.getMaxLength()).isEqualTo(1024);
		assertThat(properties.isAllowWeakParameters()).isFalse();
		assertThat(properties.toString()).doesNotContain("secrets");
	}

}
