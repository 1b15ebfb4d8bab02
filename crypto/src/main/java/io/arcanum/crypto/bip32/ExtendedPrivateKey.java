package io.arcanum.crypto.bip32;

import io.arcanum.crypto.InvalidLengthException;
import io.arcanum.crypto.SecretBytes;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.bip39.Bip39Seed;
import io.arcanum.crypto.secp256k1.InvalidPrivateKeyException;
import io.arcanum.crypto.secp256k1.Secp256k1;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.crypto.secp256k1.Secp256k1PublicKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.BigIntegers;

/**
 * A BIP32 extended private key: a secp256k1 private key and a 32-byte chain code (both secret, held
 * together as 64 bytes: key ‖ chain code), plus the public metadata BIP32 serialises: depth, the
 * parent's fingerprint and the child number that led here.
 *
 * <p>Only private derivation is offered; Arcanum derives wallet keys, it does not watch xpubs.
 */
public final class ExtendedPrivateKey extends SecretBytes {
  private static final byte[] MASTER_HMAC_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);
  private static final BigInteger N = Secp256k1.CURVE_ORDER;

  private final int depth;
  private final int parentFingerprint;
  private final ChildNumber childNumber;

  private ExtendedPrivateKey(
      byte[] keyAndChainCode, int depth, int parentFingerprint, ChildNumber childNumber) {
    super(keyAndChainCode, 64, "BIP32 key and chain code");
    this.depth = depth;
    this.parentFingerprint = parentFingerprint;
    this.childNumber = childNumber;
  }

  /** The master key of a BIP39 seed. */
  public static ExtendedPrivateKey fromSeed(Bip39Seed seed) {
    byte[] bytes = seed.exportSecret();
    try {
      return fromSeed(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * The master key: HMAC-SHA512(key = "Bitcoin seed", seed), left half the key, right half the
   * chain code.
   *
   * @throws InvalidLengthException unless the seed is 16 to 64 bytes (BIP32's 128..512 bits)
   */
  public static ExtendedPrivateKey fromSeed(byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length < 16 || seed.length > 64) {
      throw new InvalidLengthException("BIP32 seed must be 16 to 64 bytes, got " + seed.length);
    }
    byte[] i = hmacSha512(MASTER_HMAC_KEY, seed);
    try {
      if (!isScalar(new BigInteger(1, i, 0, 32))) {
        // Probability about 2^-127; BIP32 says such a seed cannot be used.
        throw new InvalidPrivateKeyException("BIP32 seed gives an invalid master key");
      }
      return new ExtendedPrivateKey(i, 0, 0, null);
    } finally {
      Arrays.fill(i, (byte) 0);
    }
  }

  /**
   * The child key CKDpriv(this, child).
   *
   * @throws InvalidHdPathException if this key is already at depth 255
   * @throws InvalidPrivateKeyException in the ~2^-127 case where BIP32 says to skip this index
   */
  public ExtendedPrivateKey deriveChild(ChildNumber child) {
    Objects.requireNonNull(child, "child");
    if (depth == HdPath.MAX_DEPTH) {
      throw new InvalidHdPathException("BIP32 keys cannot be derived beyond depth 255");
    }
    byte[] secret = secret();
    Secp256k1PublicKey parentPublicKey = publicKey();
    byte[] data = new byte[37];
    if (child.hardened()) {
      System.arraycopy(secret, 0, data, 1, 32); // 0x00 ‖ k_par
    } else {
      System.arraycopy(parentPublicKey.compressed(), 0, data, 0, 33);
    }
    int raw = child.raw();
    data[33] = (byte) (raw >>> 24);
    data[34] = (byte) (raw >>> 16);
    data[35] = (byte) (raw >>> 8);
    data[36] = (byte) raw;
    byte[] i = hmacSha512(Arrays.copyOfRange(secret, 32, 64), data);
    Arrays.fill(data, (byte) 0);
    try {
      BigInteger tweak = new BigInteger(1, i, 0, 32);
      BigInteger childKey = tweak.add(new BigInteger(1, secret, 0, 32)).mod(N);
      if (tweak.compareTo(N) >= 0 || childKey.signum() == 0) {
        throw new InvalidPrivateKeyException(
            "BIP32 child " + child + " gives an invalid key; BIP32 says to use the next index");
      }
      BigIntegers.asUnsignedByteArray(childKey, i, 0, 32); // i = k_child ‖ c_child
      return new ExtendedPrivateKey(i, depth + 1, fingerprint(parentPublicKey), child);
    } finally {
      Arrays.fill(i, (byte) 0);
    }
  }

  /**
   * Derives each step of {@code path} in turn, treating this key as its {@code m}. Returns a new
   * key even for an empty path, so the caller may destroy the result and this key independently.
   */
  public ExtendedPrivateKey derive(HdPath path) {
    ExtendedPrivateKey key = copy();
    try {
      for (ChildNumber step : path.components()) {
        ExtendedPrivateKey next = key.deriveChild(step);
        key.destroy(); // intermediate keys are never returned, so wipe them at once
        key = next;
      }
      return key;
    } catch (RuntimeException e) {
      key.destroy();
      throw e;
    }
  }

  private ExtendedPrivateKey copy() {
    return new ExtendedPrivateKey(secret(), depth, parentFingerprint, childNumber);
  }

  /** The secp256k1 private key (a new, independent copy). */
  public Secp256k1PrivateKey privateKey() {
    byte[] key = Arrays.copyOf(secret(), 32);
    try {
      return Secp256k1PrivateKey.fromBytes(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  public Secp256k1PublicKey publicKey() {
    try (Secp256k1PrivateKey key = privateKey()) {
      return key.publicKey();
    }
  }

  /** 0 for the master key, else the number of derivation steps from it. */
  public int depth() {
    return depth;
  }

  /**
   * First 4 bytes of HASH160(parent public key), big-endian; 0 for the master key. Identifies the
   * parent in serialised keys.
   */
  public int parentFingerprint() {
    return parentFingerprint;
  }

  /** The step that produced this key, or null for the master key. */
  public ChildNumber childNumber() {
    return childNumber;
  }

  /** HASH160 of the public key is exactly the Cosmos address hash, so reuse it. */
  private static int fingerprint(Secp256k1PublicKey publicKey) {
    byte[] hash160 = CosmosAddress.fromPublicKey(publicKey).bytes();
    return (hash160[0] & 0xff) << 24
        | (hash160[1] & 0xff) << 16
        | (hash160[2] & 0xff) << 8
        | (hash160[3] & 0xff);
  }

  private static boolean isScalar(BigInteger value) {
    return value.signum() > 0 && value.compareTo(N) < 0;
  }

  private static byte[] hmacSha512(byte[] key, byte[] data) {
    HMac hmac = new HMac(new SHA512Digest());
    hmac.init(new KeyParameter(key));
    hmac.update(data, 0, data.length);
    byte[] out = new byte[64];
    hmac.doFinal(out, 0);
    return out;
  }
}
