package io.github.pbkdf2dpapi.pbkdf2;

import java.util.Optional;

/**
 * Prints the OpenSSL engine selection; run in a separate JVM by {@code OpenSslPbkdf2EngineFfmIT}.
 */
final class SelectOpenSslMain {

	private SelectOpenSslMain() {
	}

	public static void main(String[] args) {
		Pbkdf2EngineSelection selection = Pbkdf2Engines.openSsl(Optional.empty());
		System.out.println("engine=" + selection.engine().name() + " fallback=" + selection.fallback());
	}

}
