package io.github.pbkdf2dpapi.autoconfigure.password;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlainSecretPropertiesCheck}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlainSecretPropertiesCheckTests {

	private static final String PEPPER = "c2VjcmV0LXBlcHBlci12YWx1ZS0wMTIzNDU2Nzg5YWJjZGVm";

	@Test
	void warningsWhenPlainValuesInFileThenNamedWithFileAndLineWithoutValue(CapturedOutput output) throws Exception {
		StandardEnvironment environment = environmentWithYaml();
		List<String> warnings = PlainSecretPropertiesCheck.warnings(environment);
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0)).contains("pbkdf2-dpapi.password.pepper.secrets.p1")
			.contains("plain-secrets.yml")
			.contains("6:13");
		assertThat(warnings.get(1)).contains("pbkdf2-dpapi.envelope.aes-gcm.key").contains("11:12");
		new PlainSecretPropertiesCheck(environment).afterSingletonsInstantiated();
		assertThat(output).contains("is written as a plain value").doesNotContain(PEPPER).doesNotContain("a2V5");
	}

	@Test
	void warningsWhenValuesFromEnvironmentOrCommandLineThenNone() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLineArgs",
					Map.of("pbkdf2-dpapi.password.pepper.secrets.p1", PEPPER)));
		assertThat(PlainSecretPropertiesCheck.warnings(environment)).isEmpty();
	}

	@Test
	void warningsWhenFileSourceWrappedThenLookedThrough() throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		PropertySource<?> yaml = loadYaml().get(0);
		environment.getPropertySources().addFirst(new PropertySource<PropertySource<?>>("decrypting", yaml) {

			@Override
			public Object getProperty(String name) {
				return "decrypted";
			}

		});
		assertThat(PlainSecretPropertiesCheck.warnings(environment)).hasSize(2);
	}

	private static StandardEnvironment environmentWithYaml() throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		loadYaml().forEach(environment.getPropertySources()::addLast);
		return environment;
	}

	private static List<PropertySource<?>> loadYaml() throws Exception {
		return new YamlPropertySourceLoader().load("plain-secrets",
				new ClassPathResource("io/github/pbkdf2dpapi/autoconfigure/password/plain-secrets.yml"));
	}

}
