package io.arcanum.crypto.x25519;

import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.SecretBytes;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * An X25519 secret: 32 bytes. Scalar multiplication clamps internally (RFC 7748 §5), so any 32
 * bytes are a usable secret (protocol.md §1); {@link #fromSeed} additionally stores the clamped
 * form, as secret.js's key generation ({@code curve25519-js generateKeyPair}) does.
 *
 * <p>The arithmetic is the in-house constant-time {@code Curve25519} (about twice Bouncy Castle's
 * throughput), which the tests check against Bouncy Castle and the JDK's XDH.
 */
public final class X25519PrivateKey extends SecretBytes {
  public static final int LENGTH = 32;

  private X25519PrivateKey(byte[] bytes) {
    super(bytes, LENGTH, "X25519 private key");
  }

  /** Wraps a copy of 32 raw secret bytes, unclamped (clamping happens at multiplication). */
  public static X25519PrivateKey of(byte[] bytes) {
    return new X25519PrivateKey(bytes);
  }

  /**
   * The key secret.js derives from a 32-byte seed: {@code s[0] &= 248; s[31] &= 127; s[31] |= 64}
   * (protocol.md §6).
   */
  public static X25519PrivateKey fromSeed(byte[] seed) {
    InvalidLengthException.check("X25519 private key", seed, LENGTH);
    byte[] clamped = seed.clone();
    clamped[0] &= (byte) 248;
    clamped[31] &= 127;
    clamped[31] |= 64;
    try {
      return new X25519PrivateKey(clamped);
    } finally {
      Arrays.fill(clamped, (byte) 0);
    }
  }

  /** A fresh key from 32 random bytes, clamped like {@link #fromSeed}. */
  public static X25519PrivateKey generate(SecureRandom random) {
    byte[] seed = new byte[LENGTH];
    random.nextBytes(seed);
    try {
      return fromSeed(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The public key: the base point multiplied by this secret. */
  public X25519PublicKey publicKey() {
    byte[] pk = new byte[X25519PublicKey.LENGTH];
    Curve25519.scalarMultBase(secret(), pk);
    return new X25519PublicKey(pk);
  }

  /**
   * The raw X25519 shared secret with {@code peer} (RFC 7748 §6.1), without a KDF. Like Secret's
   * enclave and secret.js, a low-order peer key is not rejected here: it yields the all-zero
   * secret, and the authenticated encryption keyed from it then fails to open honest traffic.
   */
  public X25519SharedSecret agree(X25519PublicKey peer) {
    byte[] shared = new byte[X25519SharedSecret.LENGTH];
    Curve25519.scalarMult(secret(), peer.bytes(), shared);
    try {
      return new X25519SharedSecret(shared);
    } finally {
      Arrays.fill(shared, (byte) 0);
    }
  }
}
