package io.github.pbkdf2dpapi.pbkdf2;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * PBKDF2 with HMAC-SHA256/512 whose compressions run in OpenSSL's {@code SHA256_Transform} and
 * {@code SHA512_Transform} (libcrypto, through the FFM API). Java 22+ only: this class lives in
 * {@code META-INF/versions/22} of the core JAR and is created reflectively by
 * {@link Pbkdf2Engines#openSsl}, which also cross-checks it.
 *
 * <p>
 * The HMAC inner and outer states are keyed once per call (Init + Transform of the padded key
 * block). Each iteration then writes the inner state into the work context, transforms the
 * pre-padded block holding {@code U}, writes the result big-endian into the pre-padded outer block,
 * writes the outer state, transforms again and reads {@code U} back: two native calls, no
 * allocation. The transform functions are deprecated in OpenSSL 3 but still exported; OpenSSL
 * built with {@code no-deprecated} lacks them and the engine is not used. HMAC-SHA1 is delegated
 * to the Java engine (legacy records only).
 *
 * <p>
 * Native memory comes from a confined arena per call and is zeroed before it is freed (it holds
 * password-derived state). Stateless apart from the method handles; thread-safe.
 *
 * @author pbkdf2-dpapi
 */
final class OpenSslPbkdf2Engine implements Pbkdf2Engine {

	private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;

	private static final ValueLayout.OfInt BE_INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);

	private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;

	private static final ValueLayout.OfLong BE_LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.BIG_ENDIAN);

	private static final ValueLayout.OfInt BE_INT_UNALIGNED = ValueLayout.JAVA_INT_UNALIGNED
		.withOrder(ByteOrder.BIG_ENDIAN);

	private static final ValueLayout.OfLong BE_LONG_UNALIGNED = ValueLayout.JAVA_LONG_UNALIGNED
		.withOrder(ByteOrder.BIG_ENDIAN);

	/** Larger than SHA512_CTX (216 bytes) and SHA256_CTX (112 bytes). */
	private static final long CTX_SIZE = 256;

	/** The context, then two blocks of up to 128 bytes. */
	private static final long MEMORY = CTX_SIZE + 2 * 128;

	private final String library;

	private final Sha sha256;

	private final Sha sha512;

	private OpenSslPbkdf2Engine(String library, Sha sha256, Sha sha512) {
		this.library = library;
		this.sha256 = sha256;
		this.sha512 = sha512;
	}

	/**
	 * Loads libcrypto and binds the SHA-2 functions. Checks native access first, so that the JVM
	 * never prints its restricted-method warning.
	 * @param library the library file, or {@code null} to search the default names
	 * @return the engine (not yet cross-checked)
	 * @throws Pbkdf2EngineUnavailableException naming what is missing
	 */
	static Pbkdf2Engine load(Path library) {
		Module module = OpenSslPbkdf2Engine.class.getModule();
		if (!module.isNativeAccessEnabled()) {
			String name = module.isNamed() ? module.getName() : "ALL-UNNAMED";
			throw new Pbkdf2EngineUnavailableException(Pbkdf2EngineSelection.Cause.NATIVE_ACCESS_DISABLED,
					"native access is not enabled for " + (module.isNamed() ? "module " + name : "the class path")
							+ ". Start the JVM with --enable-native-access=" + name + " (or add 'Enable-Native-Access: "
							+ name + "' to the executable JAR's manifest)");
		}
		Linker linker = Linker.nativeLinker();
		List<String> tried = new ArrayList<>();
		SymbolLookup lookup = null;
		String found = null;
		for (String candidate : (library != null) ? List.of(library.toString()) : defaultNames()) {
			tried.add(candidate);
			try {
				// Global arena: libcrypto stays loaded for the life of the JVM, as the JDK's own would.
				lookup = (library != null) ? SymbolLookup.libraryLookup(library, Arena.global())
						: SymbolLookup.libraryLookup(candidate, Arena.global());
				found = candidate;
				break;
			}
			catch (IllegalArgumentException ex) {
				// Not found under this name; try the next one.
			}
		}
		if (lookup == null) {
			throw new Pbkdf2EngineUnavailableException(Pbkdf2EngineSelection.Cause.LIBRARY_NOT_FOUND,
					"libcrypto was not found (tried " + String.join(", ", tried) + "). Install OpenSSL 3 (or 1.1), or "
							+ "set pbkdf2-dpapi.password.engine-library (CLI: --engine-library) to the path of libcrypto");
		}
		return new OpenSslPbkdf2Engine(found, Sha.bind(linker, lookup, found, Pbkdf2Prf.HMAC_SHA256),
				Sha.bind(linker, lookup, found, Pbkdf2Prf.HMAC_SHA512));
	}

	static List<String> defaultNames() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		if (os.contains("win")) {
			return List.of("libcrypto-3-x64.dll");
		}
		if (os.contains("mac")) {
			return List.of("libcrypto.3.dylib");
		}
		return List.of("libcrypto.so.3", "libcrypto.so");
	}

	@Override
	public byte[] derive(Pbkdf2Prf prf, byte[] password, byte[] salt, int iterations, int length) {
		Pbkdf2.checkArguments(prf, password, salt, iterations, length);
		if (prf == Pbkdf2Prf.HMAC_SHA1) {
			return Pbkdf2.derive(prf, password, salt, iterations, length);
		}
		Sha sha = (prf == Pbkdf2Prf.HMAC_SHA256) ? this.sha256 : this.sha512;
		try (Arena arena = Arena.ofConfined()) {
			MemorySegment memory = arena.allocate(MEMORY, 64);
			try {
				return derive(sha, memory, password, salt, iterations, length);
			}
			finally {
				memory.fill((byte) 0);
			}
		}
	}

	private static byte[] derive(Sha sha, MemorySegment memory, byte[] password, byte[] salt, int iterations,
			int length) {
		MemorySegment ctx = memory.asSlice(0, CTX_SIZE);
		MemorySegment inner = memory.asSlice(CTX_SIZE, sha.block);
		MemorySegment outer = memory.asSlice(CTX_SIZE + 128, sha.block);
		long[] innerState = null;
		long[] outerState = null;
		byte[] u = null;
		byte[] first = Arrays.copyOf(salt, salt.length + 4);
		try {
			byte[] key = password;
			if (password.length > sha.block) {
				key = sha.bytes(sha.hash(ctx, inner, sha.iv(ctx), 0, password));
			}
			innerState = sha.keyed(ctx, inner, key, 0x36);
			outerState = sha.keyed(ctx, inner, key, 0x5c);
			if (key != password) {
				Arrays.fill(key, (byte) 0);
			}
			byte[] out = new byte[length];
			int blocks = (length + sha.hLen - 1) / sha.hLen;
			for (int block = 1; block <= blocks; block++) {
				first[salt.length] = (byte) (block >>> 24);
				first[salt.length + 1] = (byte) (block >>> 16);
				first[salt.length + 2] = (byte) (block >>> 8);
				first[salt.length + 3] = (byte) block;
				u = sha.bytes(sha.hash(ctx, inner, innerState, sha.block, first));
				byte[] u1 = sha.bytes(sha.hash(ctx, inner, outerState, sha.block, u));
				Arrays.fill(u, (byte) 0);
				u = u1;
				sha.pad(inner);
				sha.pad(outer);
				MemorySegment.copy(u, 0, inner, ValueLayout.JAVA_BYTE, 0, sha.hLen);
				byte[] t = (sha.hLen == 32) ? iterate256(sha.transform, ctx, inner, outer, innerState, outerState,
						iterations - 1) : iterate512(sha.transform, ctx, inner, outer, innerState, outerState,
								iterations - 1);
				int offset = (block - 1) * sha.hLen;
				System.arraycopy(t, 0, out, offset, Math.min(sha.hLen, length - offset));
				Arrays.fill(t, (byte) 0);
			}
			return out;
		}
		finally {
			fill(innerState);
			fill(outerState);
			if (u != null) {
				Arrays.fill(u, (byte) 0);
			}
			Arrays.fill(first, (byte) 0);
		}
	}

	/**
	 * {@code count} further iterations of HMAC-SHA256 from {@code U} in {@code inner}; returns {@code T} as bytes.
	 * {@link #iterate512} is the same loop over 64-bit words: the two are kept apart on purpose so
	 * that each hot loop reads and writes its own primitive word type, with no branch or widening
	 * per word.
	 */
	private static byte[] iterate256(MethodHandle transform, MemorySegment ctx, MemorySegment inner,
			MemorySegment outer, long[] innerState, long[] outerState, int count) {
		int[] is = new int[8];
		int[] os = new int[8];
		int[] t = new int[8];
		for (int k = 0; k < 8; k++) {
			is[k] = (int) innerState[k];
			os[k] = (int) outerState[k];
			t[k] = inner.getAtIndex(BE_INT, k);
		}
		try {
			for (int i = 0; i < count; i++) {
				for (int k = 0; k < 8; k++) {
					ctx.setAtIndex(INT, k, is[k]);
				}
				transform.invokeExact(ctx, inner);
				for (int k = 0; k < 8; k++) {
					outer.setAtIndex(BE_INT, k, ctx.getAtIndex(INT, k));
				}
				for (int k = 0; k < 8; k++) {
					ctx.setAtIndex(INT, k, os[k]);
				}
				transform.invokeExact(ctx, outer);
				for (int k = 0; k < 8; k++) {
					int v = ctx.getAtIndex(INT, k);
					inner.setAtIndex(BE_INT, k, v);
					t[k] ^= v;
				}
			}
			byte[] bytes = new byte[32];
			MemorySegment view = MemorySegment.ofArray(bytes);
			for (int k = 0; k < 8; k++) {
				view.setAtIndex(BE_INT_UNALIGNED, k, t[k]);
			}
			return bytes;
		}
		catch (Throwable ex) {
			throw Sha.failed(ex);
		}
		finally {
			Arrays.fill(is, 0);
			Arrays.fill(os, 0);
			Arrays.fill(t, 0);
		}
	}

	/**
	 * {@code count} further iterations of HMAC-SHA512 from {@code U} in {@code inner}; returns {@code T} as bytes.
	 */
	private static byte[] iterate512(MethodHandle transform, MemorySegment ctx, MemorySegment inner,
			MemorySegment outer, long[] innerState, long[] outerState, int count) {
		long[] is = innerState.clone();
		long[] os = outerState.clone();
		long[] t = new long[8];
		for (int k = 0; k < 8; k++) {
			t[k] = inner.getAtIndex(BE_LONG, k);
		}
		try {
			for (int i = 0; i < count; i++) {
				for (int k = 0; k < 8; k++) {
					ctx.setAtIndex(LONG, k, is[k]);
				}
				transform.invokeExact(ctx, inner);
				for (int k = 0; k < 8; k++) {
					outer.setAtIndex(BE_LONG, k, ctx.getAtIndex(LONG, k));
				}
				for (int k = 0; k < 8; k++) {
					ctx.setAtIndex(LONG, k, os[k]);
				}
				transform.invokeExact(ctx, outer);
				for (int k = 0; k < 8; k++) {
					long v = ctx.getAtIndex(LONG, k);
					inner.setAtIndex(BE_LONG, k, v);
					t[k] ^= v;
				}
			}
			byte[] bytes = new byte[64];
			MemorySegment view = MemorySegment.ofArray(bytes);
			for (int k = 0; k < 8; k++) {
				view.setAtIndex(BE_LONG_UNALIGNED, k, t[k]);
			}
			return bytes;
		}
		catch (Throwable ex) {
			throw Sha.failed(ex);
		}
		finally {
			Arrays.fill(is, 0);
			Arrays.fill(os, 0);
			Arrays.fill(t, 0);
		}
	}

	private static void fill(long[] words) {
		if (words != null) {
			Arrays.fill(words, 0);
		}
	}

	@Override
	public String name() {
		return Pbkdf2Engines.OPENSSL;
	}

	@Override
	public String toString() {
		return "Pbkdf2Engine[openssl, " + this.library + "]";
	}

	/**
	 * One SHA-2 function of libcrypto: {@code XXX_Init} and {@code XXX_Transform}, and the sizes.
	 * State words are handled as {@code long}s for both; SHA-256's are 32-bit.
	 */
	private record Sha(MethodHandle init, MethodHandle transform, int block, int hLen, int word) {

		static Sha bind(Linker linker, SymbolLookup lookup, String library, Pbkdf2Prf prf) {
			String prefix = (prf == Pbkdf2Prf.HMAC_SHA256) ? "SHA256" : "SHA512";
			// critical(false): a cheap transition with no safepoint; each call runs for well under a microsecond.
			Linker.Option critical = Linker.Option.critical(false);
			MethodHandle init = linker.downcallHandle(symbol(lookup, library, prefix + "_Init"),
					FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS), critical);
			MethodHandle transform = linker.downcallHandle(symbol(lookup, library, prefix + "_Transform"),
					FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS), critical);
			return new Sha(init, transform, prf.blockLength(), prf.hashLength(), prf.hashLength() / 8);
		}

		private static MemorySegment symbol(SymbolLookup lookup, String library, String name) {
			return lookup.find(name)
				.orElseThrow(() -> new Pbkdf2EngineUnavailableException(Pbkdf2EngineSelection.Cause.SYMBOL_MISSING,
						library + " has no " + name + " (OpenSSL 1.1 and 3 export it unless built with "
								+ "no-deprecated). Use such a libcrypto through pbkdf2-dpapi.password.engine-library "
								+ "(CLI: --engine-library), or set the engine to java"));
		}

		static IllegalStateException failed(Throwable ex) {
			return new IllegalStateException("OpenSSL SHA-2 call failed: " + ex.getClass().getName(), ex);
		}

		/** The initial state, from {@code XXX_Init}. */
		long[] iv(MemorySegment ctx) {
			try {
				if ((int) this.init.invokeExact(ctx) != 1) {
					throw new IllegalStateException("OpenSSL SHA-2 Init failed");
				}
			}
			catch (Throwable ex) {
				throw failed(ex);
			}
			return state(ctx);
		}

		/** The state after one block of {@code key} (zero-padded) XOR {@code pad}. */
		long[] keyed(MemorySegment ctx, MemorySegment scratch, byte[] key, int pad) {
			for (int i = 0; i < this.block; i++) {
				scratch.set(ValueLayout.JAVA_BYTE, i, (byte) (((i < key.length) ? key[i] : 0) ^ pad));
			}
			iv(ctx);
			transform(ctx, scratch);
			return state(ctx);
		}

		/**
		 * The final state of the hash of {@code data} from {@code start}, after {@code prefix}
		 * bytes already hashed (SHA-2 padding with the total length).
		 */
		long[] hash(MemorySegment ctx, MemorySegment scratch, long[] start, long prefix, byte[] data) {
			setState(ctx, start);
			int full = data.length / this.block * this.block;
			for (int off = 0; off < full; off += this.block) {
				MemorySegment.copy(data, off, scratch, ValueLayout.JAVA_BYTE, 0, this.block);
				transform(ctx, scratch);
			}
			int lengthField = this.block / 8;
			int rest = data.length - full;
			byte[] tail = new byte[(rest + 1 + lengthField <= this.block) ? this.block : 2 * this.block];
			System.arraycopy(data, full, tail, 0, rest);
			tail[rest] = (byte) 0x80;
			long bits = (prefix + data.length) * 8;
			for (int i = 0; i < 8; i++) {
				tail[tail.length - 1 - i] = (byte) (bits >>> (8 * i));
			}
			for (int off = 0; off < tail.length; off += this.block) {
				MemorySegment.copy(tail, off, scratch, ValueLayout.JAVA_BYTE, 0, this.block);
				transform(ctx, scratch);
			}
			Arrays.fill(tail, (byte) 0);
			return state(ctx);
		}

		/** Fills {@code block} with the padding of a message of one block plus one hash. */
		void pad(MemorySegment block) {
			block.fill((byte) 0);
			block.set(ValueLayout.JAVA_BYTE, this.hLen, (byte) 0x80);
			block.set(BE_LONG, this.block - 8, (long) (this.block + this.hLen) * 8);
		}

		/** The big-endian bytes of a state: the digest. */
		byte[] bytes(long[] state) {
			byte[] out = new byte[this.hLen];
			MemorySegment view = MemorySegment.ofArray(out);
			for (int k = 0; k < 8; k++) {
				if (this.word == 4) {
					view.setAtIndex(BE_INT_UNALIGNED, k, (int) state[k]);
				}
				else {
					view.setAtIndex(BE_LONG_UNALIGNED, k, state[k]);
				}
			}
			Arrays.fill(state, 0);
			return out;
		}

		private void transform(MemorySegment ctx, MemorySegment data) {
			try {
				this.transform.invokeExact(ctx, data);
			}
			catch (Throwable ex) {
				throw failed(ex);
			}
		}

		private long[] state(MemorySegment ctx) {
			long[] state = new long[8];
			for (int k = 0; k < 8; k++) {
				state[k] = (this.word == 4) ? Integer.toUnsignedLong(ctx.getAtIndex(INT, k)) : ctx.getAtIndex(LONG, k);
			}
			return state;
		}

		private void setState(MemorySegment ctx, long[] state) {
			for (int k = 0; k < 8; k++) {
				if (this.word == 4) {
					ctx.setAtIndex(INT, k, (int) state[k]);
				}
				else {
					ctx.setAtIndex(LONG, k, state[k]);
				}
			}
		}

	}

}
