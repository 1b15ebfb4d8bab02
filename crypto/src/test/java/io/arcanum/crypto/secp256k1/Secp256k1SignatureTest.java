package io.arcanum.crypto.secp256k1;

import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.N;
import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.InvalidLengthException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Secp256k1SignatureTest {
  private static final BigInteger HALF_N = N.shiftRight(1);

  private static byte[] rs(BigInteger r, BigInteger s) {
    byte[] out = new byte[64];
    System.arraycopy(scalar(r), 0, out, 0, 32);
    System.arraycopy(scalar(s), 0, out, 32, 32);
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 32, 63, 65, 72})
  void rejectsLengthsOtherThan64(int length) {
    assertThatThrownBy(() -> Secp256k1Signature.fromBytes(new byte[length]))
        .isExactlyInstanceOf(InvalidLengthException.class)
        .hasMessage("secp256k1 signature must be 64 bytes, got " + length);
  }

  @Test
  void rejectsScalarsOutsideOneToNMinusOne() {
    BigInteger[] bad = {BigInteger.ZERO, N, N.add(BigInteger.ONE)};
    for (BigInteger value : bad) {
      assertThatThrownBy(() -> Secp256k1Signature.fromBytes(rs(value, BigInteger.ONE)))
          .isExactlyInstanceOf(InvalidSignatureException.class)
          .hasMessage("malformed secp256k1 signature: r must be in [1, n-1]");
      assertThatThrownBy(() -> Secp256k1Signature.fromBytes(rs(BigInteger.ONE, value)))
          .isExactlyInstanceOf(InvalidSignatureException.class)
          .hasMessage("malformed secp256k1 signature: s must be in [1, n-1]");
    }
    assertThatThrownBy(() -> Secp256k1Signature.of(BigInteger.ONE, BigInteger.ONE.negate()))
        .isExactlyInstanceOf(InvalidSignatureException.class);
  }

  @Test
  void lowSBoundaryIsHalfTheOrderRoundedDown() {
    Secp256k1Signature atHalf = Secp256k1Signature.of(BigInteger.ONE, HALF_N);
    Secp256k1Signature aboveHalf =
        Secp256k1Signature.of(BigInteger.ONE, HALF_N.add(BigInteger.ONE));

    assertThat(atHalf.isLowS()).isTrue();
    assertThat(aboveHalf.isLowS()).isFalse();
    assertThat(aboveHalf.normalizeS()).isEqualTo(atHalf);
    assertThat(atHalf.normalizeS()).isSameAs(atHalf);
    assertThat(Secp256k1Signature.of(BigInteger.ONE, N.subtract(BigInteger.ONE)).isLowS())
        .isFalse();
  }

  @Test
  void scalarsRoundTripThroughTheCompactForm() {
    BigInteger r =
        new BigInteger("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", 16);
    BigInteger s = BigInteger.valueOf(7);

    Secp256k1Signature signature = Secp256k1Signature.fromBytes(rs(r, s));

    assertThat(signature.r()).isEqualTo(r);
    assertThat(signature.s()).isEqualTo(s);
    assertThat(signature).isEqualTo(Secp256k1Signature.of(r, s));
    assertThat(signature.hashCode()).isEqualTo(Secp256k1Signature.of(r, s).hashCode());
    assertThat(signature.toString()).contains("934b1ea1");
  }

  @Test
  void bytesAreDefensivelyCopied() {
    byte[] input = rs(BigInteger.TWO, BigInteger.TWO);
    Secp256k1Signature signature = Secp256k1Signature.fromBytes(input);

    input[0] = 1;
    signature.bytes()[1] = 1;

    assertThat(signature.r()).isEqualTo(BigInteger.TWO);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 4, 27})
  void recoverableSignatureNeedsAnIdFromZeroToThree(int id) {
    Secp256k1Signature signature = Secp256k1Signature.of(BigInteger.ONE, BigInteger.ONE);

    assertThatThrownBy(() -> new RecoverableSignature(signature, id))
        .isExactlyInstanceOf(InvalidSignatureException.class)
        .hasMessage("recovery id must be 0, 1, 2 or 3, got " + id);
  }
}
