package io.github.pbkdf2dpapi.audit;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of the audit chain, as stored.
 *
 * <h2>Chain</h2> Every entry carries the MAC of the entry before it ({@code previousMac}; 64 zeros
 * for the first entry ever) and its own {@code mac}:
 * <pre>
 * mac = hex(HMAC-SHA256(key[keyId], "pbkdf2-dpapi-audit-v1" || field(sequence) || field(occurredAt)
 *           || field(type) || field(principal) || field(details) || field(keyId) || field(previousMac)))
 * </pre>
 * where {@code field(x)} is the 4-byte big-endian length of the UTF-8 bytes of {@code x}, then
 * those bytes; numbers are decimal, {@code occurredAt} is epoch milliseconds, a missing principal
 * is the empty string, and {@code details} is the canonical form of {@link #detailsString()}.
 * Editing any field, deleting or inserting an entry breaks the chain from there on.
 *
 * @param sequence position in the chain, from 1, without gaps
 * @param occurredAt when the event happened (millisecond precision)
 * @param type the event type
 * @param principal the principal, or {@code null}
 * @param details the details, sorted
 * @param keyId the id of the key that signed the entry
 * @param previousMac the MAC of the previous entry (hex)
 * @param mac the MAC of this entry (hex)
 * @author pbkdf2-dpapi
 * @since 0.1.0
 */
public record AuditRecord(long sequence, Instant occurredAt, String type, String principal,
		Map<String, String> details, String keyId, String previousMac, String mac) {

	/** The previous MAC of the first entry of a chain. */
	public static final String GENESIS_MAC = "0".repeat(64);

	static final String DOMAIN = "pbkdf2-dpapi-audit-v1";

	/**
	 * The details in canonical form: {@code name=value} pairs sorted by name and joined with
	 * {@code &}, names and values URL-encoded (UTF-8).
	 * @return the canonical details, empty when there are none
	 */
	public String detailsString() {
		return formatDetails(this.details);
	}

	static String formatDetails(Map<String, String> details) {
		StringBuilder sb = new StringBuilder();
		new TreeMap<>(details).forEach((name, value) -> {
			if (sb.length() > 0) {
				sb.append('&');
			}
			sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8));
		});
		return sb.toString();
	}

	static Map<String, String> parseDetails(String details) {
		Map<String, String> map = new LinkedHashMap<>();
		if (details == null || details.isEmpty()) {
			return map;
		}
		for (String pair : details.split("&")) {
			int eq = pair.indexOf('=');
			String name = (eq >= 0) ? pair.substring(0, eq) : pair;
			String value = (eq >= 0) ? pair.substring(eq + 1) : "";
			map.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return map;
	}

	/**
	 * Computes the MAC of an entry.
	 */
	static String computeMac(AuditKeys keys, long sequence, Instant occurredAt, String type, String principal,
			String details, String keyId, String previousMac) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(DOMAIN.getBytes(StandardCharsets.US_ASCII));
		field(out, Long.toString(sequence));
		field(out, Long.toString(occurredAt.toEpochMilli()));
		field(out, type);
		field(out, (principal != null) ? principal : "");
		field(out, details);
		field(out, keyId);
		field(out, previousMac);
		return HexFormat.of().formatHex(keys.mac(keyId, out.toByteArray()));
	}

	static void field(ByteArrayOutputStream out, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		int n = bytes.length;
		out.write((n >>> 24) & 0xff);
		out.write((n >>> 16) & 0xff);
		out.write((n >>> 8) & 0xff);
		out.write(n & 0xff);
		out.writeBytes(bytes);
	}

	/**
	 * Builds the next entry of a chain.
	 * @param keys the keys; the current one signs
	 * @param sequence the new entry's sequence
	 * @param previousMac the MAC of the entry before
	 * @param event the event
	 * @param now the time of the event
	 * @return the signed entry
	 */
	static AuditRecord next(AuditKeys keys, long sequence, String previousMac, AuditEvent event, Instant now) {
		Instant at = Instant.ofEpochMilli(now.toEpochMilli());
		String keyId = keys.currentId();
		String details = formatDetails(event.details());
		String mac = computeMac(keys, sequence, at, event.type(), event.principal(), details, keyId, previousMac);
		return new AuditRecord(sequence, at, event.type(), event.principal(), event.details(), keyId, previousMac, mac);
	}

	/**
	 * The one-line structured form written to the log: {@code key=value} pairs, values quoted.
	 * The principal and an {@code address} detail pass through {@code mask} first, so that the log
	 * carries pseudonyms while the store keeps the real values.
	 * @param mask turns a principal or address into what the log may show
	 * @return the line
	 */
	public String toLogLine(java.util.function.UnaryOperator<String> mask) {
		Map<String, String> shown = new TreeMap<>(this.details);
		shown.computeIfPresent("address", (name, value) -> mask.apply(value));
		return "seq=" + this.sequence + " at=" + this.occurredAt + " type=" + this.type + " principal="
				+ quote((this.principal != null) ? mask.apply(this.principal) : "") + " details="
				+ quote(formatDetails(shown)) + " key=" + this.keyId + " prev=" + this.previousMac + " mac=" + this.mac;
	}

	private static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
				+ "\"";
	}

}
