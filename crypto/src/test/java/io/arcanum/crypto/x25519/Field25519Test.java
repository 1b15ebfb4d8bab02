package io.arcanum.crypto.x25519;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Field25519} against BigInteger arithmetic mod p, at the limb bounds its class comment
 * claims: products accept limbs up to 2^53 - 1 and return limbs below 2^51 + 2^15. The largest
 * inputs maximise the coefficients and with them the floating-point error the products rely on.
 */
class Field25519Test {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final long PRODUCT_INPUT_LIMIT = 1L << 53; // exclusive
  private static final long REDUCED_LIMIT = (1L << 51) + (1L << 15); // exclusive

  @Test
  void productsOfLimbsUpToTheInputBoundAreExactAndReduced() {
    SplittableRandom random = new SplittableRandom(0xf1e1dL);
    List<long[]> inputs = edgeInputs(PRODUCT_INPUT_LIMIT);
    for (int i = 0; i < 4000; i++) {
      inputs.add(randomLimbs(random, PRODUCT_INPUT_LIMIT));
    }
    long[] r = new long[5];
    for (long[] a : inputs) {
      long[] b = randomLimbs(random, PRODUCT_INPUT_LIMIT);
      for (long[] y : List.of(a, b, inputs.get(0), inputs.get(1))) {
        Field25519.mul(r, a, y);
        assertReduced(r, value(a).multiply(value(y)));
      }
      Field25519.sqr(r, a);
      assertReduced(r, value(a).pow(2));
      for (long c : new long[] {0, 1, 9, 121665, (1 << 20) - 1}) {
        Field25519.mulSmall(r, a, c);
        assertReduced(r, value(a).multiply(BigInteger.valueOf(c)));
      }
    }
  }

  @Test
  void productsMayWriteIntoAnOperand() {
    SplittableRandom random = new SplittableRandom(0xa11a5L);
    long[] a = randomLimbs(random, PRODUCT_INPUT_LIMIT);
    long[] b = randomLimbs(random, PRODUCT_INPUT_LIMIT);
    BigInteger expected = value(a).multiply(value(b));
    Field25519.mul(a, a, b);
    assertReduced(a, expected);
    expected = value(b).pow(2);
    Field25519.sqr(b, b);
    assertReduced(b, expected);
  }

  @Test
  void sumsAndDifferencesOfReducedLimbsStayBelowTheProductInputBound() {
    SplittableRandom random = new SplittableRandom(0xadd5L);
    List<long[]> inputs = edgeInputs(REDUCED_LIMIT);
    for (int i = 0; i < 2000; i++) {
      inputs.add(randomLimbs(random, REDUCED_LIMIT));
    }
    long[] r = new long[5];
    for (long[] a : inputs) {
      for (long[] b : List.of(inputs.get(0), inputs.get(1), randomLimbs(random, REDUCED_LIMIT))) {
        Field25519.add(r, a, b);
        assertProductInput(r, value(a).add(value(b)));
        Field25519.sub(r, a, b);
        assertProductInput(r, value(a).subtract(value(b)));
      }
    }
  }

  @Test
  void encodingIsCanonicalForEveryRepresentation() {
    BigInteger top = BigInteger.TWO.pow(255);
    List<BigInteger> values = new ArrayList<>();
    for (long d = 0; d < 40; d++) {
      values.add(BigInteger.valueOf(d));
      values.add(P.subtract(BigInteger.valueOf(d + 1))); // p - 1 downwards
      values.add(P.add(BigInteger.valueOf(d)).min(top.subtract(BigInteger.ONE))); // p .. 2^255 - 1
    }
    byte[] out = new byte[32];
    long[] h = new long[5];
    for (BigInteger v : values) {
      for (boolean topBit : new boolean[] {false, true}) {
        Field25519.fromBytes(h, encode(topBit ? v.setBit(255) : v), 0);
        assertThat(value(h)).isEqualTo(v); // bit 255 dropped, no reduction on input
        Field25519.toBytes(out, 0, h);
        assertThat(out).isEqualTo(encode(v.mod(P)));
      }
    }
    // Reduced limbs that are not below 2^51 must encode canonically too.
    SplittableRandom random = new SplittableRandom(0xb17e5L);
    for (int i = 0; i < 2000; i++) {
      long[] limbs = i < 2 ? edgeInputs(REDUCED_LIMIT).get(i) : randomLimbs(random, REDUCED_LIMIT);
      Field25519.toBytes(out, 0, limbs);
      assertThat(out).isEqualTo(encode(value(limbs).mod(P)));
    }
  }

  @Test
  void inversionIsFermatsAndMapsZeroToZero() {
    SplittableRandom random = new SplittableRandom(0x1feL);
    long[] inverse = new long[5];
    for (int i = 0; i < 200; i++) {
      long[] z = randomLimbs(random, REDUCED_LIMIT);
      Field25519.invert(inverse, z);
      assertReduced(inverse, value(z).modPow(P.subtract(BigInteger.TWO), P));
    }
    Field25519.invert(inverse, new long[5]);
    assertThat(value(inverse).mod(P)).isZero();
  }

  /** All limbs maximal, all zero, and alternating, below {@code limit}. */
  private static List<long[]> edgeInputs(long limit) {
    long max = limit - 1;
    List<long[]> edges = new ArrayList<>();
    edges.add(new long[] {max, max, max, max, max});
    edges.add(new long[] {0, 0, 0, 0, 0});
    edges.add(new long[] {max, 0, max, 0, max});
    edges.add(new long[] {0, max, 0, max, 0});
    edges.add(new long[] {1, 0, 0, 0, max});
    edges.add(new long[] {max, 1, 1, 1, 1});
    return edges;
  }

  /** Limbs below {@code limit}, half of them biased to the extremes. */
  private static long[] randomLimbs(SplittableRandom random, long limit) {
    long[] h = new long[5];
    for (int i = 0; i < 5; i++) {
      int pick = random.nextInt(6);
      h[i] =
          switch (pick) {
            case 0 -> limit - 1 - random.nextLong(1 << 16);
            case 1 -> random.nextLong(1 << 16);
            case 2 -> random.nextLong(1L << 51);
            default -> random.nextLong(limit);
          };
    }
    return h;
  }

  private static void assertReduced(long[] r, BigInteger expected) {
    for (long limb : r) {
      assertThat(limb).isBetween(0L, REDUCED_LIMIT - 1);
    }
    assertThat(value(r).mod(P)).isEqualTo(expected.mod(P));
  }

  private static void assertProductInput(long[] r, BigInteger expected) {
    for (long limb : r) {
      assertThat(limb).isBetween(0L, PRODUCT_INPUT_LIMIT - 1);
    }
    assertThat(value(r).mod(P)).isEqualTo(expected.mod(P));
  }

  private static BigInteger value(long[] h) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 4; i >= 0; i--) {
      v = v.shiftLeft(51).add(BigInteger.valueOf(h[i]));
    }
    return v;
  }

  private static byte[] encode(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < Math.min(32, be.length); i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }
}
