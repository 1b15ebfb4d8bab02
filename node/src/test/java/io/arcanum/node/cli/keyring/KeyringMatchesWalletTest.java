package io.arcanum.node.cli.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.client.wallet.Wallet;
import io.arcanum.client.wallet.WalletOptions;
import io.arcanum.crypto.bip32.HdPath;
import io.arcanum.node.genesis.LocalSecretAccounts;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The keyring derives keys itself (the SDK's {@link Wallet} never hands out its private key), so it
 * must derive exactly what the SDK's wallet derives, and a wallet over the stored key must be the
 * same account: every LocalSecret mnemonic on several coin types and indices.
 */
class KeyringMatchesWalletTest {
  @TempDir Path home;

  @ParameterizedTest
  @CsvSource({"529,0", "529,1", "529,7", "118,0", "118,3"})
  void aStoredKeyIsTheAccountTheSdksWalletDerives(int coinType, int index) throws Exception {
    Keyring keyring = Keyring.open(home, KeyringBackend.TEST, Passphrases.NONE, new SecureRandom());
    for (LocalSecretAccounts.Known known : LocalSecretAccounts.KNOWN) {
      String name = known.name() + "-" + coinType + "-" + index;
      KeyInfo stored =
          keyring.add(
              name, Keyring.parseMnemonic(known.mnemonic()), HdPath.bip44(coinType, 0, 0, index));
      Wallet sdk =
          Wallet.fromMnemonic(
              known.mnemonic(),
              WalletOptions.defaults().withCoinType(coinType).withHdAccountIndex(index));
      assertThat(stored.bech32Address()).isEqualTo(sdk.address());
      assertThat(stored.publicKey()).isEqualTo(sdk.publicKey());
      try (UnlockedKey key = keyring.unlock(name)) {
        Wallet signer = Wallet.fromPrivateKey(key.privateKey(), WalletOptions.defaults());
        assertThat(signer.address()).isEqualTo(sdk.address());
      }
      if (coinType == 529 && index == 0) {
        assertThat(stored.bech32Address()).isEqualTo(known.address());
      }
    }
  }
}
