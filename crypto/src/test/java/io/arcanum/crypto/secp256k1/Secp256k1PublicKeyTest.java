package io.arcanum.crypto.secp256k1;

import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.InvalidLengthException;
import java.math.BigInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Sign;

class Secp256k1PublicKeyTest {
  private static final String G_X =
      "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
  private static final String G_Y =
      "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

  /** x = 5: 5³ + 7 = 132 is not a square mod p, so no point has this x. */
  private static final String X_OFF_CURVE =
      "0000000000000000000000000000000000000000000000000000000000000005";

  private static final String P =
      "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";

  /** Each way of parsing a public key: the record itself and both engines. */
  static Stream<Arguments> parsers() {
    Stream<Arguments> engines =
        Secp256k1TestSupport.engines()
            .map(
                engine ->
                    Arguments.of(
                        engine.name(),
                        (Function<byte[], Secp256k1PublicKey>) engine::parsePublicKey));
    return Stream.concat(
        Stream.of(
            Arguments.of(
                "record constructor",
                (Function<byte[], Secp256k1PublicKey>) Secp256k1PublicKey::new)),
        engines);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsers")
  void acceptsBothEncodingsOfTheGenerator(String name, Function<byte[], Secp256k1PublicKey> parse) {
    Secp256k1PublicKey fromCompressed = parse.apply(hex("02" + G_X));
    Secp256k1PublicKey fromUncompressed = parse.apply(hex("04" + G_X + G_Y));

    assertThat(fromUncompressed).isEqualTo(fromCompressed);
    assertThat(hex(fromUncompressed.compressed())).isEqualTo("02" + G_X);
    assertThat(hex(fromCompressed.uncompressed())).isEqualTo("04" + G_X + G_Y);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsers")
  void rejectsWrongLengths(String name, Function<byte[], Secp256k1PublicKey> parse) {
    for (int length : new int[] {0, 1, 32, 34, 64, 66}) {
      byte[] bytes = new byte[length];
      if (length > 0) {
        bytes[0] = 0x02;
      }
      assertThatThrownBy(() -> parse.apply(bytes))
          .isExactlyInstanceOf(InvalidLengthException.class)
          .hasMessage(
              "secp256k1 public key must be 33 bytes (compressed) or 65 bytes (uncompressed), got "
                  + length);
    }
    assertThatThrownBy(() -> parse.apply(null)).isExactlyInstanceOf(InvalidLengthException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsers")
  void rejectsWrongPrefixBytes(String name, Function<byte[], Secp256k1PublicKey> parse) {
    assertThatThrownBy(() -> parse.apply(hex("04" + G_X)))
        .isExactlyInstanceOf(InvalidPublicKeyException.class)
        .hasMessage("compressed secp256k1 public key must start with 0x02 or 0x03, got 0x04");
    assertThatThrownBy(() -> parse.apply(hex("00" + G_X)))
        .isExactlyInstanceOf(InvalidPublicKeyException.class);
    assertThatThrownBy(() -> parse.apply(hex("02" + G_X + G_Y)))
        .isExactlyInstanceOf(InvalidPublicKeyException.class)
        .hasMessageContaining("must start with 0x04, got 0x02");
    // Hybrid encodings (0x06/0x07 + x + y) are legal SEC1 but never used by Cosmos.
    for (String hybrid : new String[] {"06", "07"}) {
      assertThatThrownBy(() -> parse.apply(hex(hybrid + G_X + G_Y)))
          .isExactlyInstanceOf(InvalidPublicKeyException.class)
          .hasMessageContaining("hybrid encodings are not accepted");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsers")
  void rejectsPointsNotOnTheCurve(String name, Function<byte[], Secp256k1PublicKey> parse) {
    String yPlusOne = new BigInteger(G_Y, 16).add(BigInteger.ONE).toString(16);

    for (String encoded :
        new String[] {"02" + X_OFF_CURVE, "03" + X_OFF_CURVE, "04" + G_X + yPlusOne}) {
      assertThatThrownBy(() -> parse.apply(hex(encoded)))
          .isExactlyInstanceOf(InvalidPublicKeyException.class)
          .hasMessage("public key is not a point on secp256k1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsers")
  void rejectsCoordinatesNotBelowTheFieldPrime(
      String name, Function<byte[], Secp256k1PublicKey> parse) {
    assertThatThrownBy(() -> parse.apply(hex("02" + P)))
        .isExactlyInstanceOf(InvalidPublicKeyException.class)
        .hasMessage("public key x coordinate is not below the field prime p");
    assertThatThrownBy(() -> parse.apply(hex("04" + G_X + P)))
        .isExactlyInstanceOf(InvalidPublicKeyException.class)
        .hasMessage("public key y coordinate is not below the field prime p");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("io.arcanum.crypto.secp256k1.Secp256k1TestSupport#seeds")
  void uncompressedFormMatchesWeb3j(long seed) {
    Secp256k1TestSupport.Case c = Secp256k1TestSupport.Case.of(seed);
    BigInteger web3j = Sign.publicKeyFromPrivate(c.d());

    byte[] uncompressed = c.key().publicKey().uncompressed();

    assertThat(new BigInteger(1, uncompressed, 1, 64)).isEqualTo(web3j);
  }

  @Test
  void accessorReturnsACopy() {
    Secp256k1PublicKey key = new Secp256k1PublicKey(hex("02" + G_X));

    key.compressed()[1] ^= 1;

    assertThat(hex(key.compressed())).isEqualTo("02" + G_X);
    assertThat(key.toString()).isEqualTo("Secp256k1PublicKey[02" + G_X + "]");
  }
}
