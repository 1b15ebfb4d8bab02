package io.arcanum.crypto.secp256k1;

import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.N;
import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.hex;
import static io.arcanum.crypto.secp256k1.Secp256k1TestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.InvalidLengthException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Secp256k1PrivateKeyTest {
  private static final byte[] ALL_ONES = filled((byte) 0xff);

  private static byte[] filled(byte value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, value);
    return bytes;
  }

  @Test
  void acceptsTheSmallestAndLargestValidKeys() {
    assertThat(Secp256k1PrivateKey.fromBytes(scalar(BigInteger.ONE)).length()).isEqualTo(32);
    assertThat(Secp256k1PrivateKey.fromBytes(scalar(N.subtract(BigInteger.ONE))).length())
        .isEqualTo(32);
  }

  @Test
  void rejectsZero() {
    assertThatThrownBy(() -> Secp256k1PrivateKey.fromBytes(new byte[32]))
        .isExactlyInstanceOf(InvalidPrivateKeyException.class)
        .hasMessage("secp256k1 private key must not be zero");
  }

  @Test
  void rejectsTheCurveOrderAndAbove() {
    for (byte[] bytes : List.of(scalar(N), scalar(N.add(BigInteger.ONE)), ALL_ONES)) {
      assertThatThrownBy(() -> Secp256k1PrivateKey.fromBytes(bytes))
          .isExactlyInstanceOf(InvalidPrivateKeyException.class)
          .hasMessage(
              "secp256k1 private key must be below the curve order n (valid keys are 1 .. n-1)");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 31, 33, 64})
  void rejectsLengthsOtherThan32(int length) {
    assertThatThrownBy(() -> Secp256k1PrivateKey.fromBytes(new byte[length]))
        .isExactlyInstanceOf(InvalidLengthException.class)
        .hasMessage("secp256k1 private key must be " + 32 + " bytes, got " + length);
  }

  @Test
  void generateSkipsDrawsThatAreNotValidKeys() {
    byte[] valid = scalar(BigInteger.valueOf(42));
    SecureRandom scripted = scripted(new byte[32], ALL_ONES, scalar(N), valid);

    Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(scripted);

    assertThat(key.exportSecret()).isEqualTo(valid);
  }

  @Test
  void generatedKeysAreDistinct() {
    SecureRandom random = new SecureRandom();

    Secp256k1PrivateKey a = Secp256k1PrivateKey.generate(random);
    Secp256k1PrivateKey b = Secp256k1PrivateKey.generate(random);

    assertThat(a.sameSecretAs(b)).isFalse();
  }

  @Test
  void toStringNeverShowsTheKey() {
    byte[] bytes = hex("e91671c46231f833a6406ccbea0e3e392c76c167bac1cb013f6f1013980455c2");
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(bytes);

    assertThat(key.toString()).isEqualTo("Secp256k1PrivateKey[32 bytes, redacted]");
    assertThat(key.toString()).doesNotContain("e916");
  }

  @Test
  void destroyedKeyCannotSign() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(scalar(BigInteger.TEN));

    key.destroy();

    assertThatThrownBy(() -> key.sign(new byte[32])).isInstanceOf(IllegalStateException.class);
    assertThat(key.isDestroyed()).isTrue();
  }

  @Test
  void convenienceMethodsUseTheDefaultEngine() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(scalar(BigInteger.TEN));
    byte[] hash = new byte[32];

    Secp256k1Signature signature = key.sign(hash);

    assertThat(key.publicKey()).isEqualTo(Secp256k1.engine().publicKey(key));
    assertThat(signature).isEqualTo(Secp256k1.bouncyCastle().sign(hash, key));
    assertThat(key.publicKey().isValid(hash, signature)).isTrue();
    key.publicKey().verify(hash, signature);
  }

  /** A SecureRandom that returns the given 32-byte blocks in order. */
  private static SecureRandom scripted(byte[]... blocks) {
    Deque<byte[]> queue = new ArrayDeque<>(List.of(blocks));
    return new SecureRandom() {
      private static final long serialVersionUID = 1L;

      @Override
      public void nextBytes(byte[] bytes) {
        System.arraycopy(queue.removeFirst(), 0, bytes, 0, bytes.length);
      }
    };
  }
}
