package io.arcanum.crypto.bip39;

import io.arcanum.crypto.SecretBytes;

/**
 * The 64-byte BIP39 seed: PBKDF2-HMAC-SHA512(mnemonic, "mnemonic" + passphrase, 2048). It is the
 * root of every key in the wallet, so it is as secret as the mnemonic.
 */
public final class Bip39Seed extends SecretBytes {
  /** Length of a BIP39 seed. */
  public static final int LENGTH = 64;

  private Bip39Seed(byte[] bytes) {
    super(bytes, LENGTH, "BIP39 seed");
  }

  /**
   * Wraps a copy of a previously derived seed.
   *
   * @throws io.arcanum.crypto.InvalidLengthException unless 64 bytes
   */
  public static Bip39Seed fromBytes(byte[] bytes) {
    return new Bip39Seed(bytes);
  }
}
