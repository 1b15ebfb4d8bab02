package io.arcanum.crypto.secp256k1;

import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.N;
import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.flipBit;
import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.secp256k1.Secp256k1TestSupport.Case;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Behaviour every engine must share, run on libsecp256k1 and on Bouncy Castle with the same seeded
 * keys and messages.
 */
class Secp256k1EngineTest {

  static Stream<Arguments> enginesAndSeeds() {
    return Secp256k1TestSupport.enginesAndSeeds();
  }

  static Stream<Secp256k1Engine> engines() {
    return Secp256k1TestSupport.engines();
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void signatureVerifiesUnderTheSignersKey(Secp256k1Engine engine, long seed) {
    Case c = Case.of(seed);
    Secp256k1PublicKey publicKey = engine.publicKey(c.key());

    Secp256k1Signature signature = engine.sign(c.hash(), c.key());

    assertThat(signature.isLowS()).isTrue();
    assertThat(engine.isValid(c.hash(), signature, publicKey)).isTrue();
    engine.verify(c.hash(), signature, publicKey);
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void signingIsDeterministic(Secp256k1Engine engine, long seed) {
    Case c = Case.of(seed);

    assertThat(engine.sign(c.hash(), c.key())).isEqualTo(engine.sign(c.hash(), c.key()));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void flippingAnyMessageBitBreaksTheSignature(Secp256k1Engine engine, long seed) {
    Case c = Case.of(seed);
    Secp256k1PublicKey publicKey = engine.publicKey(c.key());
    Secp256k1Signature signature = engine.sign(c.hash(), c.key());
    int bit = Math.floorMod(seed * 37, 256);

    byte[] tampered = flipBit(c.hash(), bit);

    assertThat(engine.isValid(tampered, signature, publicKey)).isFalse();
    assertThatThrownBy(() -> engine.verify(tampered, signature, publicKey))
        .isExactlyInstanceOf(InvalidSignatureException.class)
        .hasMessageContaining("does not verify");
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void flippingAnySignatureBitIsRejected(Secp256k1Engine engine, long seed) {
    Case c = Case.of(seed);
    Secp256k1PublicKey publicKey = engine.publicKey(c.key());
    byte[] signature = engine.sign(c.hash(), c.key()).bytes();

    for (int bit = (int) (seed % 8); bit < 512; bit += 8) {
      byte[] tampered = flipBit(signature, bit);
      // Depending on the bit the result is malformed (r or s out of range), high-S, or simply
      // wrong: each is an InvalidSignatureException, and none may verify.
      Throwable thrown =
          catchThrowable(
              () -> engine.verify(c.hash(), Secp256k1Signature.fromBytes(tampered), publicKey));
      assertThat(thrown).as("bit %d", bit).isInstanceOf(InvalidSignatureException.class);
    }
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void anotherKeysSignatureIsRejected(Secp256k1Engine engine, long seed) {
    Case signer = Case.of(seed);
    Case other = Case.of(seed + 1_000);
    Secp256k1Signature signature = engine.sign(signer.hash(), signer.key());

    assertThat(engine.isValid(signer.hash(), signature, engine.publicKey(other.key()))).isFalse();
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void highSFormIsRejectedAsNonCanonical(Secp256k1Engine engine, long seed) {
    Case c = Case.of(seed);
    Secp256k1PublicKey publicKey = engine.publicKey(c.key());
    Secp256k1Signature low = engine.sign(c.hash(), c.key());

    Secp256k1Signature high = Secp256k1Signature.of(low.r(), N.subtract(low.s()));

    assertThat(high.isLowS()).isFalse();
    assertThat(high.normalizeS()).isEqualTo(low);
    assertThat(engine.isValid(c.hash(), high, publicKey)).isFalse();
    assertThatThrownBy(() -> engine.verify(c.hash(), high, publicKey))
        .isExactlyInstanceOf(NonCanonicalSignatureException.class)
        .hasMessage(
            "signature is not canonical: s is in the upper half of the curve order (high-S)");
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void recoveryWithTheRightIdReturnsTheSigner(Secp256k1Engine engine, long seed) {
    Case c = Case.of(seed);
    Secp256k1PublicKey publicKey = engine.publicKey(c.key());
    RecoverableSignature recoverable = engine.signRecoverable(c.hash(), c.key());
    Secp256k1Signature signature = recoverable.signature();
    int id = recoverable.recoveryId();

    assertThat(engine.recover(c.hash(), signature, id)).isEqualTo(publicKey);
    assertThat(catchRecovered(engine, c.hash(), signature, id ^ 1)).isNotEqualTo(publicKey);
    // (r, n - s) is the mirror signature: it recovers the same key with the other y parity.
    Secp256k1Signature mirrored = Secp256k1Signature.of(signature.r(), N.subtract(signature.s()));
    assertThat(engine.recover(c.hash(), mirrored, id ^ 1)).isEqualTo(publicKey);
  }

  private static Object catchRecovered(
      Secp256k1Engine engine, byte[] hash, Secp256k1Signature signature, int id) {
    try {
      return engine.recover(hash, signature, id);
    } catch (InvalidSignatureException e) {
      return e;
    }
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void recoveryIdsTwoAndThreeFailWhenRPlusNIsNotAFieldElement(Secp256k1Engine engine, long seed) {
    Case c = Case.of(seed);
    Secp256k1Signature signature = engine.sign(c.hash(), c.key());
    // r + n < p only when r < p - n ≈ 2^128, which a random signature never hits.

    for (int id : new int[] {2, 3}) {
      assertThatThrownBy(() -> engine.recover(c.hash(), signature, id))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessageContaining("recovery id " + id);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void recoveryIdOutsideZeroToThreeIsRejected(Secp256k1Engine engine) {
    Case c = Case.of(0);
    Secp256k1Signature signature = engine.sign(c.hash(), c.key());

    for (int id : new int[] {-1, 4}) {
      assertThatThrownBy(() -> engine.recover(c.hash(), signature, id))
          .isExactlyInstanceOf(InvalidSignatureException.class)
          .hasMessage("recovery id must be 0, 1, 2 or 3, got " + id);
    }
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void enginesAgreeByteForByte(Secp256k1Engine engine, long seed) {
    Case c = Case.of(seed);
    Secp256k1Engine reference = Secp256k1.bouncyCastle();

    assertThat(engine.publicKey(c.key())).isEqualTo(reference.publicKey(c.key()));
    assertThat(engine.signRecoverable(c.hash(), c.key()))
        .isEqualTo(reference.signRecoverable(c.hash(), c.key()));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("enginesAndSeeds")
  void compressedAndUncompressedFormsRoundTrip(Secp256k1Engine engine, long seed) {
    Secp256k1PublicKey publicKey = engine.publicKey(Case.of(seed).key());

    byte[] uncompressed = engine.uncompressed(publicKey);

    assertThat(uncompressed).hasSize(65);
    assertThat(uncompressed[0]).isEqualTo((byte) 0x04);
    assertThat(uncompressed).startsWith(0x04);
    // Compressed prefix = 2 + parity of y; x is shared.
    assertThat(publicKey.compressed()[0]).isEqualTo((byte) (2 + (uncompressed[64] & 1)));
    assertThat(Arrays.copyOfRange(uncompressed, 1, 33))
        .isEqualTo(Arrays.copyOfRange(publicKey.compressed(), 1, 33));
    assertThat(engine.parsePublicKey(uncompressed)).isEqualTo(publicKey);
    assertThat(engine.parsePublicKey(publicKey.compressed())).isEqualTo(publicKey);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void privateKeyOneGivesTheGeneratorAndNMinusOneItsNegation(Secp256k1Engine engine) {
    Secp256k1PrivateKey one =
        Secp256k1PrivateKey.fromBytes(Secp256k1TestSupport.scalar(BigInteger.ONE));
    Secp256k1PrivateKey two =
        Secp256k1PrivateKey.fromBytes(Secp256k1TestSupport.scalar(BigInteger.TWO));
    Secp256k1PrivateKey minusOne =
        Secp256k1PrivateKey.fromBytes(Secp256k1TestSupport.scalar(N.subtract(BigInteger.ONE)));

    assertThat(hex(engine.publicKey(one).compressed())).isEqualTo(Secp256k1KnownAnswerTest.G);
    assertThat(hex(engine.publicKey(minusOne).compressed()))
        .isEqualTo(Secp256k1KnownAnswerTest.MINUS_G);
    assertThat(hex(engine.publicKey(two).compressed()))
        .isEqualTo("02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5");
    assertThat(hex(engine.uncompressed(engine.publicKey(one))))
        .isEqualTo(
            "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engines")
  void messageHashMustBe32Bytes(Secp256k1Engine engine) {
    Case c = Case.of(0);
    Secp256k1PublicKey publicKey = engine.publicKey(c.key());
    Secp256k1Signature signature = engine.sign(c.hash(), c.key());

    for (byte[] hash : new byte[][] {new byte[0], new byte[31], new byte[33], null}) {
      assertThatThrownBy(() -> engine.sign(hash, c.key()))
          .isExactlyInstanceOf(InvalidLengthException.class)
          .hasMessageContaining("message hash");
      assertThatThrownBy(() -> engine.isValid(hash, signature, publicKey))
          .isExactlyInstanceOf(InvalidLengthException.class);
      assertThatThrownBy(() -> engine.verify(hash, signature, publicKey))
          .isExactlyInstanceOf(InvalidLengthException.class);
      assertThatThrownBy(() -> engine.recover(hash, signature, 0))
          .isExactlyInstanceOf(InvalidLengthException.class);
    }
  }
}
