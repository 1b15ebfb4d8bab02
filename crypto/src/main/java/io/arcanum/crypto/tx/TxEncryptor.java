package io.arcanum.crypto.tx;

import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.crypto.x25519.X25519SharedSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The client side of tx encryption, compatible with secret.js's {@code EncryptionUtilsImpl}: one
 * X25519 key pair per client (from a 32-byte seed, clamped), a fresh nonce per message, and the
 * network's IO public key from the tx-key query.
 */
public final class TxEncryptor {
  private final X25519PrivateKey clientKey;
  private final X25519PublicKey clientPublicKey;
  private final X25519PublicKey consensusIoKey;
  private final SecureRandom random;

  public TxEncryptor(
      X25519PrivateKey clientKey, X25519PublicKey consensusIoKey, SecureRandom random) {
    this.clientKey = clientKey;
    this.clientPublicKey = clientKey.publicKey();
    this.consensusIoKey = consensusIoKey;
    this.random = random;
  }

  /** As secret.js with {@code encryptionSeed}: the key pair is the clamped seed. */
  public static TxEncryptor fromSeed(byte[] seed, X25519PublicKey consensusIoKey) {
    return new TxEncryptor(X25519PrivateKey.fromSeed(seed), consensusIoKey, new SecureRandom());
  }

  /** A client with a random key pair, as secret.js without {@code encryptionSeed}. */
  public static TxEncryptor random(X25519PublicKey consensusIoKey) {
    SecureRandom random = new SecureRandom();
    return new TxEncryptor(X25519PrivateKey.generate(random), consensusIoKey, random);
  }

  public X25519PublicKey publicKey() {
    return clientPublicKey;
  }

  /** {@code encrypt(codeHash, msg)} with a fresh random nonce; returns the wire bytes. */
  public byte[] encrypt(String codeHash, String json) {
    byte[] nonce = new byte[TxEncryptionKey.NONCE_LENGTH];
    random.nextBytes(nonce);
    return encrypt(CodeHash.parse(codeHash), json.getBytes(StandardCharsets.UTF_8), nonce);
  }

  /**
   * Encrypts {@code code_hash_hex || message} with the given nonce: {@code nonce || client_pk ||
   * SIV(...)} (protocol.md §6). Reusing a nonce repeats the tx key; use this only for vectors.
   */
  public byte[] encrypt(CodeHash codeHash, byte[] message, byte[] nonce) {
    byte[] hash = codeHash.hex().getBytes(StandardCharsets.US_ASCII);
    byte[] plaintext = new byte[hash.length + message.length];
    System.arraycopy(hash, 0, plaintext, 0, hash.length);
    System.arraycopy(message, 0, plaintext, hash.length, message.length);
    try (TxEncryptionKey key = txEncryptionKey(nonce)) {
      return new TxEnvelope(nonce, clientPublicKey, key.seal(plaintext)).toBytes();
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** secret.js {@code getTxEncryptionKey(nonce)}. */
  public TxEncryptionKey txEncryptionKey(byte[] nonce) {
    try (X25519SharedSecret shared = clientKey.agree(consensusIoKey)) {
      return TxEncryptionKey.derive(shared, nonce);
    }
  }

  /**
   * secret.js {@code decrypt(ciphertext, nonce)}: opens an output sealed with the tx key of {@code
   * nonce}.
   */
  public byte[] decrypt(byte[] ciphertext, byte[] nonce) {
    try (TxEncryptionKey key = txEncryptionKey(nonce)) {
      return key.open(ciphertext);
    }
  }

  @Override
  public String toString() {
    return "TxEncryptor[client " + clientPublicKey + ", io " + consensusIoKey + "]";
  }
}
