package io.arcanum.crypto.x25519;

import static io.arcanum.crypto.x25519.Field25519.add;
import static io.arcanum.crypto.x25519.Field25519.cswap;
import static io.arcanum.crypto.x25519.Field25519.mul;
import static io.arcanum.crypto.x25519.Field25519.mulSmall;
import static io.arcanum.crypto.x25519.Field25519.sqr;
import static io.arcanum.crypto.x25519.Field25519.sub;

import java.util.Arrays;

/**
 * The X25519 function of RFC 7748 §5: a constant-time Montgomery ladder over {@link Field25519}.
 *
 * <p>The ladder performs the same field operations for every scalar and point: scalar bits only
 * ever select through masks (a conditional swap), never a branch or an array index. The only branch
 * on data is on whether the point is the base point, which is public. Callers pass 32-byte arrays;
 * the inputs are not modified.
 */
final class Curve25519 {

  /** (A - 2) / 4 for A = 486662, RFC 7748 §5. */
  private static final long A24 = 121665;

  /** The base point's u-coordinate; small, so the ladder multiplies by it as a constant. */
  private static final long BASE_U = 9;

  private Curve25519() {}

  /** out = X25519(k, u): 32-byte scalar k (clamped here), 32-byte u (bit 255 ignored). */
  static void scalarMult(byte[] k, byte[] u, byte[] out) {
    long[] x1 = new long[5];
    Field25519.fromBytes(x1, u, 0);
    ladder(k, x1, false, out);
  }

  /**
   * out = X25519(k, 9), the public key of secret k: the same ladder, with the multiplication by the
   * base point's u = 9 done as a small-constant product (one full product fewer per step).
   */
  static void scalarMultBase(byte[] k, byte[] out) {
    long[] x1 = new long[5];
    x1[0] = BASE_U;
    ladder(k, x1, true, out);
  }

  /**
   * The start of a ladder step: swaps (x2, z2) with (x3, z3) when {@code swap} is 1, by mask and in
   * registers, then sets a = x2 + z2, b = x2 - z2, c = x3 + z3, d = x3 - z3. The swapped values
   * need not be stored, because a step reads x2..z3 only here and then overwrites them all; this
   * saves a pass over twenty limbs per step.
   */
  private static void swapSumsAndDifferences(
      long swap,
      long[] x2,
      long[] z2,
      long[] x3,
      long[] z3,
      long[] a,
      long[] b,
      long[] c,
      long[] d) {
    long mask = -swap;
    for (int i = 0; i < 5; i++) {
      long twoP = i == 0 ? Field25519.TWO_P0 : Field25519.TWO_PI; // i is public
      long u2 = x2[i];
      long u3 = x3[i];
      long w2 = z2[i];
      long w3 = z3[i];
      long t = mask & (u2 ^ u3);
      u2 ^= t;
      u3 ^= t;
      t = mask & (w2 ^ w3);
      w2 ^= t;
      w3 ^= t;
      a[i] = u2 + w2;
      b[i] = u2 - w2 + twoP;
      c[i] = u3 + w3;
      d[i] = u3 - w3 + twoP;
    }
  }

  private static void ladder(byte[] k, long[] x1, boolean base, byte[] out) {
    // The scalar is clamped (RFC 7748 §5 decodeScalar25519) into a copy that is zeroed below.
    byte[] e = k.clone();
    e[0] &= (byte) 248;
    e[31] &= 127;
    e[31] |= 64;

    long[] x2 = new long[5];
    long[] z2 = new long[5];
    long[] x3 = new long[5];
    long[] z3 = new long[5];
    long[] a = new long[5];
    long[] b = new long[5];
    long[] c = new long[5];
    long[] d = new long[5];
    long[] aa = new long[5];
    long[] bb = new long[5];
    Field25519.one(x2);
    Field25519.copy(x3, x1);
    Field25519.one(z3);

    long swap = 0;
    // Clamping clears bits 0..2, so the last three steps are pure doublings (below): they skip the
    // differential addition, whose result the ladder would discard.
    for (int t = 254; t >= 3; t--) {
      long bit = (e[t >>> 3] >>> (t & 7)) & 1;
      swap ^= bit;
      swapSumsAndDifferences(swap, x2, z2, x3, z3, a, b, c, d); // A, B, C, D
      swap = bit;

      mul(d, d, a); // DA
      mul(c, c, b); // CB
      sqr(aa, a); // AA
      sqr(bb, b); // BB
      add(x3, d, c);
      sqr(x3, x3); // x3 = (DA + CB)^2
      sub(z3, d, c);
      sqr(z3, z3);
      if (base) {
        mulSmall(z3, z3, BASE_U); // z3 = x1 (DA - CB)^2
      } else {
        mul(z3, z3, x1);
      }
      mul(x2, aa, bb); // x2 = AA BB
      sub(a, aa, bb); // E = AA - BB
      mulSmall(b, a, A24);
      add(b, b, aa);
      mul(z2, a, b); // z2 = E (AA + a24 E)
    }
    cswap(swap, x2, x3);
    cswap(swap, z2, z3);
    for (int t = 2; t >= 0; t--) {
      add(a, x2, z2);
      sub(b, x2, z2);
      sqr(aa, a);
      sqr(bb, b);
      mul(x2, aa, bb);
      sub(a, aa, bb);
      mulSmall(b, a, A24);
      add(b, b, aa);
      mul(z2, a, b);
    }

    Field25519.invert(z2, z2);
    mul(x2, x2, z2);
    Field25519.toBytes(out, 0, x2);

    Arrays.fill(e, (byte) 0);
    for (long[] f : new long[][] {x1, x2, z2, x3, z3, a, b, c, d, aa, bb}) {
      Arrays.fill(f, 0);
    }
  }
}
