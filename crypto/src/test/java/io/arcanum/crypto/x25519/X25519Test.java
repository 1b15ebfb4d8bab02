package io.arcanum.crypto.x25519;

import static io.arcanum.crypto.SpecFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.SpecFiles;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class X25519Test {

  @ParameterizedTest(name = "RFC 7748 §5.2 vector {index}")
  @CsvSource({
    "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4,"
        + "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c,"
        + "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
    "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d,"
        + "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493,"
        + "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
  })
  void reproducesRfc7748ScalarMultiplicationVectors(String scalar, String u, String out) {
    X25519SharedSecret shared = X25519PrivateKey.of(hex(scalar)).agree(new X25519PublicKey(hex(u)));
    assertThat(shared.exportSecret()).isEqualTo(hex(out));
  }

  @Test
  void reproducesRfc7748DiffieHellmanExample() {
    X25519PrivateKey alice =
        X25519PrivateKey.of(
            hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    X25519PrivateKey bob =
        X25519PrivateKey.of(
            hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    byte[] shared = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    assertThat(alice.publicKey().toHex())
        .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    assertThat(bob.publicKey().toHex())
        .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    assertThat(alice.agree(bob.publicKey()).exportSecret()).isEqualTo(shared);
    assertThat(bob.agree(alice.publicKey()).exportSecret()).isEqualTo(shared);
  }

  @Test
  void reproducesRfc7748IteratedVectorAfterOneThousandRounds() {
    byte[] k = hex("0900000000000000000000000000000000000000000000000000000000000000");
    byte[] u = k.clone();
    for (int i = 1; i <= 1000; i++) {
      byte[] next = X25519PrivateKey.of(k).agree(new X25519PublicKey(u)).exportSecret();
      u = k;
      k = next;
      if (i == 1) {
        assertThat(k)
            .isEqualTo(hex("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079"));
      }
    }
    assertThat(k)
        .isEqualTo(hex("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51"));
  }

  @Test
  void fromSeedClampsAsSecretJsDoesAndGivesTheVectorPublicKey() {
    JsonNode v = SpecFiles.vectors().get("tx_encryption");
    X25519PrivateKey key = X25519PrivateKey.fromSeed(hex(v, "wallet_seed"));

    assertThat(key.exportSecret()).isEqualTo(hex(v, "wallet_sk_clamped"));
    assertThat(key.publicKey().bytes()).isEqualTo(hex(v, "wallet_pk"));
  }

  @Test
  void unclampedAndClampedSecretsGiveTheSamePublicKey() {
    JsonNode v = SpecFiles.json("vectors/secretjs_golden_vector.json");
    X25519PrivateKey raw = X25519PrivateKey.of(hex(v, "io_private_seed_hex"));
    X25519PrivateKey clamped = X25519PrivateKey.fromSeed(hex(v, "io_private_seed_hex"));

    assertThat(raw.publicKey().bytes()).isEqualTo(hex(v, "io_public_hex"));
    assertThat(clamped.publicKey()).isEqualTo(raw.publicKey());
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 30).boxed();
  }

  /** The JDK's XDH is an implementation independent of Bouncy Castle's. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithTheJdkXdhImplementation(int seed) throws Exception {
    SplittableRandom random = new SplittableRandom(0x25519L + seed);
    byte[] scalar = new byte[32];
    byte[] u = new byte[32];
    random.nextBytes(scalar);
    random.nextBytes(u);
    u[31] &= 0x7f; // the JDK spec takes u mod 2^255; RFC 7748 masks the top bit too

    KeyFactory kf = KeyFactory.getInstance("XDH");
    PrivateKey sk = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
    PublicKey pk =
        kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, littleEndian(u)));
    KeyAgreement ka = KeyAgreement.getInstance("XDH");
    ka.init(sk);
    ka.doPhase(pk, true);

    assertThat(X25519PrivateKey.of(scalar).agree(new X25519PublicKey(u)).exportSecret())
        .isEqualTo(ka.generateSecret());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 31, 33, 64})
  void keysOfWrongLengthAreRejected(int length) {
    assertThatThrownBy(() -> X25519PrivateKey.of(new byte[length]))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessage("X25519 private key must be 32 bytes, got " + length);
    assertThatThrownBy(() -> new X25519PublicKey(new byte[length]))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessage("X25519 public key must be 32 bytes, got " + length);
    assertThatThrownBy(() -> X25519PrivateKey.fromSeed(new byte[length]))
        .isInstanceOf(InvalidLengthException.class);
  }

  @Test
  void privateKeysAndSharedSecretsNeverPrintTheirBytes() {
    X25519PrivateKey key = X25519PrivateKey.of(hex("77".repeat(32)));
    X25519SharedSecret shared = key.agree(key.publicKey());

    assertThat(key.toString())
        .isEqualTo("X25519PrivateKey[32 bytes, redacted]")
        .doesNotContain("77");
    assertThat(shared.toString()).isEqualTo("X25519SharedSecret[32 bytes, redacted]");
    key.destroy();
    assertThatThrownBy(key::publicKey).isInstanceOf(IllegalStateException.class);
  }

  private static BigInteger littleEndian(byte[] le) {
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    return new BigInteger(1, be);
  }
}
