package io.arcanum.crypto.aessiv;

import static io.arcanum.crypto.SpecFiles.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.crypto.AuthenticationFailedException;
import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.SpecFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AesSivTest {

  @Test
  void reproducesRfc5297AppendixA1DeterministicExample() {
    AesSivKey key =
        AesSivKey.of(hex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"));
    byte[] ad = hex("101112131415161718191a1b1c1d1e1f2021222324252627");
    byte[] plaintext = hex("112233445566778899aabbccddee");
    byte[] expected = hex("85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c");

    assertThat(AesSiv.seal(key, plaintext, List.of(ad))).isEqualTo(expected);
    assertThat(AesSiv.open(key, expected, List.of(ad))).isEqualTo(plaintext);
  }

  @Test
  void reproducesRfc5297AppendixA2NonceBasedExampleWithThreeComponents() {
    AesSivKey key =
        AesSivKey.of(hex("7f7e7d7c7b7a79787776757473727170404142434445464748494a4b4c4d4e4f"));
    List<byte[]> ad =
        List.of(
            hex("00112233445566778899aabbccddeeffdeaddadadeaddadaffeeddccbbaa99887766554433221100"),
            hex("102030405060708090a0"),
            hex("09f911029d74e35bd84156c5635688c0"));
    byte[] plaintext =
        hex(
            "7468697320697320736f6d6520706c61696e7465787420746f20656e6372797074207573696e67205349562d414553");
    byte[] expected =
        hex(
            "7bdb6e3b432667eb06f4d14bff2fbd0fcb900f2fddbe404326601965c889bf17"
                + "dba77ceb094fa663b7a3f748ba8af829ea64ad544a272e9c485b62a3fd5c0d");

    assertThat(AesSiv.seal(key, plaintext, ad)).isEqualTo(expected);
    assertThat(AesSiv.open(key, expected, ad)).isEqualTo(plaintext);
  }

  @Test
  void reproducesTheArcanumStateVectorsWithZeroAndTwoComponents() {
    JsonNode v = SpecFiles.vectors().get("state_v3");
    AesSivKey keyEncKey = AesSivKey.of(hex(v, "key_encryption_key(ikm[seed2])"));
    AesSivKey valueEncKey = AesSivKey.of(hex(v, "value_encryption_key(ikm[last])"));
    byte[] encKey = hex(v, "encrypted_key_data(AES-SIV, no AD)");
    byte[] salt = hex(v, "encryption_salt(ts_ns||height||counter, BE)");

    assertThat(AesSiv.seal(keyEncKey, "count".getBytes(), List.of())).isEqualTo(encKey);
    assertThat(AesSiv.seal(valueEncKey, "{\"count\":1}".getBytes(), List.of(encKey, salt)))
        .isEqualTo(hex(v, "encrypted_value_data(AES-SIV, AD=[enc_key_data, salt])"));
  }

  @Test
  void reproducesTheSeedExchangeVectorWithTheRegistrationKeyAsAssociatedData() {
    JsonNode v = SpecFiles.vectors().get("seed_exchange");
    AesSivKey key = AesSivKey.of(hex(v, "shared_secret_is_aes_siv_key"));
    byte[] regPk = hex(v, "registration_pk");
    byte[] genesisSeed = hex(SpecFiles.vectors().get("keys_genesis"), "seed");

    assertThat(AesSiv.seal(key, genesisSeed, List.<byte[]>of(regPk)))
        .isEqualTo(hex(v, "encrypted_genesis_seed(48B)"));
  }

  @Test
  void zeroComponentsAndOneEmptyComponentAreDifferentAssociatedData() {
    AesSivKey key = AesSivKey.of(new byte[32]);
    byte[] sealed = AesSiv.seal(key, "x".getBytes(), List.of(new byte[0]));

    assertThat(AesSiv.seal(key, "x".getBytes(), List.of())).isNotEqualTo(sealed);
    assertThatThrownBy(() -> AesSiv.open(key, sealed, List.of()))
        .isInstanceOf(AuthenticationFailedException.class);
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 60).boxed();
  }

  /** Tink 1.24's multi-AD AES-SIV is an independent implementation of the same RFC. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithTinkForRandomKeysAdVectorsAndLengths(int seed) throws Exception {
    SplittableRandom random = new SplittableRandom(0xA5_51_00L + seed);
    byte[] rawKey = bytes(random, random.nextBoolean() ? 32 : 64);
    int components = random.nextInt(5);
    List<byte[]> ad = new ArrayList<>();
    for (int i = 0; i < components; i++) {
      ad.add(bytes(random, random.nextInt(40)));
    }
    byte[] plaintext = bytes(random, lengthFor(random));

    byte[] ours = AesSiv.seal(AesSivKey.of(rawKey), plaintext, ad);
    byte[] tink =
        new com.google.crypto.tink.subtle.AesSiv(rawKey)
            .encryptDeterministicallyWithAssociatedDatas(plaintext, ad.toArray(new byte[0][]));

    assertThat(ours).as("seed %d", seed).isEqualTo(tink);
    assertThat(new AesSiv(AesSivKey.of(rawKey)).open(ours, ad)).isEqualTo(plaintext);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anyFlippedBitIsRejectedWithoutReleasingPlaintext(int seed) {
    SplittableRandom random = new SplittableRandom(0xF11BL + seed);
    AesSiv siv = new AesSiv(AesSivKey.of(bytes(random, 32)));
    List<byte[]> ad = List.of(new byte[0]);
    byte[] sealed = siv.seal(bytes(random, lengthFor(random)), ad);
    int bit = random.nextInt(sealed.length * 8);
    sealed[bit / 8] ^= (byte) (1 << (bit % 8));

    assertThatThrownBy(() -> siv.open(sealed, ad))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("authentication failed");
  }

  @Test
  void aWrongKeyOrWrongAssociatedDataIsRejected() {
    byte[] sealed = AesSiv.seal(AesSivKey.of(new byte[32]), "secret".getBytes(), List.of());
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;

    assertThatThrownBy(() -> AesSiv.open(AesSivKey.of(otherKey), sealed, List.of()))
        .isInstanceOf(AuthenticationFailedException.class);
    assertThatThrownBy(() -> AesSiv.open(AesSivKey.of(new byte[32]), sealed, List.of(new byte[1])))
        .isInstanceOf(AuthenticationFailedException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15})
  void ciphertextsShorterThanTheTagAreRejected(int length) {
    AesSivKey key = AesSivKey.of(new byte[32]);
    assertThatThrownBy(() -> AesSiv.open(key, new byte[length], List.of()))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessageContaining("at least 16 bytes");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 16, 31, 33, 63, 65})
  void keysOfOtherLengthsAreRejected(int length) {
    assertThatThrownBy(() -> AesSivKey.of(new byte[length]))
        .isInstanceOf(InvalidLengthException.class)
        .hasMessageContaining("AES-SIV key must be 32, 48 or 64 bytes, got " + length);
  }

  @Test
  void theKeyNeverShowsItsBytesAndCanBeDestroyed() {
    byte[] raw = new byte[32];
    raw[0] = 0x5a;
    AesSivKey key = AesSivKey.of(raw);

    assertThat(key.toString()).isEqualTo("AesSivKey[32 bytes, redacted]");
    key.destroy();
    assertThat(key.isDestroyed()).isTrue();
    assertThatThrownBy(() -> new AesSiv(key)).isInstanceOf(IllegalStateException.class);
  }

  private static int lengthFor(SplittableRandom random) {
    // Cover the empty, sub-block, exact-block and multi-chunk (> 4 KiB scratch) paths.
    return switch (random.nextInt(5)) {
      case 0 -> random.nextInt(17);
      case 1 -> 16 * (1 + random.nextInt(4));
      case 2 -> random.nextInt(2000);
      case 3 -> 4096 + random.nextInt(5000);
      default -> random.nextInt(100);
    };
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }
}
