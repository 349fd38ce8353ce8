package io.github.pbkdf2dpapi.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The signed state of an audit chain, one row beside the entries. The <em>anchor</em> says where
 * the kept part of the chain starts after retention purged older entries (its first sequence and
 * the MAC that entry must point back to); the <em>head</em> says where the chain ends. Because the
 * state is signed, deleting entries at the start or the end of the chain is detected too, unless
 * an attacker replays an older state row with the entries it signed; compare the head with the
 * last {@code seq} in the audit log to rule that out.
 *
 * @param anchorSequence the first kept sequence (1 before any purge)
 * @param anchorPreviousMac the previous MAC of the entry at {@code anchorSequence}
 * @param headSequence the last sequence (0 when the chain is empty)
 * @param headMac the MAC of the last entry ({@link AuditRecord#GENESIS_MAC} when empty)
 * @param keyId the id of the key that signed the state
 * @param mac the state's MAC (hex)
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record AuditState(long anchorSequence, String anchorPreviousMac, long headSequence, String headMac,
		String keyId, String mac) {

	static final String DOMAIN = "pbkdf2-dpapi-audit-state-v1";

	static AuditState initial(AuditKeys keys) {
		return signed(keys, 1, AuditRecord.GENESIS_MAC, 0, AuditRecord.GENESIS_MAC);
	}

	static AuditState signed(AuditKeys keys, long anchorSequence, String anchorPreviousMac, long headSequence,
			String headMac) {
		String keyId = keys.currentId();
		return new AuditState(anchorSequence, anchorPreviousMac, headSequence, headMac, keyId,
				computeMac(keys, anchorSequence, anchorPreviousMac, headSequence, headMac, keyId));
	}

	AuditState withHead(AuditKeys keys, AuditRecord head) {
		return signed(keys, this.anchorSequence, this.anchorPreviousMac, head.sequence(), head.mac());
	}

	static String computeMac(AuditKeys keys, long anchorSequence, String anchorPreviousMac, long headSequence,
			String headMac, String keyId) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(DOMAIN.getBytes(StandardCharsets.US_ASCII));
		AuditRecord.field(out, Long.toString(anchorSequence));
		AuditRecord.field(out, anchorPreviousMac);
		AuditRecord.field(out, Long.toString(headSequence));
		AuditRecord.field(out, headMac);
		AuditRecord.field(out, keyId);
		return HexFormat.of().formatHex(keys.mac(keyId, out.toByteArray()));
	}

}
