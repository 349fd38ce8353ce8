package io.github.pbkdf2dpapi.pbkdf2;

import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA1 on a pure-Java SHA-1, used for legacy records only.
 *
 * <p>
 * Why not {@link java.security.MessageDigest}: the JDK's digests share their dispatch code
 * ({@code MessageDigest.Delegate}, {@code DigestBase}). When SHA-1, SHA-256 and SHA-512 all run
 * through it, the JIT's type profile at those call sites turns megamorphic and the SHA-512 loop
 * was measured about 1.6 times slower. Keeping SHA-1 out of that path leaves the shared sites
 * bimorphic (SHA-256 and SHA-512), where the JIT still inlines both. See
 * {@code Pbkdf2InterleavedBenchmark}. As a bonus the loop allocates nothing.
 */
final class HmacSha1Pbkdf2 {

	private static final int[] IV = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };

	private static final int BLOCK = 64;

	private static final int HASH = 20;

	private HmacSha1Pbkdf2() {
	}

	static byte[] derive(byte[] password, byte[] salt, int iterations, int length) {
		byte[] key = (password.length > BLOCK) ? toBytes(hash(IV, 0, password)) : password;
		int[] innerState = keyedState(key, 0x36);
		int[] outerState = keyedState(key, 0x5c);
		if (key != password) {
			Arrays.fill(key, (byte) 0);
		}
		byte[] out = new byte[length];
		byte[] first = Arrays.copyOf(salt, salt.length + 4);
		int[] u = new int[5];
		int[] t = new int[5];
		int[] w = new int[80];
		int blocks = (length + HASH - 1) / HASH;
		for (int block = 1; block <= blocks; block++) {
			first[salt.length] = (byte) (block >>> 24);
			first[salt.length + 1] = (byte) (block >>> 16);
			first[salt.length + 2] = (byte) (block >>> 8);
			first[salt.length + 3] = (byte) block;
			int[] inner = hash(innerState, BLOCK, first);
			int[] outer = hash(outerState, BLOCK, toBytes(inner));
			System.arraycopy(outer, 0, u, 0, 5);
			System.arraycopy(outer, 0, t, 0, 5);
			for (int i = 1; i < iterations; i++) {
				hmacOfHash(innerState, outerState, u, w);
				t[0] ^= u[0];
				t[1] ^= u[1];
				t[2] ^= u[2];
				t[3] ^= u[3];
				t[4] ^= u[4];
			}
			byte[] bytes = toBytes(t);
			int offset = (block - 1) * HASH;
			System.arraycopy(bytes, 0, out, offset, Math.min(HASH, length - offset));
			Arrays.fill(bytes, (byte) 0);
		}
		Arrays.fill(u, 0);
		Arrays.fill(t, 0);
		Arrays.fill(w, 0);
		Arrays.fill(first, (byte) 0);
		return out;
	}

	/**
	 * {@code u = HMAC(key, u)} where {@code u} is a 20-byte hash: one compression from each keyed
	 * state, the message and its padding laid out directly as words (64 + 20 bytes = 672 bits).
	 */
	private static void hmacOfHash(int[] innerState, int[] outerState, int[] u, int[] w) {
		for (int pass = 0; pass < 2; pass++) {
			int[] state = (pass == 0) ? innerState : outerState;
			w[0] = u[0];
			w[1] = u[1];
			w[2] = u[2];
			w[3] = u[3];
			w[4] = u[4];
			w[5] = 0x80000000;
			for (int i = 6; i < 15; i++) {
				w[i] = 0;
			}
			w[15] = (BLOCK + HASH) * 8;
			u[0] = state[0];
			u[1] = state[1];
			u[2] = state[2];
			u[3] = state[3];
			u[4] = state[4];
			compress(u, w);
		}
	}

	private static int[] keyedState(byte[] key, int pad) {
		byte[] block = new byte[BLOCK];
		for (int i = 0; i < BLOCK; i++) {
			block[i] = (byte) (((i < key.length) ? key[i] : 0) ^ pad);
		}
		int[] state = IV.clone();
		int[] w = new int[80];
		load(block, 0, w);
		compress(state, w);
		Arrays.fill(block, (byte) 0);
		return state;
	}

	/** SHA-1 of {@code data}, starting from {@code state} after {@code prefix} bytes already hashed. */
	private static int[] hash(int[] start, long prefix, byte[] data) {
		int[] state = start.clone();
		int[] w = new int[80];
		int full = data.length / BLOCK * BLOCK;
		for (int off = 0; off < full; off += BLOCK) {
			load(data, off, w);
			compress(state, w);
		}
		int rest = data.length - full;
		byte[] tail = new byte[(rest + 9 <= BLOCK) ? BLOCK : 2 * BLOCK];
		System.arraycopy(data, full, tail, 0, rest);
		tail[rest] = (byte) 0x80;
		long bits = (prefix + data.length) * 8;
		for (int i = 0; i < 8; i++) {
			tail[tail.length - 1 - i] = (byte) (bits >>> (8 * i));
		}
		for (int off = 0; off < tail.length; off += BLOCK) {
			load(tail, off, w);
			compress(state, w);
		}
		Arrays.fill(tail, (byte) 0);
		return state;
	}

	private static void load(byte[] b, int off, int[] w) {
		for (int i = 0; i < 16; i++) {
			int p = off + 4 * i;
			w[i] = (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
		}
	}

	private static byte[] toBytes(int[] words) {
		byte[] out = new byte[words.length * 4];
		for (int i = 0; i < words.length; i++) {
			out[4 * i] = (byte) (words[i] >>> 24);
			out[4 * i + 1] = (byte) (words[i] >>> 16);
			out[4 * i + 2] = (byte) (words[i] >>> 8);
			out[4 * i + 3] = (byte) words[i];
		}
		return out;
	}

	/** FIPS 180-4 SHA-1 compression of the 16 words in {@code w[0..15]} into {@code state}. */
	private static void compress(int[] state, int[] w) {
		for (int i = 16; i < 80; i++) {
			w[i] = Integer.rotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
		}
		int a = state[0];
		int b = state[1];
		int c = state[2];
		int d = state[3];
		int e = state[4];
		for (int i = 0; i < 80; i++) {
			int f;
			int k;
			if (i < 20) {
				f = (b & c) | (~b & d);
				k = 0x5A827999;
			}
			else if (i < 40) {
				f = b ^ c ^ d;
				k = 0x6ED9EBA1;
			}
			else if (i < 60) {
				f = (b & c) | (b & d) | (c & d);
				k = 0x8F1BBCDC;
			}
			else {
				f = b ^ c ^ d;
				k = 0xCA62C1D6;
			}
			int temp = Integer.rotateLeft(a, 5) + f + e + k + w[i];
			e = d;
			d = c;
			c = Integer.rotateLeft(b, 30);
			b = a;
			a = temp;
		}
		state[0] += a;
		state[1] += b;
		state[2] += c;
		state[3] += d;
		state[4] += e;
	}

}
