package io.arcanum.crypto.secp256k1;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A point on secp256k1, held in its 33-byte SEC1 compressed form (the form Cosmos puts in {@code
 * PubKey.key} and hashes into addresses). The constructor accepts the compressed or the 65-byte
 * uncompressed encoding and refuses anything that is not a point on the curve, so every instance is
 * a valid key.
 *
 * @param compressed 33 bytes: 0x02 or 0x03 (parity of y) followed by big-endian x
 */
public record Secp256k1PublicKey(byte[] compressed) {
  /** Length of the compressed encoding. */
  public static final int COMPRESSED_LENGTH = Secp256k1Curve.COMPRESSED_LENGTH;

  /** Length of the uncompressed encoding. */
  public static final int UNCOMPRESSED_LENGTH = Secp256k1Curve.UNCOMPRESSED_LENGTH;

  /**
   * @throws io.arcanum.crypto.InvalidLengthException unless 33 or 65 bytes
   * @throws InvalidPublicKeyException if the bytes are not a point on the curve
   */
  public Secp256k1PublicKey {
    compressed = Secp256k1Curve.decodePoint(compressed).getEncoded(true);
  }

  /** Parses a compressed or uncompressed SEC1 public key; same as the constructor. */
  public static Secp256k1PublicKey fromBytes(byte[] encoded) {
    return new Secp256k1PublicKey(encoded);
  }

  /** A copy of the 33-byte compressed encoding. */
  @Override
  public byte[] compressed() {
    return compressed.clone();
  }

  /** The 65-byte uncompressed encoding (0x04 ‖ x ‖ y). */
  public byte[] uncompressed() {
    return Secp256k1.engine().uncompressed(this);
  }

  /**
   * Whether {@code signature} is a valid canonical signature of {@code messageHash} by this key.
   * High-S signatures give {@code false}.
   */
  public boolean isValid(byte[] messageHash, Secp256k1Signature signature) {
    return Secp256k1.engine().isValid(messageHash, signature, this);
  }

  /**
   * Checks {@code signature} over {@code messageHash}.
   *
   * @throws NonCanonicalSignatureException if s is high
   * @throws InvalidSignatureException if it does not verify
   */
  public void verify(byte[] messageHash, Secp256k1Signature signature) {
    Secp256k1.engine().verify(messageHash, signature, this);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secp256k1PublicKey that && Arrays.equals(compressed, that.compressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed);
  }

  /** Public keys are public: the hex of the compressed form. */
  @Override
  public String toString() {
    return "Secp256k1PublicKey[" + HexFormat.of().formatHex(compressed) + "]";
  }
}
