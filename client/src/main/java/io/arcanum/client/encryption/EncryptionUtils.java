package io.arcanum.client.encryption;

import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.x25519.X25519PublicKey;

/**
 * secret.js's {@code EncryptionUtils} interface (secretjs-api.md §7): what the client needs to
 * encrypt contract messages to the network and open what comes back. {@link EncryptionUtilsImpl} is
 * the usual implementation; another one (e.g. a wallet that keeps the key pair elsewhere) can be
 * given to the client instead.
 */
public interface EncryptionUtils {
  /** This client's X25519 public key, the one carried in every envelope. */
  X25519PublicKey publicKey();

  /**
   * Encrypts {@code codeHash || json} for a fresh random nonce: {@code nonce(32) || publicKey(32)
   * || AES-SIV(...)}, 144 + len(json) bytes (protocol.md §6).
   *
   * @param codeHash 64 hex characters, {@code 0x} prefix and upper case accepted
   * @param json the contract message exactly as it is to be sent
   * @throws io.arcanum.crypto.tx.InvalidCodeHashException if the code hash is not 64 hex characters
   */
  byte[] encrypt(String codeHash, String json);

  /**
   * Opens {@code ciphertext} (tag ‖ ciphertext) sealed by the enclave with the tx key of {@code
   * nonce}; an empty ciphertext gives empty plaintext, as in secret.js.
   *
   * @throws io.arcanum.crypto.AuthenticationFailedException if it was not sealed for this client
   *     and nonce
   */
  byte[] decrypt(byte[] ciphertext, byte[] nonce);

  /** secret.js {@code getTxEncryptionKey(nonce)}: {@code HKDF(X25519(sk, io_pk) || nonce)}. */
  TxEncryptionKey txEncryptionKey(byte[] nonce);
}
