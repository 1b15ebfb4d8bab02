package io.arcanum.crypto.bip32;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;

class HdWalletTest {

  /**
   * LocalSecret's prefunded accounts, copied by hand from secretjs-api.md §8 (derived there with
   * secretjs {@code Wallet}, coin type 529, account 0, index 0).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a | grant rice replace explain federal release fix clever romance raise often wild taxi"
            + " quarter soccer fiber love must tape steak together observe swap guitar"
            + " | secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03"
            + " | A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf",
        "b | jelly shadow frog dirt dragon use armed praise universe win jungle close inmate rain"
            + " oil canvas beauty pioneer chef soccer icon dizzy thunder meadow"
            + " | secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne"
            + " | AgGQoJ1UiOfUW1PKCAnoYS+JM9efvuIUTjjmFO7/Y+MZ",
        "c | chair love bleak wonder skirt permit say assist aunt credit roast size obtain minute"
            + " throw sand usual age smart exact enough room shadow charge"
            + " | secret1ajz54hz8azwuy34qwy9fkjnfcrvf0dzswy0lqq"
            + " | AvK5BGEsO3kikflW0NlfV9cdVJcxVJgLh7tgh4TGS3Cg",
        "d | word twist toast cloth movie predict advance crumble escape whale sail such angry"
            + " muffin balcony keen move employ cook valve hurt glimpse breeze brick"
            + " | secret1ldjxljw7v4vk6zhyduywh04hpj0jdwxsmrlatf"
            + " | AzBzrKqSZp3YXMzITB8ZAqYysO0YCjtV/8d0NQ1fnT8z",
        "validator | push certain add next grape invite tobacco bubble text romance again lava"
            + " crater pill genius vital fresh guard great patch knee series era tonight"
            + " | secret14aj08vd2ntty7dvskdmdu4zhf23mcwgtute8dz"
            + " | A/65YgnkabVwuTXgvwAjDkui0heU3JmF9cEus7NX6FwN"
      })
  void localSecretMnemonicsGiveTheDocumentedAddressAndPublicKey(
      String name, String words, String address, String publicKeyBase64) {
    Mnemonic mnemonic = Mnemonic.parse(words);

    try (Secp256k1PrivateKey key = HdWallet.secretAccountKey(mnemonic, 0)) {
      Secp256k1PublicKey publicKey = key.publicKey();

      assertThat(Base64.getEncoder().encodeToString(publicKey.compressed()))
          .isEqualTo(publicKeyBase64);
      assertThat(CosmosAddress.fromPublicKey(publicKey).toBech32(CosmosAddress.SECRET_PREFIX))
          .isEqualTo(address);
    }
  }

  @Test
  void web3jDerivesTheSameSecretAccountKeys() {
    String words =
        "grant rice replace explain federal release fix clever romance raise often wild taxi"
            + " quarter soccer fiber love must tape steak together observe swap guitar";
    int h = ChildNumber.HARDENED_BIT;
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(words, ""));

    for (int index = 0; index < 5; index++) {
      Bip32ECKeyPair web3j =
          Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | h, 529 | h, h, 0, index});
      try (Secp256k1PrivateKey ours = HdWallet.secretAccountKey(Mnemonic.parse(words), index)) {
        assertThat(new BigInteger(1, ours.exportSecret())).isEqualTo(web3j.getPrivateKey());
      }
    }
  }

  @Test
  void passphraseAndCoinTypeChangeTheKey() {
    Mnemonic mnemonic = Mnemonic.fromEntropy(new byte[16]);

    Secp256k1PrivateKey plain = HdWallet.secretAccountKey(mnemonic, 0);
    Secp256k1PrivateKey withPassphrase = HdWallet.deriveKey(mnemonic, "TREZOR", HdPath.secret(0));
    Secp256k1PrivateKey cosmos =
        HdWallet.deriveKey(mnemonic, "", HdPath.bip44(HdPath.COSMOS_COIN_TYPE, 0, 0, 0));

    assertThat(plain.sameSecretAs(withPassphrase)).isFalse();
    assertThat(plain.sameSecretAs(cosmos)).isFalse();
    assertThat(plain.sameSecretAs(HdWallet.deriveKey(mnemonic, "", HdPath.secret(0)))).isTrue();
  }
}
