package io.arcanum.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.chain.app.Genesis;
import io.arcanum.crypto.bip32.HdWallet;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LocalSecret's accounts derive to the addresses and keys of secretjs-api.md §8. */
class LocalSecretAccountsTest {
  /** The public keys secret.js derives (secretjs-api.md §8), independent of the address check. */
  static final Map<String, String> PUBKEYS =
      Map.of(
          "a", "A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf",
          "b", "AgGQoJ1UiOfUW1PKCAnoYS+JM9efvuIUTjjmFO7/Y+MZ",
          "c", "AvK5BGEsO3kikflW0NlfV9cdVJcxVJgLh7tgh4TGS3Cg",
          "d", "AzBzrKqSZp3YXMzITB8ZAqYysO0YCjtV/8d0NQ1fnT8z",
          "validator", "A/65YgnkabVwuTXgvwAjDkui0heU3JmF9cEus7NX6FwN");

  @Test
  void theFiveAccountsAreFundedAtLocalSecretsAddresses() {
    List<FundedAccount> accounts = LocalSecretAccounts.accounts();
    assertThat(accounts)
        .extracting(a -> a.name() + "=" + a.address().toBech32("secret"))
        .containsExactly(
            "a=secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03",
            "b=secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne",
            "c=secret1ajz54hz8azwuy34qwy9fkjnfcrvf0dzswy0lqq",
            "d=secret1ldjxljw7v4vk6zhyduywh04hpj0jdwxsmrlatf",
            "validator=secret14aj08vd2ntty7dvskdmdu4zhf23mcwgtute8dz");
    assertThat(accounts)
        .allSatisfy(
            a ->
                assertThat(a.coins())
                    .singleElement()
                    .satisfies(
                        c -> {
                          assertThat(c.denom()).isEqualTo("uscrt");
                          assertThat(c.amount()).isEqualTo(new BigInteger("1000000000000000000"));
                        }));
  }

  @Test
  void theMnemonicsGiveSecretJsPublicKeys() {
    for (LocalSecretAccounts.Known known : LocalSecretAccounts.KNOWN) {
      try (Mnemonic mnemonic = Mnemonic.parse(known.mnemonic());
          Secp256k1PrivateKey key = HdWallet.secretAccountKey(mnemonic, 0)) {
        assertThat(Base64.getEncoder().encodeToString(key.publicKey().compressed()))
            .as(known.name())
            .isEqualTo(PUBKEYS.get(known.name()));
      }
    }
  }

  @Test
  void genesisSectionsHaveTheDocumentedShape() {
    Genesis.Builder builder = Genesis.builder("secretdev-1", Instant.EPOCH);
    for (FundedAccount account : LocalSecretAccounts.accounts()) {
      builder.account(account.address().toBech32("secret"), account.coins());
    }
    Genesis genesis = builder.build();
    assertThat(genesis.section("auth").get("accounts").get(1).toString())
        .isEqualTo(
            "{\"@type\":\"/cosmos.auth.v1beta1.BaseAccount\","
                + "\"address\":\"secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne\","
                + "\"pub_key\":null,\"account_number\":\"1\",\"sequence\":\"0\"}");
    assertThat(genesis.section("bank").get("balances").get(0).toString())
        .isEqualTo(
            "{\"address\":\"secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03\","
                + "\"coins\":[{\"denom\":\"uscrt\",\"amount\":\"1000000000000000000\"}]}");
  }
}
