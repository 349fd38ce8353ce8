package io.github.pbkdf2dpapi.protect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Reads and writes key files, one small JSON document per key, named {@code key-<id>.json}:
 *
 * <pre>
 * {
 *   "format" : 1,
 *   "id" : "20250101-7f3a9c21",
 *   "created" : "2025-01-01T10:00:00Z",
 *   "activation" : "2025-01-01T11:00:00Z",
 *   "expiration" : null,
 *   "revoked" : null,
 *   "algorithm" : "AES-256-GCM",
 *   "protection" : "master-key:mk-1a2b3c4d",
 *   "material" : "&lt;Base64 of the protected key material&gt;"
 * }
 * </pre>
 *
 * Every field but {@code material} forms the associated data of the protection (see
 * {@link #associatedData(KeyRingKey)}), so editing one is detected when the key is loaded.
 *
 * <p>
 * Writes are atomic: the document goes to a hidden temporary file in the same directory, is
 * forced to disk and then renamed over the target, so a reader (another node on a shared
 * directory) sees either the old or the new file, never a part of one. Jackson's streaming
 * {@code jackson-core} (managed by the Spring Boot BOM, no further dependencies) parses the
 * documents: it is strict about syntax and duplicate fields, where hand-written parsing of
 * untrusted files would be a liability.
 *
 * @author pbkdf2-dpapi
 */
final class KeyFiles {

	static final String PREFIX = "key-";

	static final String SUFFIX = ".json";

	static final int FORMAT = 1;

	static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private static final int MAX_FILE_LENGTH = 16 * 1024;

	private static final int MOVE_ATTEMPTS = 5;

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private static final JsonFactory JSON = JsonFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private KeyFiles() {
	}

	/** One parsed key file: the metadata and the still protected material. */
	static final class Parsed {

		final KeyRingKey key;

		final byte[] wrapped;

		Parsed(KeyRingKey key, byte[] wrapped) {
			this.key = key;
			this.wrapped = wrapped;
		}

	}

	static Path file(Path directory, String keyId) {
		return directory.resolve(PREFIX + keyId + SUFFIX);
	}

	/**
	 * The key id named by a file name, or {@code null} if the name is not that of a key file.
	 */
	static String keyIdOf(Path file) {
		String name = file.getFileName().toString();
		if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
			return null;
		}
		String id = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
		return KEY_ID.matcher(id).matches() ? id : null;
	}

	/**
	 * The associated data of a key's protection: every metadata field, one per line.
	 */
	static byte[] associatedData(KeyRingKey key) {
		String text = "pbkdf2-dpapi key file v" + FORMAT + "\nid=" + key.id() + "\ncreated=" + key.created()
				+ "\nactivation=" + key.activation() + "\nexpiration=" + key.expiration().map(Instant::toString).orElse("-")
				+ "\nrevoked=" + key.revocation().map(Instant::toString).orElse("-") + "\nalgorithm=" + key.algorithm()
				+ "\nprotection=" + key.protection() + "\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] read(String keyId, Path file) throws IOException {
		long size = Files.size(file);
		if (size > MAX_FILE_LENGTH) {
			throw ProtectorErrors.keyFileInvalid(keyId, file, "it is larger than " + MAX_FILE_LENGTH + " bytes");
		}
		return Files.readAllBytes(file);
	}

	static Parsed parse(String expectedId, Path file, byte[] content) {
		Integer format = null;
		String id = null;
		Instant created = null;
		Instant activation = null;
		Instant expiration = null;
		Instant revoked = null;
		String algorithm = null;
		String protection = null;
		byte[] material = null;
		Set<String> seen = new HashSet<>();
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), content)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw invalid(expectedId, file, "it is not a JSON object");
			}
			JsonToken token;
			while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				seen.add(name);
				switch (name) {
					case "format":
						if (value != JsonToken.VALUE_NUMBER_INT) {
							throw invalid(expectedId, file, "field 'format' is not a number");
						}
						format = parser.getIntValue();
						break;
					case "id":
						id = string(parser, value, expectedId, file, name, false);
						break;
					case "created":
						created = instant(parser, value, expectedId, file, name, false);
						break;
					case "activation":
						activation = instant(parser, value, expectedId, file, name, false);
						break;
					case "expiration":
						expiration = instant(parser, value, expectedId, file, name, true);
						break;
					case "revoked":
						revoked = instant(parser, value, expectedId, file, name, true);
						break;
					case "algorithm":
						algorithm = string(parser, value, expectedId, file, name, false);
						break;
					case "protection":
						protection = string(parser, value, expectedId, file, name, false);
						break;
					case "material":
						try {
							material = Base64.getDecoder().decode(string(parser, value, expectedId, file, name, false));
						}
						catch (IllegalArgumentException ex) {
							throw invalid(expectedId, file, "field 'material' is not Base64");
						}
						break;
					default:
						throw invalid(expectedId, file, "unknown field '" + printable(name) + "'");
				}
			}
			if (token != JsonToken.END_OBJECT) {
				throw invalid(expectedId, file, "the JSON object is not closed");
			}
			if (parser.nextToken() != null) {
				throw invalid(expectedId, file, "there is content after the JSON object");
			}
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null) ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
					: "";
			// Jackson's own message may quote the input; only the position is reported.
			throw invalid(expectedId, file, "it is not valid JSON" + where + " (cut short or edited by hand?)");
		}
		for (String required : List.of("format", "id", "created", "activation", "expiration", "revoked", "algorithm",
				"protection", "material")) {
			if (!seen.contains(required)) {
				throw invalid(expectedId, file, "field '" + required + "' is missing");
			}
		}
		if (format != FORMAT) {
			throw invalid(expectedId, file, "format " + format + " is not supported (this version reads format "
					+ FORMAT + ")");
		}
		if (!id.equals(expectedId)) {
			throw invalid(expectedId, file, "its id field does not match its file name");
		}
		if (!KeyRingKey.ALGORITHM.equals(algorithm)) {
			throw invalid(expectedId, file, "algorithm '" + printable(algorithm) + "' is not supported (only "
					+ KeyRingKey.ALGORITHM + ")");
		}
		if (activation.isBefore(created)) {
			throw invalid(expectedId, file, "its activation is before its creation");
		}
		return new Parsed(new KeyRingKey(id, created, activation, expiration, revoked, protection), material);
	}

	static byte[] write(KeyRingKey key, byte[] wrapped) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(512);
		ObjectWriteContext pretty = new ObjectWriteContext.Base() {

			@Override
			public PrettyPrinter getPrettyPrinter() {
				// The same bytes on every platform: '\n' line ends, two-space indent.
				return new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
			}

			@Override
			public boolean hasPrettyPrinter() {
				return true;
			}

		};
		try (JsonGenerator json = JSON.createGenerator(pretty, out)) {
			json.writeStartObject();
			json.writeNumberProperty("format", FORMAT);
			json.writeStringProperty("id", key.id());
			json.writeStringProperty("created", key.created().toString());
			json.writeStringProperty("activation", key.activation().toString());
			json.writeStringProperty("expiration", key.expiration().map(Instant::toString).orElse(null));
			json.writeStringProperty("revoked", key.revocation().map(Instant::toString).orElse(null));
			json.writeStringProperty("algorithm", key.algorithm());
			json.writeStringProperty("protection", key.protection());
			json.writeStringProperty("material", Base64.getEncoder().encodeToString(wrapped));
			json.writeEndObject();
		}
		out.write('\n');
		return out.toByteArray();
	}

	/**
	 * Writes {@code content} to {@code target} atomically: a hidden temporary file in the same
	 * directory (readable by the owner only where POSIX permissions exist), forced to disk, then
	 * renamed over the target.
	 * @param replace whether an existing target may be replaced
	 */
	static void writeAtomically(Path target, byte[] content, boolean replace) {
		Path directory = target.toAbsolutePath().getParent();
		byte[] suffix = new byte[6];
		RANDOM.nextBytes(suffix);
		Path temp = directory.resolve("." + target.getFileName() + "." + Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(suffix) + ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE), ownerOnly(directory))) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			if (!replace && Files.exists(target)) {
				throw new FileAlreadyExistsException(target.toString());
			}
			move(temp, target);
		}
		catch (IOException ex) {
			throw ProtectorErrors.keyRingWriteFailed(target, ex);
		}
		finally {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				// A left-over hidden temporary file is ignored by readers; nothing else to do.
			}
		}
	}

	/**
	 * Renames atomically. On Windows a rename over a file that another process is reading can
	 * fail for a moment (sharing violation, virus scanners), so it is tried a few times.
	 */
	private static void move(Path temp, Path target) throws IOException {
		for (int attempt = 1;; attempt++) {
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
				return;
			}
			catch (AccessDeniedException ex) {
				if (attempt == MOVE_ATTEMPTS) {
					throw ex;
				}
				try {
					Thread.sleep(10L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path directory) {
		if (Files.getFileAttributeView(directory, PosixFileAttributeView.class) == null) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) };
	}

	/**
	 * Creates a directory readable by its owner only (where POSIX permissions exist).
	 */
	static void createPrivateDirectory(Path directory) throws IOException {
		Path parent = directory.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		if (parent != null && Files.getFileAttributeView(parent, PosixFileAttributeView.class) != null) {
			try {
				Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(EnumSet
					.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
			}
			catch (FileAlreadyExistsException ex) {
				// Created meanwhile by another node or process: fine.
			}
		}
		else {
			Files.createDirectories(directory);
		}
	}

	/**
	 * Refuses a file holding unprotected key material that group or others may access, or whose
	 * permissions cannot be checked.
	 */
	static void checkPrivate(Path file) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
		if (view == null) {
			throw new ProtectorException(ProtectorException.Reason.INSECURE_PERMISSIONS, null, file
					+ " holds unprotected key material on a file system without POSIX permissions, which cannot be "
					+ "checked; use a master key or DPAPI instead of plain key files");
		}
		Set<PosixFilePermission> permissions = view.readAttributes().permissions();
		for (PosixFilePermission p : NOT_OWNER) {
			if (permissions.contains(p)) {
				throw ProtectorErrors.insecurePermissions(file);
			}
		}
	}

	private static String string(JsonParser parser, JsonToken value, String keyId, Path file, String name,
			boolean nullable) {
		if (value == JsonToken.VALUE_NULL && nullable) {
			return null;
		}
		if (value != JsonToken.VALUE_STRING) {
			throw invalid(keyId, file, "field '" + name + "' is not a string");
		}
		return parser.getString();
	}

	private static Instant instant(JsonParser parser, JsonToken value, String keyId, Path file, String name,
			boolean nullable) {
		String text = string(parser, value, keyId, file, name, nullable);
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw invalid(keyId, file, "field '" + name + "' is not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
		}
	}

	private static String printable(String text) {
		if (text == null) {
			return "null";
		}
		String cut = (text.length() > 32) ? text.substring(0, 32) + "..." : text;
		return cut.replaceAll("[^\\x20-\\x7e]", "?");
	}

	private static ProtectorException invalid(String keyId, Path file, String detail) {
		return ProtectorErrors.keyFileInvalid(keyId, file, detail);
	}

}
