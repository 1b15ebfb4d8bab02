package io.arcanum.crypto.ed25519;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.InvalidLengthException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519Test {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 §7.1 TEST 1, 2 and 3: secret key, public key, message, signature. */
  @ParameterizedTest
  @CsvSource({
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
        + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,,"
        + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
        + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,72,"
        + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
        + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025,af82,"
        + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
  })
  void reproducesRfc8032Vectors(String seed, String publicKey, String message, String signature) {
    byte[] msg = message == null ? new byte[0] : HEX.parseHex(message);
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(HEX.parseHex(seed));
    assertThat(key.publicKey().bytes()).isEqualTo(HEX.parseHex(publicKey));
    assertThat(key.sign(msg)).isEqualTo(HEX.parseHex(signature));
    assertThat(new Ed25519PublicKey(HEX.parseHex(publicKey)).isValid(msg, HEX.parseHex(signature)))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void rejectsAnyFlippedBitInMessageSignatureOrKey(long seed) {
    Random random = new Random(seed);
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    byte[] message = new byte[random.nextInt(200)];
    random.nextBytes(message);
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(secret);
    byte[] signature = key.sign(message);
    assertThat(key.publicKey().isValid(message, signature)).isTrue();

    byte[] badSignature = signature.clone();
    badSignature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
    assertThat(key.publicKey().isValid(message, badSignature)).isFalse();

    if (message.length > 0) {
      byte[] badMessage = message.clone();
      badMessage[random.nextInt(message.length)] ^= 1;
      assertThat(key.publicKey().isValid(badMessage, signature)).isFalse();
    }
    byte[] otherKey = key.publicKey().bytes();
    otherKey[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
    assertThat(new Ed25519PublicKey(otherKey).isValid(message, signature)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 31, 33, 63})
  void refusesKeysAndSignaturesOfTheWrongLength(int length) {
    assertThatThrownBy(() -> Ed25519PrivateKey.fromSeed(new byte[length]))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessageContaining("Ed25519 private key");
    assertThatThrownBy(() -> new Ed25519PublicKey(new byte[length]))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessageContaining("Ed25519 public key");
    Ed25519PublicKey key = Ed25519PrivateKey.fromSeed(new byte[32]).publicKey();
    assertThatThrownBy(() -> key.isValid(new byte[0], new byte[length]))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessageContaining("Ed25519 signature");
  }

  @org.junit.jupiter.api.Test
  void privateKeyToStringHidesTheSeed() {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(HEX.parseHex("9d".repeat(32)));
    assertThat(key.toString()).doesNotContain("9d9d");
  }
}
