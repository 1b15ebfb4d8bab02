package io.arcanum.crypto.secp256k1;

import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.SecretBytes;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secp256k1 private key: 32 big-endian bytes whose value d satisfies 1 ≤ d ≤ n - 1. Every
 * instance is valid, so signing and derivation never see a zero or out-of-range scalar.
 */
public final class Secp256k1PrivateKey extends SecretBytes {
  private static final String WHAT = "secp256k1 private key";

  private Secp256k1PrivateKey(byte[] bytes) {
    super(bytes, Secp256k1Curve.PRIVATE_KEY_LENGTH, WHAT);
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws InvalidLengthException unless 32 bytes
   * @throws InvalidPrivateKeyException if the value is zero or not below the curve order
   */
  public static Secp256k1PrivateKey fromBytes(byte[] bytes) {
    InvalidLengthException.check(WHAT, bytes, Secp256k1Curve.PRIVATE_KEY_LENGTH);
    checkRange(bytes);
    return new Secp256k1PrivateKey(bytes);
  }

  /**
   * A fresh uniformly random key. Draws 32 bytes until they form a valid scalar, which fails with
   * probability about 2^-128 per draw, so rejection sampling adds no bias.
   */
  public static Secp256k1PrivateKey generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] candidate = new byte[Secp256k1Curve.PRIVATE_KEY_LENGTH];
    try {
      while (true) {
        random.nextBytes(candidate);
        if (Secp256k1Curve.isScalar(new BigInteger(1, candidate))) {
          return new Secp256k1PrivateKey(candidate);
        }
      }
    } finally {
      Arrays.fill(candidate, (byte) 0);
    }
  }

  private static void checkRange(byte[] bytes) {
    BigInteger d = new BigInteger(1, bytes);
    if (d.signum() == 0) {
      throw new InvalidPrivateKeyException(WHAT + " must not be zero");
    }
    if (d.compareTo(Secp256k1Curve.N) >= 0) {
      throw new InvalidPrivateKeyException(
          WHAT + " must be below the curve order n (valid keys are 1 .. n-1)");
    }
  }

  /** The matching compressed public key, computed by {@link Secp256k1#engine()}. */
  public Secp256k1PublicKey publicKey() {
    return Secp256k1.engine().publicKey(this);
  }

  /**
   * Signs a 32-byte message hash with {@link Secp256k1#engine()}: RFC 6979 deterministic nonce,
   * low-S. Cosmos signs SHA-256(sign bytes); hashing is the caller's job.
   */
  public Secp256k1Signature sign(byte[] messageHash) {
    return Secp256k1.engine().sign(messageHash, this);
  }

  /** The key bytes, without copying, for the engines in this package. */
  byte[] bytes() {
    return secret();
  }
}
