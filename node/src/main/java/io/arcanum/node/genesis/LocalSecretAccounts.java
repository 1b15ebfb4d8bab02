package io.arcanum.node.genesis;

import io.arcanum.chain.bank.Coin;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip32.HdWallet;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * LocalSecret's prefunded accounts (secretjs-api.md §8): the public test mnemonics of {@code
 * bootstrap_init_no_stop.sh}, each funded with 10¹⁸ uscrt, so tools and tests written for
 * LocalSecret run unchanged. Addresses are derived as secret.js derives them (BIP39 → BIP32 on
 * {@code m/44'/529'/0'/0/0}) and checked against the table: a mismatch means the wallet code is
 * wrong, and the node refuses to write a genesis nobody could sign for.
 */
public final class LocalSecretAccounts {
  private LocalSecretAccounts() {}

  /** The denom LocalSecret funds and charges fees in. */
  public static final String DENOM = "uscrt";

  /** 1 000 000 000 000 000 000 uscrt each. */
  public static final BigInteger BALANCE = BigInteger.TEN.pow(18);

  /** A LocalSecret account: name, public test mnemonic, and the address secret.js derives. */
  public record Known(String name, String mnemonic, String address) {}

  public static final List<Known> KNOWN =
      List.of(
          new Known(
              "a",
              "grant rice replace explain federal release fix clever romance raise often wild taxi"
                  + " quarter soccer fiber love must tape steak together observe swap guitar",
              "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03"),
          new Known(
              "b",
              "jelly shadow frog dirt dragon use armed praise universe win jungle close inmate rain"
                  + " oil canvas beauty pioneer chef soccer icon dizzy thunder meadow",
              "secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne"),
          new Known(
              "c",
              "chair love bleak wonder skirt permit say assist aunt credit roast size obtain minute"
                  + " throw sand usual age smart exact enough room shadow charge",
              "secret1ajz54hz8azwuy34qwy9fkjnfcrvf0dzswy0lqq"),
          new Known(
              "d",
              "word twist toast cloth movie predict advance crumble escape whale sail such angry"
                  + " muffin balcony keen move employ cook valve hurt glimpse breeze brick",
              "secret1ldjxljw7v4vk6zhyduywh04hpj0jdwxsmrlatf"),
          new Known(
              "validator",
              "push certain add next grape invite tobacco bubble text romance again lava crater"
                  + " pill genius vital fresh guard great patch knee series era tonight",
              "secret14aj08vd2ntty7dvskdmdu4zhf23mcwgtute8dz"));

  /**
   * The funded genesis accounts a, b, c, d, validator, derived from their mnemonics.
   *
   * @throws IllegalStateException if a derived address differs from LocalSecret's
   */
  public static List<FundedAccount> accounts() {
    List<FundedAccount> out = new ArrayList<>();
    for (Known known : KNOWN) {
      CosmosAddress address = derive(known.mnemonic());
      String bech32 = address.toBech32(CosmosAddress.SECRET_PREFIX);
      if (!bech32.equals(known.address())) {
        throw new IllegalStateException(
            "account "
                + known.name()
                + " derives "
                + bech32
                + ", LocalSecret has "
                + known.address());
      }
      out.add(new FundedAccount(known.name(), address, List.of(new Coin(DENOM, BALANCE))));
    }
    return out;
  }

  /** The address of {@code m/44'/529'/0'/0/0} of a mnemonic, as secret.js's {@code Wallet}. */
  static CosmosAddress derive(String phrase) {
    try (Mnemonic mnemonic = Mnemonic.parse(phrase);
        Secp256k1PrivateKey key = HdWallet.secretAccountKey(mnemonic, 0)) {
      return CosmosAddress.fromPublicKey(key.publicKey());
    }
  }
}
