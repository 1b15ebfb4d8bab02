package io.arcanum.crypto.ed25519;

import io.arcanum.crypto.InvalidLengthException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key: the 32-byte compressed point of RFC 8032 §5.1.2.
 *
 * <p>Verification follows RFC 8032 §5.1.7 as Bouncy Castle implements it: the signature's S must be
 * below the group order and R and A must decode. That is what CosmWasm's ed25519 functions accept
 * for every signature produced by a conforming signer; the ZIP-215 relaxations for non-canonical
 * encodings are not applied.
 */
public record Ed25519PublicKey(byte[] bytes) {

  /** Public key length in bytes. */
  public static final int LENGTH = Ed25519.PUBLIC_KEY_SIZE;

  /** Signature length in bytes (R ‖ S). */
  public static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;

  /**
   * @throws InvalidLengthException unless 32 bytes
   */
  public Ed25519PublicKey {
    InvalidLengthException.check("Ed25519 public key", bytes, LENGTH);
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Whether {@code signature} is a valid signature of {@code message} by this key. Never throws for
   * a well-formed input that merely fails; a key that is not a curve point fails.
   *
   * @throws InvalidLengthException if the signature is not 64 bytes
   */
  public boolean isValid(byte[] message, byte[] signature) {
    Objects.requireNonNull(message, "message");
    InvalidLengthException.check("Ed25519 signature", signature, SIGNATURE_LENGTH);
    return Ed25519.verify(signature, 0, bytes, 0, message, 0, message.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ed25519PublicKey that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + HexFormat.of().formatHex(bytes) + "]";
  }
}
