package io.arcanum.client.encryption;

import io.arcanum.crypto.tx.TxEncryptionKey;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PrivateKey;
import io.arcanum.crypto.x25519.X25519PublicKey;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * secret.js 1.22.1's {@code EncryptionUtilsImpl} (secretjs-api.md §7, protocol.md §6) over crypto's
 * {@link TxEncryptor}: one X25519 key pair per instance, from a 32-byte {@code encryptionSeed}
 * (clamped, as {@code curve25519-js} does) or from 32 random bytes, and the network's IO public
 * key, fetched on first use (usually {@code GET /registration/v1beta1/tx-key}) and cached.
 *
 * <p>Give the same seed to two clients (or to this one and secret.js) and each opens the other's
 * outputs. The seed and the private key never appear in {@link #toString()}.
 */
public final class EncryptionUtilsImpl implements EncryptionUtils {
  /** Length of an {@code encryptionSeed}. */
  public static final int SEED_LENGTH = 32;

  private final X25519PrivateKey clientKey;
  private final X25519PublicKey publicKey;
  private final Supplier<X25519PublicKey> txKeySource;
  private final SecureRandom random;
  private volatile Keyed keyed; // built once the tx key is known

  private EncryptionUtilsImpl(
      X25519PrivateKey clientKey, Supplier<X25519PublicKey> txKeySource, SecureRandom random) {
    this.clientKey = clientKey;
    this.publicKey = clientKey.publicKey();
    this.txKeySource = txKeySource;
    this.random = random;
  }

  /**
   * A random key pair, as secret.js without {@code encryptionSeed}.
   *
   * @param txKeySource gives the network's IO public key when first needed (e.g. {@code
   *     lcd::txKey}); called again only if it failed
   */
  public static EncryptionUtilsImpl random(Supplier<X25519PublicKey> txKeySource) {
    SecureRandom random = new SecureRandom();
    return new EncryptionUtilsImpl(X25519PrivateKey.generate(random), txKeySource, random);
  }

  /**
   * The key pair of a fixed 32-byte {@code encryptionSeed}, as secret.js with one: the same seed
   * gives the same key pair in both.
   *
   * @throws IllegalArgumentException unless the seed is 32 bytes
   */
  public static EncryptionUtilsImpl fromSeed(byte[] seed, Supplier<X25519PublicKey> txKeySource) {
    if (seed == null || seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException(
          "encryptionSeed must be 32 bytes, got " + (seed == null ? "none" : seed.length));
    }
    return new EncryptionUtilsImpl(
        X25519PrivateKey.fromSeed(seed), txKeySource, new SecureRandom());
  }

  /**
   * A fixed network key: no tx-key request at all (secret.js: presetting {@code
   * consensusIoPubKey}).
   */
  public static Supplier<X25519PublicKey> fixedTxKey(X25519PublicKey txKey) {
    Objects.requireNonNull(txKey, "txKey");
    return () -> txKey;
  }

  @Override
  public X25519PublicKey publicKey() {
    return publicKey;
  }

  /** The network's IO public key, fetched and cached on first use. */
  public X25519PublicKey consensusIoPublicKey() {
    return encryptor().consensusIoKey();
  }

  @Override
  public byte[] encrypt(String codeHash, String json) {
    Objects.requireNonNull(json, "json");
    return encryptor().encryptor().encrypt(codeHash, json);
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] nonce) {
    if (ciphertext.length == 0) {
      return new byte[0];
    }
    return encryptor().encryptor().decrypt(ciphertext, nonce);
  }

  @Override
  public TxEncryptionKey txEncryptionKey(byte[] nonce) {
    return encryptor().encryptor().txEncryptionKey(nonce);
  }

  private Keyed encryptor() {
    Keyed keyed = this.keyed;
    if (keyed == null) {
      synchronized (this) {
        keyed = this.keyed;
        if (keyed == null) {
          X25519PublicKey ioKey =
              Objects.requireNonNull(txKeySource.get(), "the tx key source gave no key");
          keyed = new Keyed(new TxEncryptor(clientKey, ioKey, random), ioKey);
          this.keyed = keyed;
        }
      }
    }
    return keyed;
  }

  private record Keyed(TxEncryptor encryptor, X25519PublicKey consensusIoKey) {}

  @Override
  public String toString() {
    return "EncryptionUtilsImpl[client " + publicKey + "]";
  }
}
