package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.RandomValuePropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.CompositePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySource.StubPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link EncryptablePropertySources}.
 */
class EncryptablePropertySourcesTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	private final MutablePropertySources sources = this.environment.getPropertySources();

	@Test
	void wrapThenKindsNamesAndOrderKept() {
		Map<String, Object> env = new HashMap<>(Map.of("ENC_ENV", EncryptTestValues.ENVIRONMENT));
		this.sources.replace("systemEnvironment", new SystemEnvironmentPropertySource("systemEnvironment", env));
		this.sources.addFirst(keySource());
		this.sources.addLast(new PropertiesPropertySource("props", new Properties()));
		CompositePropertySource composite = new CompositePropertySource("composite");
		composite.addPropertySource(new MapPropertySource("inner", Map.of("enc.c", EncryptTestValues.COMMAND_LINE)));
		this.sources.addLast(composite);
		this.sources.addLast(new PropertySource<Object>("plain", new Object()) {

			@Override
			public Object getProperty(String name) {
				return "enc.plain".equals(name) ? EncryptTestValues.COMMAND_LINE : null;
			}

		});
		List<String> names = this.sources.stream().map(PropertySource::getName).toList();
		List<PropertySource<?>> wrapped = EncryptablePropertySources.wrap(this.sources, resolver());
		assertThat(this.sources.stream().map(PropertySource::getName)).containsExactlyElementsOf(names);
		assertThat(wrapped).hasSize(names.size());
		assertThat(this.sources.get("systemEnvironment")).isInstanceOf(SystemEnvironmentPropertySource.class);
		assertThat(this.sources.get("props")).isInstanceOf(MapPropertySource.class);
		assertThat(this.sources.get("composite")).isInstanceOf(EncryptableEnumerablePropertySource.class);
		assertThat(this.sources.get("plain")).isInstanceOf(EncryptablePropertySource.class);
		assertThat(this.environment.getProperty("enc.env")).isEqualTo("environment-secret");
		assertThat(this.environment.getProperty("enc.c")).isEqualTo("command-line-secret");
		assertThat(this.environment.getProperty("enc.plain")).isEqualTo("command-line-secret");
		assertThat(EncryptablePropertySources.decryptAll(wrapped)).isEqualTo(2);
	}

	@Test
	void wrapTwiceThenNothingMoreWrapped() {
		this.sources.addFirst(keySource());
		EncryptedValueResolver resolver = resolver();
		assertThat(EncryptablePropertySources.wrap(this.sources, resolver)).isNotEmpty();
		assertThat(EncryptablePropertySources.wrap(this.sources, resolver)).isEmpty();
		assertThat(EncryptedValueResolver.get(this.environment)).isSameAs(resolver);
	}

	@Test
	void wrapThenStubsRandomAndAttachedSourceLeftAlone() {
		this.sources.addLast(new StubPropertySource("servletContextInitParams"));
		this.sources.addLast(new RandomValuePropertySource());
		ConfigurationPropertySources.attach(this.environment);
		EncryptablePropertySources.wrap(this.sources, resolver());
		assertThat(this.sources.get("servletContextInitParams")).isInstanceOf(StubPropertySource.class);
		assertThat(this.sources.get("random")).isInstanceOf(RandomValuePropertySource.class);
		assertThat(this.sources.get("configurationProperties")).isNotInstanceOf(EncryptableSource.class);
	}

	@Test
	void wrapWhenOriginTrackedThenOriginAndImmutabilityKept() {
		Origin origin = new Origin() {

			@Override
			public String toString() {
				return "application.yml:3";
			}

		};
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("enc.a", OriginTrackedValue.of(EncryptTestValues.COMMAND_LINE, origin));
		map.put("enc.b", OriginTrackedValue.of("plain", origin));
		this.sources.addLast(new OriginTrackedMapPropertySource("yaml", map, true));
		this.sources.addFirst(keySource());
		EncryptablePropertySources.wrap(this.sources, resolver());
		EncryptableMapPropertySource source = (EncryptableMapPropertySource) this.sources.get("yaml");
		assertThat(source.getProperty("enc.a")).isEqualTo("command-line-secret");
		assertThat(source.getProperty("enc.b")).isEqualTo("plain");
		assertThat(source.getOrigin("enc.a")).isSameAs(origin);
		assertThat(source.isImmutable()).isTrue();
		assertThat(source.isEncrypted("enc.a")).isTrue();
		assertThat(source.isEncrypted("enc.b")).isFalse();
		Object viaMap = source.getSource().get("enc.a");
		assertThat(viaMap).isInstanceOf(OriginTrackedValue.class);
		assertThat(((OriginTrackedValue) viaMap).getValue()).isEqualTo("command-line-secret");
		assertThat(((OriginTrackedValue) viaMap).getOrigin()).isSameAs(origin);
		assertThat(source.getSource().toString()).doesNotContain("secret").doesNotContain("ENC(");
	}

	@Test
	void wrapWhenMapSourceMutableThenWritesReachOriginal() {
		Map<String, Object> map = new HashMap<>();
		this.sources.addLast(new MapPropertySource("server.ports", map));
		this.sources.addFirst(keySource());
		EncryptablePropertySources.wrap(this.sources, resolver());
		@SuppressWarnings("unchecked")
		Map<String, Object> view = (Map<String, Object>) this.sources.get("server.ports").getSource();
		view.put("local.server.port", 8080);
		view.put("enc.late", EncryptTestValues.COMMAND_LINE);
		assertThat(map).containsEntry("local.server.port", 8080);
		assertThat(this.environment.getProperty("local.server.port", Integer.class)).isEqualTo(8080);
		assertThat(this.environment.getProperty("enc.late")).isEqualTo("command-line-secret");
		assertThat(new HashMap<>(view)).containsEntry("enc.late", "command-line-secret");
	}

	@Test
	void decryptAllWhenBadValueThenFailsNamingProperty() {
		this.sources.addFirst(keySource());
		this.sources.addLast(new MapPropertySource("bad", Map.of("enc.bad", EncryptTestValues.WRONG_KEY)));
		List<PropertySource<?>> wrapped = EncryptablePropertySources.wrap(this.sources, resolver());
		assertThatExceptionOfType(EncryptedPropertyException.class)
			.isThrownBy(() -> EncryptablePropertySources.decryptAll(wrapped))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("enc.bad"))
			.satisfies((ex) -> assertThat(ex.getOrigin()).isEqualTo("\"enc.bad\" from property source \"bad\""))
			.withMessageNotContaining(EncryptTestValues.WRONG_KEY.substring(8));
	}

	private EncryptedValueResolver resolver() {
		return EncryptedValueResolver.get(this.environment);
	}

	static MapPropertySource keySource() {
		return new MapPropertySource("keys", Map.of("pbkdf2-dpapi.envelope.aes-gcm.key-id", "k1",
				"pbkdf2-dpapi.envelope.aes-gcm.key", EncryptTestValues.KEY));
	}

}
