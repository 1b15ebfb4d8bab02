package io.arcanum.crypto.hkdf;

import static io.arcanum.crypto.SpecFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.InvalidLengthException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HkdfTest {

  static Stream<Arguments> rfc5869Sha256Cases() {
    return Stream.of(
        Arguments.of(
            "A.1 basic",
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "000102030405060708090a0b0c",
            "f0f1f2f3f4f5f6f7f8f9",
            42,
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
        Arguments.of(
            "A.2 long inputs",
            range(0x00, 80),
            range(0x60, 80),
            range(0xb0, 80),
            82,
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                + "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
        Arguments.of(
            "A.3 empty salt and info",
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "",
            "",
            42,
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
  }

  @ParameterizedTest(name = "RFC 5869 {0}")
  @MethodSource("rfc5869Sha256Cases")
  void reproducesRfc5869Sha256Vectors(
      String name, String ikm, String salt, String info, int length, String okm) {
    assertThat(Hkdf.sha256(hex(salt), hex(ikm), hex(info), length)).isEqualTo(hex(okm));
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 40).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithBouncyCastleOnRandomInputs(int seed) {
    SplittableRandom random = new SplittableRandom(0x4bdfL + seed);
    byte[] salt = bytes(random, random.nextInt(70));
    byte[] ikm = bytes(random, random.nextInt(100));
    byte[] info = bytes(random, random.nextInt(30));
    int length = 1 + random.nextInt(200);

    HKDFBytesGenerator bc = new HKDFBytesGenerator(new SHA256Digest());
    bc.init(new HKDFParameters(ikm, salt, info));
    byte[] expected = new byte[length];
    bc.generateBytes(expected, 0, length);

    assertThat(Hkdf.sha256(salt, ikm, info, length)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 8161})
  void outputLengthsOutsideTheRfcLimitAreRejected(int length) {
    assertThatThrownBy(() -> Hkdf.sha256(new byte[0], new byte[1], new byte[0], length))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessageContaining("got " + length);
  }

  private static String range(int start, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(String.format("%02x", start + i));
    }
    return sb.toString();
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }
}
