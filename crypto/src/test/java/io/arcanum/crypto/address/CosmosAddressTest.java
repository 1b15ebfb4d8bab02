package io.arcanum.crypto.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.crypto.bech32.InvalidBech32Exception;
import io.arcanum.crypto.bech32.InvalidBech32Exception.Reason;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CosmosAddressTest {

  /** LocalSecret's prefunded accounts (secretjs-api.md §8): base64 compressed key → address. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "a,         A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf, secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03",
    "b,         AgGQoJ1UiOfUW1PKCAnoYS+JM9efvuIUTjjmFO7/Y+MZ, secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne",
    "c,         AvK5BGEsO3kikflW0NlfV9cdVJcxVJgLh7tgh4TGS3Cg, secret1ajz54hz8azwuy34qwy9fkjnfcrvf0dzswy0lqq",
    "d,         AzBzrKqSZp3YXMzITB8ZAqYysO0YCjtV/8d0NQ1fnT8z, secret1ldjxljw7v4vk6zhyduywh04hpj0jdwxsmrlatf",
    "validator, A/65YgnkabVwuTXgvwAjDkui0heU3JmF9cEus7NX6FwN, secret14aj08vd2ntty7dvskdmdu4zhf23mcwgtute8dz"
  })
  void addressIsRipemd160OfSha256OfTheCompressedKey(String name, String pubkey, String address) {
    Secp256k1PublicKey key = new Secp256k1PublicKey(Base64.getDecoder().decode(pubkey));

    CosmosAddress derived = CosmosAddress.fromPublicKey(key);

    assertThat(derived.toBech32(CosmosAddress.SECRET_PREFIX)).isEqualTo(address);
    assertThat(CosmosAddress.parseSecret(address)).isEqualTo(derived);
  }

  @Test
  void contractAddressesRoundTripToo() {
    String contract = "secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q";

    CosmosAddress parsed = CosmosAddress.parse("secret", contract);

    assertThat(parsed.bytes()).hasSize(20);
    assertThat(parsed.toBech32("secret")).isEqualTo(contract);
  }

  @Test
  void upperCaseFormIsTheSameAddress() {
    String address = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";

    assertThat(CosmosAddress.parseSecret(address.toUpperCase(Locale.ROOT)))
        .isEqualTo(CosmosAddress.parseSecret(address));
  }

  @Test
  void rejectsAnotherPrefix() {
    String valoper =
        CosmosAddress.parseSecret("secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03")
            .toBech32("secretvaloper");

    assertThatThrownBy(() -> CosmosAddress.parseSecret(valoper))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PREFIX))
        .hasMessage("address prefix is 'secretvaloper', expected 'secret'");
  }

  @Test
  void rejectsPayloadsThatAreNotTwentyBytes() {
    for (int length : new int[] {0, 19, 21, 32}) {
      String encoded = Bech32.encodeBytes("secret", new byte[length]);
      assertThatThrownBy(() -> CosmosAddress.parseSecret(encoded))
          .isInstanceOfSatisfying(
              InvalidBech32Exception.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH))
          .hasMessage("address must be 20 bytes, got " + length);
    }
    assertThatThrownBy(() -> new CosmosAddress(new byte[21]))
        .isInstanceOf(InvalidBech32Exception.class);
  }

  @Test
  void rejectsTyposMixedCaseAndGarbage() {
    assertThatThrownBy(
            () -> CosmosAddress.parseSecret("secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s04"))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CHECKSUM));
    assertThatThrownBy(
            () -> CosmosAddress.parseSecret("Secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03"))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class, e -> assertThat(e.reason()).isEqualTo(Reason.MIXED_CASE));
    assertThatThrownBy(() -> CosmosAddress.parseSecret("not an address"))
        .isInstanceOfSatisfying(
            InvalidBech32Exception.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_SEPARATOR));
  }

  @Test
  void bytesAreDefensivelyCopied() {
    byte[] raw = new byte[20];
    CosmosAddress address = new CosmosAddress(raw);

    raw[0] = 1;
    address.bytes()[1] = 1;

    assertThat(address.bytes()).isEqualTo(new byte[20]);
    assertThat(address.toString()).isEqualTo("CosmosAddress[" + "00".repeat(20) + "]");
  }
}
