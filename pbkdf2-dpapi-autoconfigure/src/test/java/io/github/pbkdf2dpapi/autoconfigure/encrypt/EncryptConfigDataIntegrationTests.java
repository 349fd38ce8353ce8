package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.ActiveProfiles;

import io.github.pbkdf2dpapi.autoconfigure.encrypt.EncryptTestValues.EncRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@code ENC(...)} values in config data: {@code application.yml} and {@code .properties}, a
 * profile document, a profile-specific file and a {@code spring.config.import}ed file, read
 * through the {@code Environment}, {@code @Value}, the {@code Binder} and a
 * {@code @ConfigurationProperties} record.
 */
@SpringBootTest(classes = EncryptTestValues.MinimalApplication.class, properties = "spring.config.name=enc-app")
@ActiveProfiles("prod")
class EncryptConfigDataIntegrationTests {

	@Autowired
	private ConfigurableEnvironment environment;

	@Autowired
	private EncRecord record;

	@Value("${enc.yaml.secret}")
	private String yamlSecret;

	@Test
	void yamlWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.yaml.secret")).isEqualTo("yaml-secret");
		assertThat(this.yamlSecret).isEqualTo("yaml-secret");
		assertThat(Binder.get(this.environment).bind("enc.yaml.secret", String.class).get()).isEqualTo("yaml-secret");
	}

	@Test
	void propertiesWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.properties.secret")).isEqualTo("properties-secret");
	}

	@Test
	void profileDocumentAndProfileFileWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.profile.secret")).isEqualTo("profile-doc-secret");
		assertThat(this.environment.getProperty("enc.profile.file-secret")).isEqualTo("profile-file-secret");
	}

	@Test
	void importedFileWhenEncThenDecrypted() {
		assertThat(this.environment.getProperty("enc.imported.secret")).isEqualTo("imported-secret");
	}

	@Test
	void precedenceWhenMixedThenUnchanged() {
		// enc-app.properties wins over enc-app.yml, whether the winning value is encrypted or not.
		assertThat(this.environment.getProperty("enc.precedence.plain-wins")).isEqualTo("plain-properties");
		assertThat(this.environment.getProperty("enc.precedence.enc-wins")).isEqualTo("from-properties");
	}

	@Test
	void partialLookAlikesThenLeftAlone() {
		assertThat(this.environment.getProperty("enc.partial.open")).isEqualTo("ENC(abc");
		assertThat(this.environment.getProperty("enc.partial.prefixed")).isEqualTo("xENC(abc)");
	}

	@Test
	void boundValueWhenReadUnderItsNameThenDecrypted() {
		assertThat(this.environment.getProperty("enc.bound.password")).isEqualTo("bound-secret");
	}

	@Test
	void configurationPropertiesRecordWhenEncThenBoundDecrypted() {
		assertThat(this.record.apiKey()).isEqualTo("record-api-key");
		assertThat(this.record.endpoints()).containsOnly(entry("primary", "primary-token"),
				entry("secondary", "plain-token"));
		assertThat(this.record.tokens()).containsExactly("token-0", "plain-token-1");
		assertThat(Binder.get(this.environment).bind("enc.record.endpoints", Map.class).get())
			.containsEntry("primary", "primary-token");
		assertThat(Binder.get(this.environment).bind("enc.record.tokens", List.class).get()).contains("token-0");
	}

	@Test
	void originWhenEncThenOriginalFileAndLine() {
		ConfigurationProperty property = find("enc.yaml.secret");
		assertThat(property.getOrigin()).isInstanceOf(PropertySourceOrigin.class);
		assertThat(((PropertySourceOrigin) property.getOrigin()).getOrigin()).isInstanceOf(TextResourceOrigin.class);
		assertThat(property.getOrigin().toString()).contains("enc-app.yml").contains("- 15:");
		assertThat(property.getValue()).isEqualTo("yaml-secret");
		assertThat(find("enc.imported.secret").getOrigin().toString()).contains("encrypt/imported.properties")
			.contains("- 1:");
	}

	@Test
	void propertySourcesWhenWrappedThenKeepNamesAndKinds() {
		assertThat(this.environment.getPropertySources().stream().filter(EncryptableSource.class::isInstance))
			.isNotEmpty()
			.allSatisfy((source) -> assertThat(source.getName())
				.isEqualTo(((EncryptableSource) source).getOriginal().getName()));
		assertThat(this.environment.getPropertySources().get("systemEnvironment"))
			.isInstanceOf(EncryptableSystemEnvironmentPropertySource.class);
	}

	private ConfigurationProperty find(String name) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(ConfigurationPropertyName.of(name));
			if (property != null) {
				return property;
			}
		}
		throw new AssertionError(name + " not found");
	}

}
