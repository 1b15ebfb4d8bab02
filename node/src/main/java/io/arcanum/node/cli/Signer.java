package io.arcanum.node.cli;

import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.client.wallet.WalletOptions;
import io.arcanum.node.cli.keyring.Keyring;
import io.arcanum.node.cli.keyring.KeyringException;
import io.arcanum.node.cli.keyring.UnlockedKey;
import java.util.Arrays;

/**
 * A keyring key opened for one command: the SDK's {@link Wallet} over its private key and a client
 * that encrypts with the key's own tx-encryption seed, so the results of its txs (now and later,
 * via {@code query tx}) decrypt. {@link #close()} wipes both.
 */
public final class Signer implements AutoCloseable {
  private final UnlockedKey key;
  private final Wallet wallet;

  private Signer(UnlockedKey key) {
    this.key = key;
    this.wallet = Wallet.fromPrivateKey(key.privateKey(), WalletOptions.defaults());
  }

  /** Opens {@code nameOrAddress} (asking for the passphrase with the file backend). */
  public static Signer open(Keyring keyring, String nameOrAddress) throws KeyringException {
    return new Signer(keyring.unlock(nameOrAddress));
  }

  public String address() {
    return wallet.address();
  }

  public String name() {
    return key.info().name();
  }

  /** A client of {@code node} that signs with this key and encrypts with its seed. */
  public SecretNetworkClient client(NodeOptions node) {
    byte[] seed = key.encryptionSeed().bytes();
    try {
      return SecretNetworkClient.builder()
          .url(node.url())
          .chainId(node.chainId())
          .wallet(wallet)
          .encryptionSeed(seed)
          .build();
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  @Override
  public void close() {
    wallet.destroy();
    key.close();
  }

  @Override
  public String toString() {
    return "Signer[" + key.info().name() + ", " + wallet.address() + "]";
  }
}
