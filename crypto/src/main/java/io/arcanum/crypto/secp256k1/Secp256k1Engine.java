package io.arcanum.crypto.secp256k1;

/**
 * The secp256k1 operations Arcanum needs, implemented twice: {@link NativeSecp256k1Engine} over
 * libsecp256k1 (JNI) and {@link BouncyCastleSecp256k1Engine} in pure Java. Both must give
 * byte-identical results: the same public keys, the same RFC 6979 signatures, the same recovered
 * keys, and the same accept/reject decision for every signature. {@link Secp256k1#engine()} picks
 * one.
 *
 * <p>All message hashes are 32 bytes ({@link io.arcanum.crypto.InvalidLengthException} otherwise).
 * Signing is deterministic (RFC 6979 with HMAC-SHA256) and always yields low-S; verification
 * rejects high-S, as Cosmos does.
 */
public interface Secp256k1Engine {

  /** A short human-readable name for logs, e.g. "libsecp256k1 (JNI)". */
  String name();

  /** The compressed public key of {@code privateKey}. */
  Secp256k1PublicKey publicKey(Secp256k1PrivateKey privateKey);

  /** Signs a 32-byte hash: RFC 6979 deterministic nonce, s normalised to the lower half. */
  Secp256k1Signature sign(byte[] messageHash, Secp256k1PrivateKey privateKey);

  /**
   * Signs like {@link #sign} and adds the recovery id, found by recovering each candidate and
   * comparing with the signer's key (libsecp256k1's JNI binding does not return it).
   */
  default RecoverableSignature signRecoverable(byte[] messageHash, Secp256k1PrivateKey privateKey) {
    Secp256k1Signature signature = sign(messageHash, privateKey);
    Secp256k1PublicKey signer = publicKey(privateKey);
    for (int recoveryId = 0; recoveryId < 4; recoveryId++) {
      try {
        if (recover(messageHash, signature, recoveryId).equals(signer)) {
          return new RecoverableSignature(signature, recoveryId);
        }
      } catch (InvalidSignatureException noKeyForThisId) {
        // try the next id
      }
    }
    // A signature this engine just made always recovers to its signer for some id.
    throw new IllegalStateException(name() + ": no recovery id reproduces the signer's key");
  }

  /**
   * Whether {@code signature} is a canonical (low-S) signature of {@code messageHash} by {@code
   * publicKey}. Never throws for a well-formed signature that merely fails.
   */
  boolean isValid(byte[] messageHash, Secp256k1Signature signature, Secp256k1PublicKey publicKey);

  /**
   * Like {@link #isValid} but says why a signature is refused.
   *
   * @throws NonCanonicalSignatureException if s is in the upper half of the curve order
   * @throws InvalidSignatureException if the signature does not verify
   */
  default void verify(
      byte[] messageHash, Secp256k1Signature signature, Secp256k1PublicKey publicKey) {
    Secp256k1Curve.checkHash(messageHash);
    if (!signature.isLowS()) {
      throw new NonCanonicalSignatureException();
    }
    if (!isValid(messageHash, signature, publicKey)) {
      throw new InvalidSignatureException(
          "secp256k1 signature does not verify for this message hash and public key");
    }
  }

  /**
   * The public key that produced {@code signature} over {@code messageHash}, given the recovery id
   * (SEC1 §4.1.6). Accepts high-S signatures, like libsecp256k1; a high-S signature recovers with
   * the opposite y parity.
   *
   * @throws InvalidSignatureException if the id is not 0..3 or no key fits this id
   */
  Secp256k1PublicKey recover(byte[] messageHash, Secp256k1Signature signature, int recoveryId);

  /**
   * Parses a compressed (33-byte) or uncompressed (65-byte) SEC1 public key.
   *
   * @throws io.arcanum.crypto.InvalidLengthException for any other length
   * @throws InvalidPublicKeyException if the bytes are not a point on the curve
   */
  Secp256k1PublicKey parsePublicKey(byte[] encoded);

  /** The 65-byte uncompressed encoding 0x04 ‖ x ‖ y. */
  byte[] uncompressed(Secp256k1PublicKey publicKey);
}
