package io.arcanum.crypto.secp256k1;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Engines and seeded inputs shared by the secp256k1 tests. */
final class Secp256k1TestSupport {
  static final BigInteger N = Secp256k1.CURVE_ORDER;

  /** Number of seeded cases per engine in the property tests. */
  static final int CASES = 40;

  private Secp256k1TestSupport() {}

  /**
   * Both engines. The native one must load on the build platforms (linux x86_64/aarch64): a test
   * run that silently skipped it would prove nothing about the engine used in production.
   */
  static Stream<Secp256k1Engine> engines() {
    return Stream.of(
        Secp256k1.nativeEngine()
            .orElseThrow(() -> new AssertionError("libsecp256k1 JNI engine did not load")),
        Secp256k1.bouncyCastle());
  }

  /** Every engine crossed with {@link #CASES} seeds; the seed is in the test's display name. */
  static Stream<Arguments> enginesAndSeeds() {
    return engines()
        .flatMap(engine -> LongStream.range(0, CASES).mapToObj(i -> Arguments.of(engine, i)));
  }

  static Stream<Arguments> seeds() {
    return LongStream.range(0, CASES).mapToObj(Arguments::of);
  }

  /** A key and a message hash drawn from {@code seed}, reproducible across runs. */
  record Case(Secp256k1PrivateKey key, byte[] hash) {
    static Case of(long seed) {
      SplittableRandom random = new SplittableRandom(0x5ec9_256b_0000_0000L + seed);
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      while (true) {
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        BigInteger d = new BigInteger(1, candidate);
        if (d.signum() > 0 && d.compareTo(N) < 0) {
          return new Case(Secp256k1PrivateKey.fromBytes(candidate), hash);
        }
      }
    }

    BigInteger d() {
      return new BigInteger(1, key.exportSecret());
    }
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static byte[] scalar(BigInteger value) {
    byte[] out = new byte[32];
    byte[] raw = value.toByteArray();
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  static byte[] flipBit(byte[] bytes, int bit) {
    byte[] out = bytes.clone();
    out[bit / 8] ^= (byte) (1 << (bit % 8));
    return out;
  }
}
