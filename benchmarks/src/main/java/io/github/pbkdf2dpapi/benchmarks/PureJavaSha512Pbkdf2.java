package io.github.pbkdf2dpapi.benchmarks;

import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA512 on a pure-Java SHA-512 (FIPS 180-4), the alternative to the engine's loop
 * over the JDK's intrinsic digest, kept here only to compare with numbers
 * ({@link Pbkdf2AfterJdkBenchmark}): it allocates nothing per iteration and cannot be slowed by how
 * the JIT compiled the JDK's shared digest code for other callers, but it has no AVX2 intrinsic.
 */
final class PureJavaSha512Pbkdf2 {

	private static final long[] IV = { 0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L, 0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L };

	private static final long[] K = {
			0x428a2f98d728ae22L, 0x7137449123ef65cdL, 0xb5c0fbcfec4d3b2fL, 0xe9b5dba58189dbbcL,
			0x3956c25bf348b538L, 0x59f111f1b605d019L, 0x923f82a4af194f9bL, 0xab1c5ed5da6d8118L,
			0xd807aa98a3030242L, 0x12835b0145706fbeL, 0x243185be4ee4b28cL, 0x550c7dc3d5ffb4e2L,
			0x72be5d74f27b896fL, 0x80deb1fe3b1696b1L, 0x9bdc06a725c71235L, 0xc19bf174cf692694L,
			0xe49b69c19ef14ad2L, 0xefbe4786384f25e3L, 0x0fc19dc68b8cd5b5L, 0x240ca1cc77ac9c65L,
			0x2de92c6f592b0275L, 0x4a7484aa6ea6e483L, 0x5cb0a9dcbd41fbd4L, 0x76f988da831153b5L,
			0x983e5152ee66dfabL, 0xa831c66d2db43210L, 0xb00327c898fb213fL, 0xbf597fc7beef0ee4L,
			0xc6e00bf33da88fc2L, 0xd5a79147930aa725L, 0x06ca6351e003826fL, 0x142929670a0e6e70L,
			0x27b70a8546d22ffcL, 0x2e1b21385c26c926L, 0x4d2c6dfc5ac42aedL, 0x53380d139d95b3dfL,
			0x650a73548baf63deL, 0x766a0abb3c77b2a8L, 0x81c2c92e47edaee6L, 0x92722c851482353bL,
			0xa2bfe8a14cf10364L, 0xa81a664bbc423001L, 0xc24b8b70d0f89791L, 0xc76c51a30654be30L,
			0xd192e819d6ef5218L, 0xd69906245565a910L, 0xf40e35855771202aL, 0x106aa07032bbd1b8L,
			0x19a4c116b8d2d0c8L, 0x1e376c085141ab53L, 0x2748774cdf8eeb99L, 0x34b0bcb5e19b48a8L,
			0x391c0cb3c5c95a63L, 0x4ed8aa4ae3418acbL, 0x5b9cca4f7763e373L, 0x682e6ff3d6b2b8a3L,
			0x748f82ee5defb2fcL, 0x78a5636f43172f60L, 0x84c87814a1f0ab72L, 0x8cc702081a6439ecL,
			0x90befffa23631e28L, 0xa4506cebde82bde9L, 0xbef9a3f7b2c67915L, 0xc67178f2e372532bL,
			0xca273eceea26619cL, 0xd186b8c721c0c207L, 0xeada7dd6cde0eb1eL, 0xf57d4f7fee6ed178L,
			0x06f067aa72176fbaL, 0x0a637dc5a2c898a6L, 0x113f9804bef90daeL, 0x1b710b35131c471bL,
			0x28db77f523047d84L, 0x32caab7b40c72493L, 0x3c9ebe0a15c9bebcL, 0x431d67c49c100d4cL,
			0x4cc5d4becb3e42b6L, 0x597f299cfc657e2aL, 0x5fcb6fab3ad6faecL, 0x6c44198c4a475817L,
	};

	private static final int BLOCK = 128;

	private static final int HASH = 64;

	private PureJavaSha512Pbkdf2() {
	}

	static byte[] derive(byte[] password, byte[] salt, int iterations, int length) {
		byte[] key = (password.length > BLOCK) ? toBytes(hash(IV, 0, password)) : password;
		long[] innerState = keyedState(key, 0x36);
		long[] outerState = keyedState(key, 0x5c);
		if (key != password) {
			Arrays.fill(key, (byte) 0);
		}
		byte[] out = new byte[length];
		byte[] first = Arrays.copyOf(salt, salt.length + 4);
		long[] u = new long[8];
		long[] t = new long[8];
		long[] w = new long[80];
		int blocks = (length + HASH - 1) / HASH;
		for (int block = 1; block <= blocks; block++) {
			first[salt.length] = (byte) (block >>> 24);
			first[salt.length + 1] = (byte) (block >>> 16);
			first[salt.length + 2] = (byte) (block >>> 8);
			first[salt.length + 3] = (byte) block;
			long[] inner = hash(innerState, BLOCK, first);
			long[] outer = hash(outerState, BLOCK, toBytes(inner));
			System.arraycopy(outer, 0, u, 0, 8);
			System.arraycopy(outer, 0, t, 0, 8);
			for (int i = 1; i < iterations; i++) {
				hmacOfHash(innerState, outerState, u, w);
				for (int k = 0; k < 8; k++) {
					t[k] ^= u[k];
				}
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
	 * {@code u = HMAC(key, u)} for a 64-byte {@code u}: one compression from each keyed state, the
	 * message and its padding laid out as words (128 + 64 bytes = 1536 bits).
	 */
	private static void hmacOfHash(long[] innerState, long[] outerState, long[] u, long[] w) {
		for (int pass = 0; pass < 2; pass++) {
			long[] state = (pass == 0) ? innerState : outerState;
			System.arraycopy(u, 0, w, 0, 8);
			w[8] = 0x8000000000000000L;
			for (int i = 9; i < 15; i++) {
				w[i] = 0;
			}
			w[15] = (BLOCK + HASH) * 8;
			System.arraycopy(state, 0, u, 0, 8);
			compress(u, w);
		}
	}

	private static long[] keyedState(byte[] key, int pad) {
		byte[] block = new byte[BLOCK];
		for (int i = 0; i < BLOCK; i++) {
			block[i] = (byte) (((i < key.length) ? key[i] : 0) ^ pad);
		}
		long[] state = IV.clone();
		long[] w = new long[80];
		load(block, 0, w);
		compress(state, w);
		Arrays.fill(block, (byte) 0);
		return state;
	}

	/** SHA-512 of {@code data}, starting from {@code start} after {@code prefix} bytes already hashed. */
	private static long[] hash(long[] start, long prefix, byte[] data) {
		long[] state = start.clone();
		long[] w = new long[80];
		int full = data.length / BLOCK * BLOCK;
		for (int off = 0; off < full; off += BLOCK) {
			load(data, off, w);
			compress(state, w);
		}
		int rest = data.length - full;
		byte[] tail = new byte[(rest + 17 <= BLOCK) ? BLOCK : 2 * BLOCK];
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

	private static void load(byte[] b, int off, long[] w) {
		for (int i = 0; i < 16; i++) {
			long v = 0;
			for (int j = 0; j < 8; j++) {
				v = (v << 8) | (b[off + 8 * i + j] & 0xff);
			}
			w[i] = v;
		}
	}

	private static byte[] toBytes(long[] words) {
		byte[] out = new byte[words.length * 8];
		for (int i = 0; i < words.length; i++) {
			for (int j = 0; j < 8; j++) {
				out[8 * i + j] = (byte) (words[i] >>> (56 - 8 * j));
			}
		}
		return out;
	}

	/** FIPS 180-4 SHA-512 compression of the 16 words in {@code w[0..15]} into {@code state}. */
	private static void compress(long[] state, long[] w) {
		for (int i = 16; i < 80; i++) {
			long x = w[i - 15];
			long y = w[i - 2];
			long s0 = Long.rotateRight(x, 1) ^ Long.rotateRight(x, 8) ^ (x >>> 7);
			long s1 = Long.rotateRight(y, 19) ^ Long.rotateRight(y, 61) ^ (y >>> 6);
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		long a = state[0];
		long b = state[1];
		long c = state[2];
		long d = state[3];
		long e = state[4];
		long f = state[5];
		long g = state[6];
		long h = state[7];
		// Eight rounds per pass with the working variables renamed instead of shifted.
		for (int i = 0; i < 80; i += 8) {
			h += (Long.rotateRight(e, 14) ^ Long.rotateRight(e, 18) ^ Long.rotateRight(e, 41))
					+ ((e & f) ^ (~e & g)) + K[i + 0] + w[i + 0];
			d += h;
			h += (Long.rotateRight(a, 28) ^ Long.rotateRight(a, 34) ^ Long.rotateRight(a, 39))
					+ ((a & b) ^ (a & c) ^ (b & c));
			g += (Long.rotateRight(d, 14) ^ Long.rotateRight(d, 18) ^ Long.rotateRight(d, 41))
					+ ((d & e) ^ (~d & f)) + K[i + 1] + w[i + 1];
			c += g;
			g += (Long.rotateRight(h, 28) ^ Long.rotateRight(h, 34) ^ Long.rotateRight(h, 39))
					+ ((h & a) ^ (h & b) ^ (a & b));
			f += (Long.rotateRight(c, 14) ^ Long.rotateRight(c, 18) ^ Long.rotateRight(c, 41))
					+ ((c & d) ^ (~c & e)) + K[i + 2] + w[i + 2];
			b += f;
			f += (Long.rotateRight(g, 28) ^ Long.rotateRight(g, 34) ^ Long.rotateRight(g, 39))
					+ ((g & h) ^ (g & a) ^ (h & a));
			e += (Long.rotateRight(b, 14) ^ Long.rotateRight(b, 18) ^ Long.rotateRight(b, 41))
					+ ((b & c) ^ (~b & d)) + K[i + 3] + w[i + 3];
			a += e;
			e += (Long.rotateRight(f, 28) ^ Long.rotateRight(f, 34) ^ Long.rotateRight(f, 39))
					+ ((f & g) ^ (f & h) ^ (g & h));
			d += (Long.rotateRight(a, 14) ^ Long.rotateRight(a, 18) ^ Long.rotateRight(a, 41))
					+ ((a & b) ^ (~a & c)) + K[i + 4] + w[i + 4];
			h += d;
			d += (Long.rotateRight(e, 28) ^ Long.rotateRight(e, 34) ^ Long.rotateRight(e, 39))
					+ ((e & f) ^ (e & g) ^ (f & g));
			c += (Long.rotateRight(h, 14) ^ Long.rotateRight(h, 18) ^ Long.rotateRight(h, 41))
					+ ((h & a) ^ (~h & b)) + K[i + 5] + w[i + 5];
			g += c;
			c += (Long.rotateRight(d, 28) ^ Long.rotateRight(d, 34) ^ Long.rotateRight(d, 39))
					+ ((d & e) ^ (d & f) ^ (e & f));
			b += (Long.rotateRight(g, 14) ^ Long.rotateRight(g, 18) ^ Long.rotateRight(g, 41))
					+ ((g & h) ^ (~g & a)) + K[i + 6] + w[i + 6];
			f += b;
			b += (Long.rotateRight(c, 28) ^ Long.rotateRight(c, 34) ^ Long.rotateRight(c, 39))
					+ ((c & d) ^ (c & e) ^ (d & e));
			a += (Long.rotateRight(f, 14) ^ Long.rotateRight(f, 18) ^ Long.rotateRight(f, 41))
					+ ((f & g) ^ (~f & h)) + K[i + 7] + w[i + 7];
			e += a;
			a += (Long.rotateRight(b, 28) ^ Long.rotateRight(b, 34) ^ Long.rotateRight(b, 39))
					+ ((b & c) ^ (b & d) ^ (c & d));
		}
		state[0] += a;
		state[1] += b;
		state[2] += c;
		state[3] += d;
		state[4] += e;
		state[5] += f;
		state[6] += g;
		state[7] += h;
	}

}
