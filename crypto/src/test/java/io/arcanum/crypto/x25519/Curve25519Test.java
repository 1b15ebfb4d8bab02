package io.arcanum.crypto.x25519;

import static io.arcanum.crypto.SpecFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.KeyAgreement;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The in-house {@link Curve25519} against RFC 7748's vectors and, on seeded random and edge inputs,
 * against two independent implementations: Bouncy Castle's and the JDK's XDH.
 */
class Curve25519Test {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  /** The two points of order 8 (libsodium's blacklist); with 0, 1 and p - 1 all low-order u. */
  private static final BigInteger ORDER8_A =
      le("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");

  private static final BigInteger ORDER8_B =
      le("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157");

  @ParameterizedTest(name = "RFC 7748 §5.2 vector {index}")
  @CsvSource({
    "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4,"
        + "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c,"
        + "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
    "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d,"
        + "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493,"
        + "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
  })
  void reproducesRfc7748Vectors(String scalar, String u, String out) {
    // The second vector's u has bit 255 set: it must be masked, not rejected.
    assertThat(x25519(hex(scalar), hex(u))).isEqualTo(hex(out));
  }

  @Test
  void reproducesRfc7748IteratedVectorAfterOneAndOneThousandRounds() {
    assertThat(iterate(1))
        .isEqualTo(hex("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"));
    assertThat(iterate(1000))
        .isEqualTo(hex("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"));
  }

  /** About 55 s on the 2-core dev machine, so opt-in: {@code -Darcanum.x25519.million=true}. */
  @Test
  @EnabledIfSystemProperty(named = "arcanum.x25519.million", matches = "true")
  void reproducesRfc7748IteratedVectorAfterOneMillionRounds() {
    assertThat(iterate(1_000_000))
        .isEqualTo(hex("7c3911e0ab2586fd864497297e575e6f3bc601c0883c30df5f4dd2d24f665424"));
  }

  @Test
  void reproducesRfc7748DiffieHellmanExample() {
    byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    byte[] bob = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    byte[] alicePublic = base(alice);
    byte[] bobPublic = base(bob);

    assertThat(alicePublic)
        .isEqualTo(hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    assertThat(bobPublic)
        .isEqualTo(hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
    byte[] shared = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    assertThat(x25519(alice, bobPublic)).isEqualTo(shared);
    assertThat(x25519(bob, alicePublic)).isEqualTo(shared);
  }

  @Test
  void lowOrderPointsGiveTheAllZeroOutputForEveryScalar() {
    SplittableRandom random = new SplittableRandom(0x7748L);
    for (BigInteger u : lowOrderPoints()) {
      for (int i = 0; i < 20; i++) {
        assertThat(x25519(randomBytes(random), encode(u))).as("u = %s", u).containsOnly(0);
      }
    }
  }

  /**
   * Thousands of seeded random inputs, biased towards limb-boundary bytes, against both oracles.
   */
  @Test
  void agreesWithBouncyCastleAndTheJdkOnRandomInputs() throws Exception {
    SplittableRandom random = new SplittableRandom(0x25519_7748L);
    for (int i = 0; i < 3000; i++) {
      byte[] k = i % 3 == 0 ? skewedBytes(random) : randomBytes(random);
      byte[] u = i % 3 == 1 ? skewedBytes(random) : randomBytes(random);
      byte[] mine = x25519(k, u);
      assertThat(mine).as("case %d vs Bouncy Castle", i).isEqualTo(bouncyCastle(k, u));
      assertThat(mine).as("case %d vs JDK", i).isEqualTo(jdk(k, u));
    }
  }

  /**
   * Edge u values: the low-order points 0, 1, p - 1 and the two of order 8, every non-canonical
   * encoding p .. 2^255 - 1 (i.e. 0 .. 18 + p), limb-boundary values, each also with bit 255 set,
   * under 25 scalars each.
   */
  @Test
  void agreesWithBothOraclesOnEdgeCoordinates() throws Exception {
    List<BigInteger> edges = new ArrayList<>(lowOrderPoints());
    BigInteger top = BigInteger.TWO.pow(255);
    for (long d = 1; d <= 18; d++) {
      edges.add(P.add(BigInteger.valueOf(d))); // every other non-canonical encoding of 1..18
    }
    edges.add(top.subtract(BigInteger.ONE));
    edges.add(P.subtract(BigInteger.TWO));
    edges.add(BigInteger.valueOf(9));
    edges.add(BigInteger.TWO.pow(51).subtract(BigInteger.ONE));
    edges.add(BigInteger.TWO.pow(204));
    SplittableRandom random = new SplittableRandom(0xed9eL);
    int compared = 0;
    for (BigInteger u : edges) {
      for (BigInteger withTop : List.of(u, u.setBit(255))) {
        byte[] encoded = encode(withTop);
        for (int i = 0; i < 25; i++) {
          byte[] k = i == 0 ? new byte[32] : i == 1 ? ones() : randomBytes(random);
          byte[] mine = x25519(k, encoded);
          assertThat(mine).as("u = %s", withTop).isEqualTo(bouncyCastle(k, encoded));
          if (isLowOrder(u.mod(P))) {
            assertThat(mine).containsOnly(0);
            // The JDK refuses an all-zero result instead of returning it.
            assertThatThrownBy(() -> jdk(k, encoded)).isInstanceOf(InvalidKeyException.class);
          } else {
            assertThat(mine).as("u = %s", withTop).isEqualTo(jdk(k, encoded));
          }
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(edges.size() * 2 * 25);
  }

  @Test
  void baseMultiplicationAgreesWithBouncyCastleAndTheGenericLadder() {
    SplittableRandom random = new SplittableRandom(0xba5eL);
    byte[] nine = encode(BigInteger.valueOf(9));
    for (int i = 0; i < 1000; i++) {
      byte[] k = i % 2 == 0 ? randomBytes(random) : skewedBytes(random);
      byte[] expected = new byte[32];
      X25519.scalarMultBase(k, 0, expected, 0);
      assertThat(base(k)).as("case %d", i).isEqualTo(expected).isEqualTo(x25519(k, nine));
    }
  }

  @Test
  void leavesItsInputsUntouched() {
    byte[] k = ones();
    byte[] u = ones();
    x25519(k, u);
    base(k);
    assertThat(k).isEqualTo(ones());
    assertThat(u).isEqualTo(ones());
  }

  private static byte[] iterate(int rounds) {
    byte[] k = hex("0900000000000000000000000000000000000000000000000000000000000000");
    byte[] u = k.clone();
    for (int i = 0; i < rounds; i++) {
      byte[] next = x25519(k, u);
      u = k;
      k = next;
    }
    return k;
  }

  private static byte[] x25519(byte[] k, byte[] u) {
    byte[] out = new byte[32];
    Curve25519.scalarMult(k, u, out);
    return out;
  }

  private static byte[] base(byte[] k) {
    byte[] out = new byte[32];
    Curve25519.scalarMultBase(k, out);
    return out;
  }

  private static byte[] bouncyCastle(byte[] k, byte[] u) {
    byte[] out = new byte[32];
    X25519.scalarMult(k, 0, u, 0, out, 0);
    return out;
  }

  /** The JDK's XDH, which takes u as a number: the little-endian bytes with bit 255 cleared. */
  private static byte[] jdk(byte[] k, byte[] u) throws Exception {
    KeyFactory kf = KeyFactory.getInstance("XDH");
    KeyAgreement ka = KeyAgreement.getInstance("XDH");
    ka.init(kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, k)));
    BigInteger number = new BigInteger(1, reversed(u)).clearBit(255);
    ka.doPhase(kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, number)), true);
    return ka.generateSecret();
  }

  private static List<BigInteger> lowOrderPoints() {
    List<BigInteger> canonical =
        List.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), ORDER8_A, ORDER8_B);
    List<BigInteger> all = new ArrayList<>(canonical);
    for (BigInteger u : canonical) {
      if (u.add(P).bitLength() <= 255) {
        all.add(u.add(P)); // p and p + 1: the only non-canonical low-order encodings below 2^255
      }
    }
    return all;
  }

  private static boolean isLowOrder(BigInteger u) {
    return u.signum() == 0
        || u.equals(BigInteger.ONE)
        || u.equals(P.subtract(BigInteger.ONE))
        || u.equals(ORDER8_A)
        || u.equals(ORDER8_B);
  }

  private static byte[] randomBytes(SplittableRandom random) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return b;
  }

  /** Mostly 0x00 and 0xff bytes, which drive limbs to 0 or 2^51 - 1 and exercise every carry. */
  private static byte[] skewedBytes(SplittableRandom random) {
    byte[] b = new byte[32];
    for (int i = 0; i < 32; i++) {
      int pick = random.nextInt(4);
      b[i] = pick == 0 ? 0 : pick == 1 ? (byte) random.nextInt(256) : (byte) 0xff;
    }
    return b;
  }

  private static byte[] ones() {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) 0xff);
    return b;
  }

  /** 32 little-endian bytes of 0 <= u < 2^256. */
  private static byte[] encode(BigInteger u) {
    byte[] be = u.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < Math.min(32, be.length); i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }

  private static BigInteger le(String hex) {
    return new BigInteger(1, reversed(HexFormat.of().parseHex(hex)));
  }

  private static byte[] reversed(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
