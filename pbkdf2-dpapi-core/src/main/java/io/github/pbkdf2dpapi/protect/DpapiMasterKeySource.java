package io.github.pbkdf2dpapi.protect;

import java.nio.file.Path;

/**
 * Key material protected with DPAPI, the key file metadata mixed into the DPAPI entropy. Bound to
 * one Windows user or machine: every node must then have its own key ring, or use a master key.
 *
 * @author pbkdf2-dpapi
 */
final class DpapiMasterKeySource extends MasterKeySource {

	private final DpapiProtector dpapi;

	DpapiMasterKeySource(DpapiProtector dpapi) {
		this.dpapi = dpapi;
	}

	@Override
	public String protection() {
		return this.dpapi.getScope().envelope();
	}

	@Override
	public String description() {
		return "DPAPI (" + this.dpapi.getScope().envelope() + ")";
	}

	@Override
	byte[] wrap(String keyId, byte[] material, byte[] associatedData) {
		return this.dpapi.protect(this.dpapi.currentEnvelope(), material, associatedData);
	}

	@Override
	byte[] unwrap(String keyId, Path file, byte[] wrapped, byte[] associatedData) {
		try {
			return this.dpapi.unprotect(this.dpapi.currentEnvelope(), wrapped, associatedData);
		}
		catch (ProtectorException ex) {
			throw new ProtectorException(ProtectorException.Reason.MASTER_KEY, keyId,
					"the key material in " + file + " cannot be unprotected with DPAPI (" + ex.getMessage()
							+ "); DPAPI keys are bound to the user or machine that wrote the key ring",
					ex);
		}
	}

}
