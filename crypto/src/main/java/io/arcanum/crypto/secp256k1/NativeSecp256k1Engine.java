package io.arcanum.crypto.secp256k1;

import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Arrays;

/**
 * secp256k1 through libsecp256k1, Bitcoin Core's constant-time C library, via ACINQ's JNI binding
 * (fr.acinq.secp256k1). Preferred over the pure-Java engine for speed and side-channel resistance.
 * Inputs are validated by the Arcanum types before they reach native code, so the library's own
 * failures can only mean "no such key" (recovery) and are mapped to {@link
 * InvalidSignatureException}.
 */
public final class NativeSecp256k1Engine implements Secp256k1Engine {
  /** 1·G, uncompressed: the self-test answer for private key 1. */
  private static final byte[] GENERATOR = Secp256k1Curve.G.getEncoded(false);

  private final fr.acinq.secp256k1.Secp256k1 lib;

  private NativeSecp256k1Engine(fr.acinq.secp256k1.Secp256k1 lib) {
    this.lib = lib;
  }

  /**
   * Loads the JNI library (extracted from the jar on first use) and checks that it computes 1·G
   * correctly.
   *
   * @throws IllegalStateException if the library cannot be loaded on this platform or gives a wrong
   *     answer; the cause says why
   */
  public static NativeSecp256k1Engine load() {
    fr.acinq.secp256k1.Secp256k1 lib;
    try {
      lib = fr.acinq.secp256k1.Secp256k1.get();
      byte[] one = new byte[32];
      one[31] = 1;
      if (!Arrays.equals(lib.pubkeyCreate(one), GENERATOR)) {
        throw new IllegalStateException("libsecp256k1 self-test failed: 1·G is wrong");
      }
    } catch (LinkageError | RuntimeException e) {
      // UnsatisfiedLinkError, NoClassDefFoundError or ExceptionInInitializerError from the
      // loader, or Secp256k1Exception from the self-test.
      throw new IllegalStateException("libsecp256k1 JNI library is not usable: " + e, e);
    }
    return new NativeSecp256k1Engine(lib);
  }

  @Override
  public String name() {
    return "libsecp256k1 (JNI)";
  }

  @Override
  public Secp256k1PublicKey publicKey(Secp256k1PrivateKey privateKey) {
    return new Secp256k1PublicKey(lib.pubKeyCompress(lib.pubkeyCreate(privateKey.bytes())));
  }

  @Override
  public Secp256k1Signature sign(byte[] messageHash, Secp256k1PrivateKey privateKey) {
    Secp256k1Curve.checkHash(messageHash);
    // No auxiliary nonce data: plain RFC 6979. libsecp256k1 already returns low-S; normalizeS()
    // only documents the guarantee.
    return new Secp256k1Signature(lib.sign(messageHash, privateKey.bytes(), null)).normalizeS();
  }

  @Override
  public boolean isValid(
      byte[] messageHash, Secp256k1Signature signature, Secp256k1PublicKey publicKey) {
    Secp256k1Curve.checkHash(messageHash);
    // libsecp256k1 rejects high-S itself; checking here keeps the rule visible and engine-neutral.
    if (!signature.isLowS()) {
      return false;
    }
    return lib.verify(signature.bytes(), messageHash, publicKey.compressed());
  }

  @Override
  public Secp256k1PublicKey recover(
      byte[] messageHash, Secp256k1Signature signature, int recoveryId) {
    Secp256k1Curve.checkHash(messageHash);
    RecoverableSignature.checkRecoveryId(recoveryId);
    byte[] uncompressed;
    try {
      uncompressed = lib.ecdsaRecover(signature.bytes(), messageHash, recoveryId);
    } catch (Secp256k1Exception e) {
      throw new InvalidSignatureException(
          "no public key for recovery id "
              + recoveryId
              + " (libsecp256k1: "
              + e.getMessage()
              + ")");
    }
    return new Secp256k1PublicKey(uncompressed);
  }

  @Override
  public Secp256k1PublicKey parsePublicKey(byte[] encoded) {
    // Format rules first, so both engines refuse the same inputs with the same errors. The record
    // then re-checks the point in pure Java: if the two libraries ever disagreed, the key would be
    // refused rather than silently accepted by one engine only.
    Secp256k1Curve.checkEncoding(encoded);
    byte[] uncompressed;
    try {
      uncompressed = lib.pubkeyParse(encoded);
    } catch (Secp256k1Exception e) {
      throw new InvalidPublicKeyException("public key is not a point on secp256k1", e);
    }
    return new Secp256k1PublicKey(lib.pubKeyCompress(uncompressed));
  }

  @Override
  public byte[] uncompressed(Secp256k1PublicKey publicKey) {
    return lib.pubkeyParse(publicKey.compressed());
  }

  @Override
  public String toString() {
    return name();
  }
}
