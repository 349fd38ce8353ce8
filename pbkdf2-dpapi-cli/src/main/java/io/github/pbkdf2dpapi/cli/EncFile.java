package io.github.pbkdf2dpapi.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code .properties} or {@code .yml}/{@code .yaml} file and the {@code ENC(...)} values in it.
 * Rewriting replaces the exact text of values on their lines and leaves every other byte as it
 * was (comments, order, indentation, quotes, line endings, encoding), and replaces the file
 * atomically.
 *
 * @author pbkdf2-dpapi
 */
final class EncFile {

	private final Path path;

	private final Path target;

	private final byte[] content;

	private final List<EncEntry> entries;

	private EncFile(Path path, Path target, byte[] content, List<EncEntry> entries) {
		this.path = path;
		this.target = target;
		this.content = content;
		this.entries = entries;
	}

	/**
	 * Reads a file and finds its {@code ENC(...)} values.
	 * @param path the file, named {@code *.properties}, {@code *.yml} or {@code *.yaml}
	 * @return the file
	 * @throws CliException when the file is missing, unreadable, of another kind or not valid
	 */
	static EncFile read(Path path) {
		String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
		boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
		if (!yaml && !name.endsWith(".properties")) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE,
					path + ": not a .properties, .yml or .yaml file");
		}
		try {
			// Written back to the same file: a symbolic link stays a link to the rewritten file.
			Path target = path.toRealPath();
			byte[] content = Files.readAllBytes(target);
			List<EncEntry> entries;
			if (yaml) {
				String text = new String(content, StandardCharsets.UTF_8);
				entries = YamlEncScanner.scan(stripBom(text), lines(stripBom(text)), path.toString());
			}
			else {
				// Spring Boot reads .properties as ISO-8859-1, non-ASCII characters being \\u escapes.
				entries = PropertiesEncScanner.scan(lines(new String(content, StandardCharsets.ISO_8859_1)));
			}
			return new EncFile(path, target, content, entries);
		}
		catch (NoSuchFileException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_USAGE, path + ": no such file");
		}
		catch (IOException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_FAILURE, path + ": cannot read (" + ex + ")");
		}
	}

	/**
	 * The file as named on the command line.
	 * @return the path
	 */
	Path path() {
		return this.path;
	}

	/**
	 * The file the path resolves to (links followed); two paths naming one file have the same.
	 * @return the real path
	 */
	Path target() {
		return this.target;
	}

	/**
	 * The {@code ENC(...)} values, in file order.
	 * @return the values
	 */
	List<EncEntry> entries() {
		return this.entries;
	}

	/**
	 * Replaces values and writes the file atomically: a temporary file beside it, with the same
	 * permissions, renamed over it.
	 * @param replacements the new text of each value, by entry; every entry is
	 * {@linkplain EncEntry#isInPlace() in place}
	 * @throws CliException when the file changed since it was read or cannot be written
	 */
	void rewrite(Map<EncEntry, String> replacements) {
		byte[] updated = replace(replacements);
		Path directory = this.target.toAbsolutePath().getParent();
		Path temp = null;
		try {
			if (!Arrays.equals(Files.readAllBytes(this.target), this.content)) {
				throw new CliException(Pbkdf2DpapiCli.EXIT_FAILURE,
						this.path + ": changed while being rewritten; nothing written, run the command again");
			}
			temp = Files.createTempFile(directory, "." + this.target.getFileName() + ".", ".tmp");
			copyPermissions(this.target, temp);
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(updated);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			move(temp, this.target);
			temp = null;
		}
		catch (IOException ex) {
			throw new CliException(Pbkdf2DpapiCli.EXIT_FAILURE, this.path + ": cannot write (" + ex + ")");
		}
		finally {
			deleteQuietly(temp);
		}
	}

	private byte[] replace(Map<EncEntry, String> replacements) {
		// ISO-8859-1 maps every byte to one char and back: bytes outside the replaced values survive as they are.
		String text = new String(this.content, StandardCharsets.ISO_8859_1);
		List<Integer> starts = lineStarts(text);
		TreeMap<Integer, EncEntry> byOffset = new TreeMap<>();
		for (EncEntry entry : replacements.keySet()) {
			int lineStart = starts.get(entry.line() - 1);
			int lineEnd = (entry.line() < starts.size()) ? starts.get(entry.line()) : text.length();
			int at = text.indexOf(entry.token(), lineStart);
			if (!entry.isInPlace() || at < 0 || at + entry.token().length() > lineEnd) {
				throw new IllegalStateException("value of " + entry.name() + " not found on line " + entry.line());
			}
			byOffset.put(at, entry);
		}
		StringBuilder out = new StringBuilder(text.length() + 64 * replacements.size());
		int done = 0;
		for (Map.Entry<Integer, EncEntry> e : byOffset.entrySet()) {
			out.append(text, done, e.getKey()).append(replacements.get(e.getValue()));
			done = e.getKey() + e.getValue().token().length();
		}
		out.append(text, done, text.length());
		return out.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private static void copyPermissions(Path from, Path to) throws IOException {
		PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
		PosixFileAttributeView temp = Files.getFileAttributeView(to, PosixFileAttributeView.class);
		if (source != null && temp != null) {
			temp.setPermissions(source.readAttributes().permissions());
		}
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			// The temporary file is in the same directory, so this is rare (some network file systems).
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(Path temp) {
		if (temp == null) {
			return;
		}
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ex) {
			// Left behind: a dot file holding only what the original holds; the main error is reported.
		}
	}

	private static String stripBom(String text) {
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	/** Lines split at '\n' only, without their terminator ('\r' too is removed). */
	static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '\n') {
				int end = (i > start && text.charAt(i - 1) == '\r') ? i - 1 : i;
				lines.add(text.substring(start, end));
				start = i + 1;
			}
		}
		return Collections.unmodifiableList(lines);
	}

	private static List<Integer> lineStarts(String text) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		return starts;
	}

}
