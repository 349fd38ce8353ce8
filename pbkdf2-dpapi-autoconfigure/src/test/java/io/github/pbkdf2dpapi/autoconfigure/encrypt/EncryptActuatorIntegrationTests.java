package io.github.pbkdf2dpapi.autoconfigure.encrypt;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

import io.github.pbkdf2dpapi.autoconfigure.encrypt.EncryptTestValues.EncRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Actuator {@code env} and {@code configprops} endpoints mask values that were
 * {@code ENC(...)} even when {@code show-values} is {@code always}, and keep showing plain ones.
 */
@SpringBootTest(classes = EncryptActuatorIntegrationTests.ActuatorApplication.class,
		properties = { "spring.config.name=enc-app", "management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"enc.placeholder=${enc.yaml.secret}", "enc.url=jdbc:h2:mem:x;PASSWORD=${enc.yaml.secret}" })
@AutoConfigureMockMvc
class EncryptActuatorIntegrationTests {

	private static final String[] PLAINTEXTS = { "yaml-secret", "properties-secret", "from-properties", "bound-secret",
			"record-api-key", "primary-token", "token-0", "imported-secret" };

	@Autowired
	private MockMvc mvc;

	@Test
	void envEndpointWhenShowValuesAlwaysThenEncryptedValuesMasked() throws Exception {
		String body = fetch("/actuator/env");
		assertThat(body).contains("enc.yaml.secret").contains("******").contains("plain-token").contains("xENC(abc)");
		assertThat(body).doesNotContain(PLAINTEXTS);
		assertThat(body).doesNotContain("ENC(aes:");
	}

	@Test
	void envEntryEndpointWhenShowValuesAlwaysThenMasked() throws Exception {
		assertThat(fetch("/actuator/env/enc.yaml.secret")).contains("******").doesNotContain("yaml-secret");
		assertThat(fetch("/actuator/env/enc.placeholder")).contains("******").doesNotContain("yaml-secret");
		assertThat(fetch("/actuator/env/enc.record.endpoints.secondary")).contains("plain-token");
	}

	@Test
	void configpropsEndpointWhenShowValuesAlwaysThenEncryptedValuesMasked() throws Exception {
		String body = fetch("/actuator/configprops");
		assertThat(body).contains("enc.record").contains("******").contains("plain-token").contains("plain-token-1");
		assertThat(body).doesNotContain(PLAINTEXTS);
	}

	private String fetch(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableConfigurationProperties(EncRecord.class)
	static class ActuatorApplication {

		@Bean
		SecurityFilterChain permitAll(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

}
