package io.arcanum.node.cli.keyring;

import io.arcanum.crypto.SecretBytes;
import io.arcanum.crypto.hkdf.Hkdf;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import java.nio.charset.StandardCharsets;

/**
 * The 32-byte seed of a key's X25519 tx-encryption key pair (secretjs's {@code encryptionSeed},
 * secretjs-api.md §7). Whoever holds it can decrypt the inputs and outputs of the txs and queries
 * it encrypted, so the CLI derives it from the account's private key instead of drawing it at
 * random: the same key recovered on another machine reads its old txs ({@code query tx}).
 *
 * <p>secretcli instead keeps one random key pair per home in {@code id_tx_io.json}, shared by every
 * key; a seed derived per key needs no second secret file and no backup of its own.
 */
public final class TxEncryptionSeed extends SecretBytes {
  /** Length of the seed. */
  public static final int LENGTH = 32;

  /** HKDF salt naming the purpose, so the seed is unrelated to any other use of the key. */
  private static final byte[] SALT =
      "arcanum/cli/tx-encryption-seed/v1".getBytes(StandardCharsets.US_ASCII);

  private TxEncryptionSeed(byte[] bytes) {
    super(bytes, LENGTH, "tx encryption seed");
  }

  /** {@code HKDF-SHA256(salt = "arcanum/cli/tx-encryption-seed/v1", ikm = private key, L = 32)}. */
  public static TxEncryptionSeed derive(Secp256k1PrivateKey key) {
    byte[] ikm = key.exportSecret();
    byte[] seed = Hkdf.sha256(SALT, ikm, new byte[0], LENGTH);
    try {
      return new TxEncryptionSeed(seed);
    } finally {
      java.util.Arrays.fill(ikm, (byte) 0);
      java.util.Arrays.fill(seed, (byte) 0);
    }
  }

  /** A copy of the seed bytes, for the SDK's encryption helper; zero it when done. */
  public byte[] bytes() {
    return exportSecret();
  }
}
