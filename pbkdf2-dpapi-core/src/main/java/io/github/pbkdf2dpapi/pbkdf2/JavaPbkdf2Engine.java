package io.github.pbkdf2dpapi.pbkdf2;

/**
 * The pure-Java engine: {@link Pbkdf2#derive}.
 *
 * @author pbkdf2-dpapi
 */
final class JavaPbkdf2Engine implements Pbkdf2Engine {

	static final JavaPbkdf2Engine INSTANCE = new JavaPbkdf2Engine();

	private JavaPbkdf2Engine() {
	}

	@Override
	public byte[] derive(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length) {
		return Pbkdf2.derive(prf, password, salt, iterations, length);
	}

	@Override
	public String name() {
		return Pbkdf2Engines.JAVA;
	}

	@Override
	public String toString() {
		return "Pbkdf2Engine[java]";
	}

}
