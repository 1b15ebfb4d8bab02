package io.arcanum.crypto.secp256k1;

import io.arcanum.crypto.InvalidLengthException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.util.BigIntegers;

/**
 * An ECDSA signature in the 64-byte compact form Cosmos uses: r ‖ s, each 32 bytes big-endian.
 * Construction checks that r and s are in [1, n-1]; it does not require low-S, so that a high-S
 * signature can be represented and then rejected by verify with a precise error.
 *
 * @param bytes 64 bytes r ‖ s
 */
public record Secp256k1Signature(byte[] bytes) {
  /** Length of the compact encoding. */
  public static final int LENGTH = 64;

  /**
   * @throws InvalidLengthException unless 64 bytes
   * @throws InvalidSignatureException if r or s is zero or not below the curve order
   */
  public Secp256k1Signature {
    InvalidLengthException.check("secp256k1 signature", bytes, LENGTH);
    checkScalar("r", new BigInteger(1, bytes, 0, 32));
    checkScalar("s", new BigInteger(1, bytes, 32, 32));
    bytes = bytes.clone();
  }

  /** Parses the 64-byte compact form; same as the constructor. */
  public static Secp256k1Signature fromBytes(byte[] bytes) {
    return new Secp256k1Signature(bytes);
  }

  /**
   * Builds a signature from its two scalars.
   *
   * @throws InvalidSignatureException if either is outside [1, n-1]
   */
  public static Secp256k1Signature of(BigInteger r, BigInteger s) {
    checkScalar("r", r);
    checkScalar("s", s);
    byte[] out = new byte[LENGTH];
    BigIntegers.asUnsignedByteArray(r, out, 0, 32);
    BigIntegers.asUnsignedByteArray(s, out, 32, 32);
    return new Secp256k1Signature(out);
  }

  private static void checkScalar(String name, BigInteger value) {
    if (!Secp256k1Curve.isScalar(value)) {
      throw new InvalidSignatureException(
          "malformed secp256k1 signature: " + name + " must be in [1, n-1]");
    }
  }

  /** A copy of the 64 bytes r ‖ s. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public BigInteger r() {
    return new BigInteger(1, bytes, 0, 32);
  }

  public BigInteger s() {
    return new BigInteger(1, bytes, 32, 32);
  }

  /** Whether s ≤ (n-1)/2, the canonical form Cosmos and libsecp256k1 require. */
  public boolean isLowS() {
    return s().compareTo(Secp256k1Curve.HALF_N) <= 0;
  }

  /** This signature if it is low-S, else (r, n - s), which verifies the same message and key. */
  public Secp256k1Signature normalizeS() {
    return isLowS() ? this : of(r(), Secp256k1Curve.N.subtract(s()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secp256k1Signature that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Signatures are public: the hex of r ‖ s. */
  @Override
  public String toString() {
    return "Secp256k1Signature[" + HexFormat.of().formatHex(bytes) + "]";
  }
}
