package io.arcanum.crypto.ed25519;

import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.SecretBytes;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key: the 32-byte seed of RFC 8032 §5.1.5. Every 32-byte string is a valid
 * seed, so there is no range check.
 */
public final class Ed25519PrivateKey extends SecretBytes {
  private static final String WHAT = "Ed25519 private key";

  /** Seed length in bytes. */
  public static final int LENGTH = Ed25519.SECRET_KEY_SIZE;

  private Ed25519PrivateKey(byte[] seed) {
    super(seed, LENGTH, WHAT);
  }

  /**
   * Wraps a copy of {@code seed}.
   *
   * @throws InvalidLengthException unless 32 bytes
   */
  public static Ed25519PrivateKey fromSeed(byte[] seed) {
    InvalidLengthException.check(WHAT, seed, LENGTH);
    return new Ed25519PrivateKey(seed);
  }

  /** The matching public key (RFC 8032 §5.1.5). */
  public Ed25519PublicKey publicKey() {
    byte[] publicKey = new byte[Ed25519PublicKey.LENGTH];
    Ed25519.generatePublicKey(secret(), 0, publicKey, 0);
    return new Ed25519PublicKey(publicKey);
  }

  /** A deterministic RFC 8032 signature of {@code message} (pure Ed25519, no prehash). */
  public byte[] sign(byte[] message) {
    Objects.requireNonNull(message, "message");
    byte[] signature = new byte[Ed25519PublicKey.SIGNATURE_LENGTH];
    Ed25519.sign(secret(), 0, message, 0, message.length, signature, 0);
    return signature;
  }
}
