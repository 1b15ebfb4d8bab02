package io.arcanum.crypto.x25519;

/**
 * Arithmetic in GF(p), p = 2^255 - 19, on five unsigned 51-bit limbs in a {@code long[5]} (value =
 * sum of {@code h[i] * 2^(51 i)}), shaped for the JVM. Every method writes its result into a
 * caller-supplied array, so the ladder allocates nothing, and none branches on or indexes by the
 * values it handles.
 *
 * <p><b>Why radix 2^51.</b> It needs 25 limb products per field product against 100 for the
 * ten-limb radix-2^25.5 form that Bouncy Castle and the JDK use. But each coefficient {@code T_k =
 * sum a_i b_j} of a product reaches 2^113, and Java has no 128-bit integers: {@code a * b} gives
 * the low 64 bits, {@link Math#multiplyHigh} the high ones, and adding 128-bit values needs carry
 * tests. Measured, that costs as much as it saves.
 *
 * <p><b>Why doubles.</b> So each coefficient is computed twice, in parallel execution units: {@code
 * S_k}, the plain {@code long} sum of the products, which wraps to exactly {@code T_k mod 2^64},
 * and {@code F_k}, the same sum in {@code double}, which is within 2^62 of {@code T_k}. The two
 * together pin {@code T_k} down exactly (see {@link #high}). Rounding error analysis: limbs below
 * 2^53 convert exactly; each product and sum rounds with relative error 2^-53 (19 b once more), so
 * {@code |F_k - T_k| <= 6 * 2^-53 * T_k} with {@code T_k < 77 * 2^106}, i.e. below 2^61.86. All
 * values are integers or zero, never subnormal, so the floating-point operations take constant
 * time; Java's floating point is strict IEEE 754, so the results are the same on every JVM.
 *
 * <p><b>Bounds.</b> {@link #mul}, {@link #sqr} and {@link #mulSmall} accept limbs below 2^53 and
 * return limbs below 2^51 + 2^15 ("reduced"). {@link #add} and {@link #sub} take reduced inputs and
 * return limbs below 2^53, which is what the ladder feeds back into a product.
 */
final class Field25519 {
  static final long MASK = (1L << 51) - 1;

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
    r[0] = a[0] - b[0] + 0xfffffffffffdaL; // 2 * (2^51 - 19)
    r[1] = a[1] - b[1] + 0xffffffffffffeL; // 2 * (2^51 - 1)
    r[2] = a[2] - b[2] + 0xffffffffffffeL;
    r[3] = a[3] - b[3] + 0xffffffffffffeL;
    r[4] = a[4] - b[4] + 0xffffffffffffeL;
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
    // 2^255 = 19 (mod p): products that land at 2^(51 k) with k >= 5 come back 19 times at k - 5.
    long c1 = 19 * b1;
    long c2 = 19 * b2;
    long c3 = 19 * b3;
    long c4 = 19 * b4;
    // Limbs below 2^53 convert to double exactly; 19 b rounds, which the error bound allows for.
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
    double fc1 = 19 * fb1;
    double fc2 = 19 * fb2;
    double fc3 = 19 * fb3;
    double fc4 = 19 * fb4;
    carry(
        r,
        a0 * b0 + a1 * c4 + a2 * c3 + a3 * c2 + a4 * c1,
        a0 * b1 + a1 * b0 + a2 * c4 + a3 * c3 + a4 * c2,
        a0 * b2 + a1 * b1 + a2 * b0 + a3 * c4 + a4 * c3,
        a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + a4 * c4,
        a0 * b4 + a1 * b3 + a2 * b2 + a3 * b1 + a4 * b0,
        fa0 * fb0 + fa1 * fc4 + fa2 * fc3 + fa3 * fc2 + fa4 * fc1,
        fa0 * fb1 + fa1 * fb0 + fa2 * fc4 + fa3 * fc3 + fa4 * fc2,
        fa0 * fb2 + fa1 * fb1 + fa2 * fb0 + fa3 * fc4 + fa4 * fc3,
        fa0 * fb3 + fa1 * fb2 + fa2 * fb1 + fa3 * fb0 + fa4 * fc4,
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
    long c3 = 19 * a3;
    long c4 = 19 * a4;
    double fa0 = a0;
    double fa1 = a1;
    double fa2 = a2;
    double fa3 = a3;
    double fa4 = a4;
    double fd0 = 2 * fa0;
    double fd1 = 2 * fa1;
    double fd2 = 2 * fa2;
    double fd3 = 2 * fa3;
    double fc3 = 19 * fa3;
    double fc4 = 19 * fa4;
    carry(
        r,
        a0 * a0 + d1 * c4 + d2 * c3,
        d0 * a1 + d2 * c4 + a3 * c3,
        d0 * a2 + a1 * a1 + d3 * c4,
        d0 * a3 + d1 * a2 + a4 * c4,
        d0 * a4 + d1 * a3 + a2 * a2,
        fa0 * fa0 + fd1 * fc4 + fd2 * fc3,
        fd0 * fa1 + fd2 * fc4 + fa3 * fc3,
        fd0 * fa2 + fa1 * fa1 + fd3 * fc4,
        fd0 * fa3 + fd1 * fa2 + fa4 * fc4,
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
   * (see the class comment). Adding 2^113 rounds F to a multiple of 2^61, i.e. g = round(F / 2^61),
   * read from the mantissa; g is within 3 of T >> 61, whose low three bits are the top three of S,
   * so m = T >> 64 = (g - (S >>> 61) + 4) >> 3 exactly.
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
