package io.arcanum.crypto.bip32;

import io.arcanum.crypto.bip39.Bip39Seed;
import io.arcanum.crypto.bip39.Mnemonic;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;

/**
 * Mnemonic → account key, the way secretjs's {@code Wallet} does it: BIP39 seed (empty passphrase
 * unless given), BIP32 master key, then the BIP44 path. Intermediate secrets are wiped.
 */
public final class HdWallet {
  private HdWallet() {}

  /** Secret account {@code index}: path {@code m/44'/529'/0'/0/index}, no passphrase. */
  public static Secp256k1PrivateKey secretAccountKey(Mnemonic mnemonic, int index) {
    return deriveKey(mnemonic, "", HdPath.secret(index));
  }

  public static Secp256k1PrivateKey deriveKey(Mnemonic mnemonic, String passphrase, HdPath path) {
    try (Bip39Seed seed = mnemonic.toSeed(passphrase)) {
      return deriveKey(seed, path);
    }
  }

  public static Secp256k1PrivateKey deriveKey(Bip39Seed seed, HdPath path) {
    try (ExtendedPrivateKey master = ExtendedPrivateKey.fromSeed(seed);
        ExtendedPrivateKey account = master.derive(path)) {
      return account.privateKey();
    }
  }
}
