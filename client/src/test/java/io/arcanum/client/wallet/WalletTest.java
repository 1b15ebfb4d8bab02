package io.arcanum.client.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.client.LocalSecret;
import io.arcanum.crypto.bip39.InvalidMnemonicException;
import io.arcanum.crypto.secp256k1.Secp256k1Signature;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Wallets as secret.js derives them (secretjs-api.md §4.1, §8). */
class WalletTest {
  static final java.util.List<LocalSecret.Account> ACCOUNTS = LocalSecret.ALL;

  @ParameterizedTest
  @FieldSource("ACCOUNTS")
  void localSecretAccountsHaveTheirKnownAddressAndKey(LocalSecret.Account account) {
    Wallet wallet = Wallet.fromMnemonic(account.mnemonic());
    assertThat(wallet.address()).isEqualTo(account.address());
    assertThat(Base64.getEncoder().encodeToString(wallet.publicKey().compressed()))
        .isEqualTo(account.pubkeyBase64());
    assertThat(wallet.signMode()).isEqualTo(SignMode.SIGN_MODE_DIRECT);
    assertThat(wallet.options().path().toString()).isEqualTo("m/44'/529'/0'/0/0");
  }

  @Test
  void accountAsPubkeyHexAndAny() throws Exception {
    Wallet a = Wallet.fromMnemonic(LocalSecret.A.mnemonic());
    assertThat(HexFormat.of().formatHex(a.publicKey().compressed()))
        .isEqualTo("034ee8249f67e136139c3ed94ad63288f6c1de45ce66fa883247211a698f440cdf");
    assertThat(a.publicKeyAny().getTypeUrl()).isEqualTo("/cosmos.crypto.secp256k1.PubKey");
    assertThat(a.publicKeyAny().unpack(PubKey.class).getKey().toByteArray())
        .isEqualTo(a.publicKey().compressed());
    assertThat(HexFormat.of().formatHex(a.accountAddress().bytes()))
        .isEqualTo("e855a00fe13ef005051a1d7ceac7ef21c5606cfd");
  }

  @Test
  void signaturesVerifyOverSha256OfTheSignBytesAndAreLowS() throws Exception {
    Wallet wallet = Wallet.fromMnemonic(LocalSecret.B.mnemonic());
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      byte[] signBytes = new byte[random.nextInt(300)];
      random.nextBytes(signBytes);
      Secp256k1Signature signature = wallet.sign(signBytes);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(signBytes);
      assertThat(signature.bytes()).hasSize(64);
      assertThat(signature.isLowS()).isTrue();
      assertThat(wallet.publicKey().isValid(hash, signature)).isTrue();
      signBytes = java.util.Arrays.copyOf(signBytes, signBytes.length + 1);
      assertThat(
              wallet
                  .publicKey()
                  .isValid(MessageDigest.getInstance("SHA-256").digest(signBytes), signature))
          .isFalse();
    }
  }

  @Test
  void coinTypeAccountIndexAndPrefixChangeTheAccount() {
    Wallet secret = Wallet.fromMnemonic(LocalSecret.A.mnemonic());
    Wallet cosmos =
        Wallet.fromMnemonic(LocalSecret.A.mnemonic(), WalletOptions.defaults().withCoinType(118));
    Wallet second =
        Wallet.fromMnemonic(
            LocalSecret.A.mnemonic(), WalletOptions.defaults().withHdAccountIndex(1));
    Wallet prefixed =
        Wallet.fromMnemonic(
            LocalSecret.A.mnemonic(), WalletOptions.defaults().withBech32Prefix("cosmos"));
    assertThat(cosmos.options().path().toString()).isEqualTo("m/44'/118'/0'/0/0");
    assertThat(second.options().path().toString()).isEqualTo("m/44'/529'/0'/0/1");
    assertThat(cosmos.publicKey()).isNotEqualTo(secret.publicKey());
    assertThat(second.publicKey()).isNotEqualTo(secret.publicKey());
    assertThat(prefixed.publicKey()).isEqualTo(secret.publicKey());
    assertThat(prefixed.address()).startsWith("cosmos1").isNotEqualTo(secret.address());
    assertThat(prefixed.accountAddress()).isEqualTo(secret.accountAddress());
  }

  @Test
  void aGeneratedWalletHas24WordsThatGiveItBack() {
    Wallet fresh = Wallet.generate();
    String phrase = fresh.mnemonic().orElseThrow().phrase();
    assertThat(phrase.split(" ")).hasSize(24);
    assertThat(Wallet.fromMnemonic(phrase).address()).isEqualTo(fresh.address());
    assertThat(Wallet.generate().address()).isNotEqualTo(fresh.address());
  }

  @Test
  void invalidMnemonicsAreRefusedNamingTheRuleNotTheWords() {
    String[] words = LocalSecret.A.mnemonic().split(" ");
    String swapped = LocalSecret.A.mnemonic().replace("grant rice", "rice grant");
    assertThatThrownBy(() -> Wallet.fromMnemonic(swapped))
        .isInstanceOfSatisfying(
            InvalidMnemonicException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidMnemonicException.Reason.BAD_CHECKSUM))
        .hasMessageNotContaining("grant");
    assertThatThrownBy(() -> Wallet.fromMnemonic(LocalSecret.A.mnemonic().replace("taxi", "taxy")))
        .isInstanceOf(InvalidMnemonicException.class)
        .hasMessageStartingWith("word 13 of the mnemonic is not in the BIP39 English word list")
        .hasMessageNotContaining("taxy");
    assertThatThrownBy(
            () -> Wallet.fromMnemonic(String.join(" ", java.util.Arrays.copyOf(words, 23))))
        .isInstanceOf(InvalidMnemonicException.class)
        .hasMessage("mnemonic must have 12, 15, 18, 21 or 24 words, got 23");
    assertThatThrownBy(() -> Wallet.fromMnemonic(""))
        .isInstanceOf(InvalidMnemonicException.class)
        .hasMessage("mnemonic must have 12, 15, 18, 21 or 24 words, got 0");
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> WalletOptions.defaults().withHdAccountIndex(-1))
        .hasMessage("hdAccountIndex must be 0 or more (a non-hardened BIP32 index), got -1");
    assertThatThrownBy(() -> WalletOptions.defaults().withBech32Prefix(""))
        .hasMessage("bech32Prefix must not be empty");
    assertThatThrownBy(() -> WalletOptions.defaults().withSignMode(SignMode.SIGN_MODE_EIP_191))
        .hasMessage(
            "a wallet signs SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON, not SIGN_MODE_EIP_191");
  }

  @Test
  void theKeyAndMnemonicNeverShowAndCanBeWiped() {
    Wallet wallet = Wallet.fromMnemonic(LocalSecret.A.mnemonic());
    assertThat(wallet.toString())
        .isEqualTo("Wallet[" + LocalSecret.A.address() + ", SIGN_MODE_DIRECT]");
    assertThat(wallet.mnemonic().orElseThrow().toString())
        .doesNotContain("grant")
        .contains("redacted");
    wallet.destroy();
    assertThatThrownBy(() -> wallet.sign("x".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(wallet.address()).isEqualTo(LocalSecret.A.address());
  }
}
