package io.arcanum.node.cli.keyring;

import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;

/**
 * A keyring entry with its secrets, for signing and tx encryption. Close it as soon as the tx is
 * signed: closing wipes the private key and the encryption seed. {@link #toString()} shows only the
 * public part.
 */
public final class UnlockedKey implements AutoCloseable {
  private final KeyInfo info;
  private final Secp256k1PrivateKey privateKey;
  private final TxEncryptionSeed encryptionSeed;

  UnlockedKey(KeyInfo info, Secp256k1PrivateKey privateKey) {
    this.info = info;
    this.privateKey = privateKey;
    this.encryptionSeed = TxEncryptionSeed.derive(privateKey);
  }

  public KeyInfo info() {
    return info;
  }

  public Secp256k1PrivateKey privateKey() {
    return privateKey;
  }

  public TxEncryptionSeed encryptionSeed() {
    return encryptionSeed;
  }

  @Override
  public void close() {
    privateKey.destroy();
    encryptionSeed.destroy();
  }

  @Override
  public String toString() {
    return "UnlockedKey[" + info.name() + ", " + info.bech32Address() + "]";
  }
}
