package io.github.pbkdf2dpapi.protect;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Key material stored unprotected, followed by a 16-byte checksum (SHA-256 of the metadata and
 * the material). The checksum detects truncation and hand edits of the metadata; it is no
 * protection against an attacker, who can read the key anyway. Files must be private to their
 * owner, which the key ring checks.
 *
 * @author pbkdf2-dpapi
 */
final class PlainMasterKeySource extends MasterKeySource {

	static final String PROTECTION = "plain";

	static final PlainMasterKeySource INSTANCE = new PlainMasterKeySource();

	private static final int CHECKSUM_LENGTH = 16;

	private PlainMasterKeySource() {
	}

	@Override
	public String protection() {
		return PROTECTION;
	}

	@Override
	public String description() {
		return "no master key (plain key files, explicitly enabled)";
	}

	@Override
	boolean isPlain() {
		return true;
	}

	@Override
	byte[] wrap(String keyId, byte[] material, byte[] associatedData) {
		byte[] out = Arrays.copyOf(material, material.length + CHECKSUM_LENGTH);
		System.arraycopy(checksum(material, associatedData), 0, out, material.length, CHECKSUM_LENGTH);
		return out;
	}

	@Override
	byte[] unwrap(String keyId, Path file, byte[] wrapped, byte[] associatedData) {
		if (wrapped.length != AesGcmCiphertext.KEY_LENGTH + CHECKSUM_LENGTH) {
			throw ProtectorErrors.keyFileInvalid(keyId, file, "the key material is cut short or malformed");
		}
		byte[] material = Arrays.copyOf(wrapped, AesGcmCiphertext.KEY_LENGTH);
		byte[] expected = Arrays.copyOfRange(wrapped, AesGcmCiphertext.KEY_LENGTH, wrapped.length);
		if (!MessageDigest.isEqual(expected, checksum(material, associatedData))) {
			Arrays.fill(material, (byte) 0);
			throw ProtectorErrors.keyFileTampered(keyId, file);
		}
		return material;
	}

	private static byte[] checksum(byte[] material, byte[] associatedData) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(associatedData);
			sha.update(material);
			return Arrays.copyOf(sha.digest(), CHECKSUM_LENGTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
