package io.github.pbkdf2dpapi.pbkdf2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Pbkdf2Engines}: the selection logic and its fallbacks, on any JVM. The OpenSSL
 * engine itself is tested on Java 22+ by {@code OpenSslPbkdf2EngineFfmIT}.
 */
class Pbkdf2EnginesTests {

	private static final String FAKE = Pbkdf2EnginesTests.class.getName() + "$";

	@Test
	void javaThenJavaEngineWithoutFallback() {
		Pbkdf2EngineSelection selection = Pbkdf2Engines.java();
		assertThat(selection.engine()).isSameAs(Pbkdf2Engine.java());
		assertThat(selection.engine().name()).isEqualTo("java");
		assertThat(selection.isFallback()).isFalse();
		assertThat(Pbkdf2Engines.select("JAVA", Optional.empty()).engine()).isSameAs(Pbkdf2Engine.java());
	}

	@Test
	void javaEngineEqualsPbkdf2Derive() {
		byte[] password = "pw".getBytes(StandardCharsets.US_ASCII);
		byte[] salt = "salt".getBytes(StandardCharsets.US_ASCII);
		for (Pbkdf2Prf prf : Pbkdf2Prf.values()) {
			assertThat(Pbkdf2Engine.java().derive(prf, password, salt, 5, 70))
				.isEqualTo(Pbkdf2.derive(prf, password, salt, 5, 70));
		}
	}

	@Test
	void selectWhenUnknownNameThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> Pbkdf2Engines.select("bouncy", Optional.empty()))
			.withMessageContaining("expected java or openssl");
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_21)
	void openSslWhenThisJvmBelow22ThenJavaWithVersionReason() {
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(Optional.empty());
		assertThat(selection.engine()).isSameAs(Pbkdf2Engine.java());
		assertThat(selection.requested()).isEqualTo("openssl");
		assertThat(selection.fallback().cause()).isEqualTo(Pbkdf2EngineSelection.Cause.JAVA_VERSION);
		assertThat(selection.fallback().message())
			.contains("runs on Java " + Runtime.version().feature() + "; needs 22+");
		assertThat(selection.fallback().isError()).isFalse();
	}

	@Test
	void openSslWhenJava21ThenVersionReasonWithoutLoadingTheClass() {
		// Agreeing would be selected if it were loaded.
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(21, FAKE + "Agreeing", Optional.empty());
		assertThat(selection.engine()).isSameAs(Pbkdf2Engine.java());
		assertThat(selection.fallback().cause()).isEqualTo(Pbkdf2EngineSelection.Cause.JAVA_VERSION);
		assertThat(selection.fallback().message()).contains("runs on Java 21; needs 22+");
	}

	@Test
	void openSslWhenClassAbsentThenNotInBuildReason() {
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(25, FAKE + "Absent", Optional.empty());
		assertThat(selection.engine()).isSameAs(Pbkdf2Engine.java());
		assertThat(selection.fallback().cause()).isEqualTo(Pbkdf2EngineSelection.Cause.NOT_IN_BUILD);
		assertThat(selection.fallback().message()).contains("FFM_JAVA_HOME").contains("META-INF/versions/22");
	}

	@ParameterizedTest
	@EnumSource(value = Pbkdf2EngineSelection.Cause.class,
			names = { "NATIVE_ACCESS_DISABLED", "LIBRARY_NOT_FOUND", "SYMBOL_MISSING" })
	void openSslWhenEngineUnavailableThenItsReasonAsWarning(Pbkdf2EngineSelection.Cause cause) {
		Throwing.cause = cause;
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(25, FAKE + "Throwing",
				Optional.of(Path.of("/opt/libcrypto.so")));
		assertThat(selection.engine()).isSameAs(Pbkdf2Engine.java());
		assertThat(selection.fallback().cause()).isEqualTo(cause);
		assertThat(selection.fallback().message()).endsWith("because " + cause + " for /opt/libcrypto.so")
			.startsWith("pbkdf2-dpapi: the OpenSSL PBKDF2 engine is not used, the Java engine is: ");
		assertThat(selection.fallback().isError()).isFalse();
	}

	@Test
	void openSslWhenEngineThrowsUnexpectedlyThenFailedAsError() {
		Throwing.cause = null;
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(25, FAKE + "Throwing", Optional.empty());
		assertThat(selection.fallback().cause()).isEqualTo(Pbkdf2EngineSelection.Cause.FAILED);
		assertThat(selection.fallback().message()).contains("UnsupportedOperationException");
		assertThat(selection.fallback().isError()).isTrue();
	}

	@Test
	void openSslWhenEngineGivesWrongBytesThenCrossCheckFailedAsError() {
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(25, FAKE + "OffByOne", Optional.empty());
		assertThat(selection.engine()).isSameAs(Pbkdf2Engine.java());
		assertThat(selection.fallback().cause()).isEqualTo(Pbkdf2EngineSelection.Cause.CROSS_CHECK_FAILED);
		assertThat(selection.fallback().message()).contains("sha256 RFC 7914 (1 iterations)");
		assertThat(selection.fallback().isError()).isTrue();
	}

	@Test
	void openSslWhenEngineAgreesThenSelectedWithoutFallback() {
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(25, FAKE + "Agreeing", Optional.empty());
		assertThat(selection.engine()).isInstanceOf(Agreeing.class);
		assertThat(selection.isFallback()).isFalse();
		assertThat(selection.requested()).isEqualTo("openssl");
	}

	@Test
	void crossCheckWhenOnlyMultiBlockOutputDiffersThenNamesIt() {
		Pbkdf2Engine lastBlockWrong = new Agreeing() {
			@Override
			public byte[] derive(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length) {
				byte[] out = super.derive(prf, password, salt, iterations, length);
				if (prf == Pbkdf2Prf.HMAC_SHA512 && length > 128) {
					out[length - 1] ^= 1;
				}
				return out;
			}
		};
		assertThat(Pbkdf2Engines.crossCheck(lastBlockWrong)).isEqualTo("sha512 against the Java engine (135 bytes)");
		assertThat(Pbkdf2Engines.crossCheck(Pbkdf2Engine.java())).isNull();
	}

	/** Stands in for the engine class: throws on load. */
	static final class Throwing {

		static volatile Pbkdf2EngineSelection.Cause cause;

		static Pbkdf2Engine load(Path library) {
			if (cause == null) {
				throw new UnsupportedOperationException("unexpected");
			}
			throw new Pbkdf2EngineUnavailableException(cause, "because " + cause + " for " + library);
		}

	}

	/** Stands in for an engine that agrees with the Java engine. */
	static class Agreeing implements Pbkdf2Engine {

		static Pbkdf2Engine load(Path library) {
			return new Agreeing();
		}

		@Override
		public byte[] derive(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length) {
			return Pbkdf2.derive(prf, password, salt, iterations, length);
		}

		@Override
		public String name() {
			return "openssl";
		}

	}

	/** Stands in for a broken engine: the last byte is off. */
	static final class OffByOne extends Agreeing {

		static Pbkdf2Engine load(Path library) {
			return new OffByOne();
		}

		@Override
		public byte[] derive(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length) {
			byte[] out = super.derive(prf, password, salt, iterations, length);
			out[length - 1] ^= 1;
			return out;
		}

	}

}
