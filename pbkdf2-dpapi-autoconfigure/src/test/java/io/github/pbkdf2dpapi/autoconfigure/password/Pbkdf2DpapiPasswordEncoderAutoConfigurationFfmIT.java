package io.github.pbkdf2dpapi.autoconfigure.password;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.github.pbkdf2dpapi.password.Pbkdf2DpapiPasswordEncoder;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2Engine;
import io.github.pbkdf2dpapi.pbkdf2.Pbkdf2EngineSelection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Pbkdf2DpapiPasswordEncoderAutoConfiguration} with the OpenSSL engine, run by
 * failsafe on the JDK in {@code FFM_JAVA_HOME} with {@code --enable-native-access=ALL-UNNAMED}
 * against the multi-release core JAR.
 */
@ExtendWith(OutputCaptureExtension.class)
class Pbkdf2DpapiPasswordEncoderAutoConfigurationFfmIT {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Pbkdf2DpapiPasswordEncoderAutoConfiguration.class))
		.withPropertyValues("pbkdf2-dpapi.envelope.protector=none", "pbkdf2-dpapi.password.iterations=1000",
				"pbkdf2-dpapi.password.allow-weak-parameters=true", "pbkdf2-dpapi.password.engine=openssl");

	@TempDir
	Path temp;

	@Test
	void engineWhenOpenSslThenUsedAndRecordsVerifyWithJava(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			Pbkdf2DpapiPasswordEncoderSettings settings = context.getBean(Pbkdf2DpapiPasswordEncoderSettings.class);
			assertThat(settings.getEngine().fallback()).isNull();
			assertThat(settings.getEncoder().getEngine().name()).isEqualTo("openssl");
			assertThat(settings.getMeasuredLatency()).isNotNull();
			String record = context.getBean(PasswordEncoder.class).encode("pw");
			Pbkdf2DpapiPasswordEncoder java = Pbkdf2DpapiPasswordEncoder.builder()
				.iterations(1000)
				.allowWeakParameters(true)
				.build();
			assertThat(java.getEngine()).isSameAs(Pbkdf2Engine.java());
			assertThat(java.matches("pw", record.substring("{pbkdf2-dpapi}".length()))).isTrue();
		});
		assertThat(output).contains("pbkdf2-dpapi: PBKDF2 engine Pbkdf2Engine[openssl, libcrypto")
			.contains("; engine=openssl]")
			.doesNotContain("engine is not used");
	}

	@Test
	void engineWhenLibraryPathWrongThenJavaAndWarningNamingThePath(CapturedOutput output) {
		Path missing = this.temp.resolve("no-libcrypto.so");
		this.contextRunner.withPropertyValues("pbkdf2-dpapi.password.engine-library=" + missing).run((context) -> {
			Pbkdf2EngineSelection engine = context.getBean(Pbkdf2DpapiPasswordEncoderSettings.class).getEngine();
			assertThat(engine.engine()).isSameAs(Pbkdf2Engine.java());
			assertThat(engine.fallback().cause()).isEqualTo(Pbkdf2EngineSelection.Cause.LIBRARY_NOT_FOUND);
		});
		assertThat(output).containsPattern("WARN .*the OpenSSL PBKDF2 engine is not used.*libcrypto was not found \\(tried "
				+ java.util.regex.Pattern.quote(missing.toString()) + "\\)");
	}

}
