package io.arcanum.crypto.x25519;

import java.util.Arrays;

/**
 * Arithmetic in GF(p), p = 2^255 - 19, on five unsigned 51-bit limbs in a {@code long[5]} (value =
 * sum of {@code h[i] * 2^(51 i)}), shaped for the JVM. Every method writes its result into a
 * caller-supplied array, so the ladder allocates nothing, and none branches on or indexes by the
 * values it handles.
 *
 * <p><b>Why radix 2^51.</b> A product needs 25 limb products against 100 for the ten-limb
 * radix-2^25.5 form that Bouncy Castle and the JDK use. But each coefficient {@code T_k = sum a_i
 * b_j} of a product reaches 2^113 and Java has no 128-bit integers. Getting the high words from
 * {@link Math#multiplyHigh} costs a second multiplication per limb product and ties up RDX:RAX; a
 * version built that way ran at about 13k scalar multiplications/s here, against about 20k for this
 * one.
 *
 * <p><b>Why doubles.</b> Each coefficient is instead computed twice, on the integer and on the
 * floating-point units, which work in parallel: {@code S_k}, the plain {@code long} sum of the
 * products, which wraps to exactly {@code T_k mod 2^64}, and {@code F_k}, the same sum in {@code
 * double}, which is within 2^62 of {@code T_k}. The two together give {@code T_k >> 51} exactly
 * (see {@link #high}).
 *
 * <p><b>Error bound.</b> Limbs below 2^53 convert to double exactly. On its way into {@code F_k} a
 * limb product is rounded at most six times (the product, up to four additions, the scaling by 19),
 * each time with relative error at most 2^-53, and all terms are non-negative, so {@code |F_k -
 * T_k| <= 6.01 * 2^-53 * T_k}. With limbs below 2^53, {@code T_k < (1 + 4 * 19) * 2^106}, so the
 * error is below 2^61.86. All values are integers or zero, never subnormal, so the floating-point
 * operations take constant time, and Java's floating point is IEEE 754 without extended precision,
 * so every JVM computes the same bits.
 *
 * <p><b>Limb bounds.</b> {@link #mul}, {@link #sqr} and {@link #mulSmall} accept limbs below 2^53
 * and return limbs below 2^51 + 2^15 ("reduced"). {@link #add} and {@link #sub} take reduced inputs
 * and return limbs below 2^53, which is what the ladder feeds back into a product.
 */
final class Field25519 {
  static final long MASK = (1L << 51) - 1;

  /** The limbs of 2p, added by subtractions to stay non-negative: 2 (2^51 - 19), 2 (2^51 - 1). */
  static final long TWO_P0 = 0xfffffffffffdaL;

  static final long TWO_PI = 0xffffffffffffeL;

  /** 2^113: F + ROUND has unit in the last place 2^61 for 0 <= F < 2^113. */
  private static final double ROUND = 0x1p113;

  private static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);

  private Field25519() {}

  /** Loads 32 little-endian bytes, ignoring bit 255 (RFC 7748 §5); values >= p stay as they are. */
  static void fromBytes(long[] h, byte[] s, int off) {
    long w0 = le64(s, off);
    long w1 = le64(s, off + 8);
    long w2 = le64(s, off + 16);
    long w3 = le64(s, off + 24);
    h[0] = w0 & MASK;
    h[1] = ((w0 >>> 51) | (w1 << 13)) & MASK;
    h[2] = ((w1 >>> 38) | (w2 << 26)) & MASK;
    h[3] = ((w2 >>> 25) | (w3 << 39)) & MASK;
    h[4] = (w3 >>> 12) & MASK; // drops bit 255
  }

  /** Stores the canonical (fully reduced, < p) little-endian encoding of {@code h}. */
  static void toBytes(byte[] s, int off, long[] h) {
    long h0 = h[0];
    long h1 = h[1];
    long h2 = h[2];
    long h3 = h[3];
    long h4 = h[4];
    // Two carry passes leave every limb below 2^51, i.e. a value below 2^255 < 2p.
    for (int pass = 0; pass < 2; pass++) {
      h1 += h0 >>> 51;
      h0 &= MASK;
      h2 += h1 >>> 51;
      h1 &= MASK;
      h3 += h2 >>> 51;
      h2 &= MASK;
      h4 += h3 >>> 51;
      h3 &= MASK;
      h0 += 19 * (h4 >>> 51);
      h4 &= MASK;
    }
    // q = 1 exactly when h + 19 >= 2^255, i.e. h >= p; then subtract p as "add 19, drop 2^255".
    long q = (h0 + 19) >>> 51;
    q = (h1 + q) >>> 51;
    q = (h2 + q) >>> 51;
    q = (h3 + q) >>> 51;
    q = (h4 + q) >>> 51;
    h0 += 19 * q;
    h1 += h0 >>> 51;
    h0 &= MASK;
    h2 += h1 >>> 51;
    h1 &= MASK;
    h3 += h2 >>> 51;
    h2 &= MASK;
    h4 += h3 >>> 51;
    h3 &= MASK;
    h4 &= MASK;
    putLe64(s, off, h0 | (h1 << 51));
    putLe64(s, off + 8, (h1 >>> 13) | (h2 << 38));
    putLe64(s, off + 16, (h2 >>> 26) | (h3 << 25));
    putLe64(s, off + 24, (h3 >>> 39) | (h4 << 12));
  }

  static void one(long[] h) {
    h[0] = 1;
    h[1] = 0;
    h[2] = 0;
    h[3] = 0;
    h[4] = 0;
  }

  static void copy(long[] r, long[] a) {
    System.arraycopy(a, 0, r, 0, 5);
  }

  /** r = a + b, without carrying. */
  static void add(long[] r, long[] a, long[] b) {
    r[0] = a[0] + b[0];
    r[1] = a[1] + b[1];
    r[2] = a[2] + b[2];
    r[3] = a[3] + b[3];
    r[4] = a[4] + b[4];
  }

  /** r = a - b + 2p, without carrying; the 2p keeps every limb non-negative for reduced b. */
  static void sub(long[] r, long[] a, long[] b) {
    r[0] = a[0] - b[0] + TWO_P0;
    r[1] = a[1] - b[1] + TWO_PI;
    r[2] = a[2] - b[2] + TWO_PI;
    r[3] = a[3] - b[3] + TWO_PI;
    r[4] = a[4] - b[4] + TWO_PI;
  }

  /**
   * Swaps a and b when {@code swap} is 1 and leaves them when it is 0, through a mask, so the
   * memory accesses and the instructions executed do not depend on the bit.
   */
  static void cswap(long swap, long[] a, long[] b) {
    long mask = -swap;
    for (int i = 0; i < 5; i++) {
      long t = mask & (a[i] ^ b[i]);
      a[i] ^= t;
      b[i] ^= t;
    }
  }

  /** r = a * b. r may alias a or b. */
  static void mul(long[] r, long[] a, long[] b) {
    long a0 = a[0];
    long a1 = a[1];
    long a2 = a[2];
    long a3 = a[3];
    long a4 = a[4];
    long b0 = b[0];
    long b1 = b[1];
    long b2 = b[2];
    long b3 = b[3];
    long b4 = b[4];
    // Limbs below 2^53 convert to double exactly.
    double fa0 = a0;
    double fa1 = a1;
    double fa2 = a2;
    double fa3 = a3;
    double fa4 = a4;
    double fb0 = b0;
    double fb1 = b1;
    double fb2 = b2;
    double fb3 = b3;
    double fb4 = b4;
    // 2^255 = 19 (mod p): products that land at 2^(51 k) with k >= 5 come back 19 times at k - 5.
    // Scaling their sum rather than each b_j keeps four fewer values live in registers.
    carry(
        r,
        a0 * b0 + 19 * (a1 * b4 + a2 * b3 + a3 * b2 + a4 * b1),
        a0 * b1 + a1 * b0 + 19 * (a2 * b4 + a3 * b3 + a4 * b2),
        a0 * b2 + a1 * b1 + a2 * b0 + 19 * (a3 * b4 + a4 * b3),
        a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + 19 * (a4 * b4),
        a0 * b4 + a1 * b3 + a2 * b2 + a3 * b1 + a4 * b0,
        fa0 * fb0 + 19 * (fa1 * fb4 + fa2 * fb3 + fa3 * fb2 + fa4 * fb1),
        fa0 * fb1 + fa1 * fb0 + 19 * (fa2 * fb4 + fa3 * fb3 + fa4 * fb2),
        fa0 * fb2 + fa1 * fb1 + fa2 * fb0 + 19 * (fa3 * fb4 + fa4 * fb3),
        fa0 * fb3 + fa1 * fb2 + fa2 * fb1 + fa3 * fb0 + 19 * (fa4 * fb4),
        fa0 * fb4 + fa1 * fb3 + fa2 * fb2 + fa3 * fb1 + fa4 * fb0);
  }

  /** r = a^2, with the cross terms doubled once instead of computed twice. r may alias a. */
  static void sqr(long[] r, long[] a) {
    long a0 = a[0];
    long a1 = a[1];
    long a2 = a[2];
    long a3 = a[3];
    long a4 = a[4];
    long d0 = 2 * a0;
    long d1 = 2 * a1;
    long d2 = 2 * a2;
    long d3 = 2 * a3;
    double fa0 = a0;
    double fa1 = a1;
    double fa2 = a2;
    double fa3 = a3;
    double fa4 = a4;
    double fd0 = 2 * fa0;
    double fd1 = 2 * fa1;
    double fd2 = 2 * fa2;
    double fd3 = 2 * fa3;
    carry(
        r,
        a0 * a0 + 19 * (d1 * a4 + d2 * a3),
        d0 * a1 + 19 * (d2 * a4 + a3 * a3),
        d0 * a2 + a1 * a1 + 19 * (d3 * a4),
        d0 * a3 + d1 * a2 + 19 * (a4 * a4),
        d0 * a4 + d1 * a3 + a2 * a2,
        fa0 * fa0 + 19 * (fd1 * fa4 + fd2 * fa3),
        fd0 * fa1 + 19 * (fd2 * fa4 + fa3 * fa3),
        fd0 * fa2 + fa1 * fa1 + 19 * (fd3 * fa4),
        fd0 * fa3 + fd1 * fa2 + 19 * (fa4 * fa4),
        fd0 * fa4 + fd1 * fa3 + fa2 * fa2);
  }

  /** r = a^(2^n), n >= 1. */
  static void sqr(long[] r, long[] a, int n) {
    sqr(r, a);
    for (int i = 1; i < n; i++) {
      sqr(r, r);
    }
  }

  /** r = a * c for 0 <= c < 2^20 (the ladder's a24 = 121665 and the base point's u = 9). */
  static void mulSmall(long[] r, long[] a, long c) {
    long a0 = a[0];
    long a1 = a[1];
    long a2 = a[2];
    long a3 = a[3];
    long a4 = a[4];
    // a_k c reaches 2^73, but splitting a_k at bit 26 gives its high part in two 64-bit products.
    reduce(
        r,
        a0 * c,
        a1 * c,
        a2 * c,
        a3 * c,
        a4 * c,
        smallHigh(a0, c),
        smallHigh(a1, c),
        smallHigh(a2, c),
        smallHigh(a3, c),
        smallHigh(a4, c));
  }

  /** (a c) >> 51 for a < 2^53, c < 2^20. */
  private static long smallHigh(long a, long c) {
    return ((a >>> 26) * c + (((a & ((1L << 26) - 1)) * c) >>> 26)) >>> 25;
  }

  /** r = z^(p - 2) = 1/z (0 for z = 0), by the usual fixed chain of 254 squarings, 11 products. */
  static void invert(long[] r, long[] z) {
    long[] z2 = new long[5];
    long[] z9 = new long[5];
    long[] z11 = new long[5];
    long[] t = new long[5];
    long[] u = new long[5];
    sqr(z2, z); // 2
    sqr(t, z2, 2); // 8
    mul(z9, t, z); // 9
    mul(z11, z9, z2); // 11
    sqr(t, z11); // 22
    mul(t, t, z9); // 2^5 - 1
    sqr(u, t, 5);
    mul(t, u, t); // 2^10 - 1
    sqr(u, t, 10);
    mul(u, u, t); // 2^20 - 1
    sqr(z2, u, 20);
    mul(u, z2, u); // 2^40 - 1
    sqr(u, u, 10);
    mul(t, u, t); // 2^50 - 1
    sqr(u, t, 50);
    mul(u, u, t); // 2^100 - 1
    sqr(z2, u, 100);
    mul(u, z2, u); // 2^200 - 1
    sqr(u, u, 50);
    mul(u, u, t); // 2^250 - 1
    sqr(u, u, 5); // 2^255 - 2^5
    mul(r, u, z11); // 2^255 - 21 = p - 2
    for (long[] w : new long[][] {z2, z9, z11, t, u}) {
      Arrays.fill(w, 0); // powers of a secret-derived value
    }
  }

  /**
   * Reduces the five coefficients T_k of a product, each given as S_k = T_k mod 2^64 and F_k ~ T_k.
   */
  private static void carry(
      long[] r,
      long s0,
      long s1,
      long s2,
      long s3,
      long s4,
      double f0,
      double f1,
      double f2,
      double f3,
      double f4) {
    reduce(
        r,
        s0,
        s1,
        s2,
        s3,
        s4,
        high(s0, f0),
        high(s1, f1),
        high(s2, f2),
        high(s3, f3),
        high(s4, f4));
  }

  /**
   * Reduces coefficients given as S_k = T_k mod 2^64 and H_k = T_k >> 51 (T_4 >> 51 < 2^58, the
   * others < 2^62) to limbs below 2^51 + 2^15, folding the carry out of the top limb back in as 19
   * times itself. Carries move one limb in parallel rather than in a serial chain, which the limb
   * bound allows.
   */
  private static void reduce(
      long[] r,
      long s0,
      long s1,
      long s2,
      long s3,
      long s4,
      long h0,
      long h1,
      long h2,
      long h3,
      long h4) {
    long x0 = (s0 & MASK) + 19 * h4;
    long x1 = (s1 & MASK) + h0;
    long x2 = (s2 & MASK) + h1;
    long x3 = (s3 & MASK) + h2;
    long x4 = (s4 & MASK) + h3;
    r[0] = (x0 & MASK) + 19 * (x4 >>> 51);
    r[1] = (x1 & MASK) + (x0 >>> 51);
    r[2] = (x2 & MASK) + (x1 >>> 51);
    r[3] = (x3 & MASK) + (x2 >>> 51);
    r[4] = (x4 & MASK) + (x3 >>> 51);
  }

  /**
   * T >> 51 for a coefficient 0 <= T < 2^113 from S = T mod 2^64 and a double F with |F - T| < 2^62
   * (see the class comment). Adding 2^113 rounds F to a multiple of 2^61, so the mantissa holds g =
   * round(F / 2^61), and -2 <= g - (T >> 61) <= 3. The low three bits of T >> 61 are the top three
   * of S, so m = T >> 64 = (g - (S >>> 61) + 4) >> 3 exactly, and T >> 51 = m 2^13 + (S >>> 51).
   */
  private static long high(long s, double f) {
    long g = Double.doubleToRawLongBits(f + ROUND) - ROUND_BITS;
    long m = (g - (s >>> 61) + 4) >> 3;
    return (m << 13) + (s >>> 51);
  }

  private static long le64(byte[] s, int off) {
    long w = 0;
    for (int i = 7; i >= 0; i--) {
      w = (w << 8) | (s[off + i] & 0xff);
    }
    return w;
  }

  private static void putLe64(byte[] s, int off, long w) {
    for (int i = 0; i < 8; i++) {
      s[off + i] = (byte) (w >>> (8 * i));
    }
  }
}
