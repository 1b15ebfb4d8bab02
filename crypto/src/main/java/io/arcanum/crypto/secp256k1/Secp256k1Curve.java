package io.arcanum.crypto.secp256k1;

import io.arcanum.crypto.InvalidLengthException;
import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Curve constants and SEC1 point decoding shared by the types and the pure-Java engine. Decoding
 * lives here, not in an engine, so that a {@link Secp256k1PublicKey} is always validated the same
 * way whichever engine made it.
 */
final class Secp256k1Curve {
  /** Bouncy Castle's custom secp256k1 implementation (faster than the generic Fp curve). */
  static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  static final ECDomainParameters DOMAIN =
      new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());
  static final ECCurve CURVE = PARAMS.getCurve();
  static final ECPoint G = PARAMS.getG();

  /** Group order n. */
  static final BigInteger N = PARAMS.getN();

  /** (n - 1) / 2: the largest s a canonical (low-S) signature may have. */
  static final BigInteger HALF_N = N.shiftRight(1);

  /** Field prime p. */
  static final BigInteger P = CURVE.getField().getCharacteristic();

  static final int PRIVATE_KEY_LENGTH = 32;
  static final int COMPRESSED_LENGTH = 33;
  static final int UNCOMPRESSED_LENGTH = 65;
  static final int HASH_LENGTH = 32;

  private Secp256k1Curve() {}

  /**
   * Decodes a SEC1 compressed (33 bytes, 0x02/0x03) or uncompressed (65 bytes, 0x04) public key and
   * checks that it is a point on the curve. Hybrid encodings (0x06/0x07) are refused: Cosmos never
   * produces them and accepting them would give one key several encodings.
   */
  static ECPoint decodePoint(byte[] encoded) {
    checkEncoding(encoded);
    try {
      return CURVE.decodePoint(encoded);
    } catch (IllegalArgumentException e) {
      // Bouncy Castle says "Invalid point compression" (no y for this x) or "Invalid point
      // coordinates" (y does not satisfy the curve equation); both mean "not on the curve".
      throw new InvalidPublicKeyException("public key is not a point on secp256k1", e);
    }
  }

  /**
   * The format rules of {@link #decodePoint} without the curve check: length, prefix byte, and
   * coordinates below p.
   */
  static void checkEncoding(byte[] encoded) {
    if (encoded == null) {
      throw new InvalidLengthException("secp256k1 public key is missing");
    }
    int length = encoded.length;
    if (length != COMPRESSED_LENGTH && length != UNCOMPRESSED_LENGTH) {
      throw new InvalidLengthException(
          "secp256k1 public key must be 33 bytes (compressed) or 65 bytes (uncompressed), got "
              + length);
    }
    int prefix = encoded[0] & 0xff;
    if (length == COMPRESSED_LENGTH && prefix != 0x02 && prefix != 0x03) {
      throw new InvalidPublicKeyException(
          "compressed secp256k1 public key must start with 0x02 or 0x03, got 0x"
              + HexFormat.of().toHexDigits((byte) prefix));
    }
    if (length == UNCOMPRESSED_LENGTH && prefix != 0x04) {
      throw new InvalidPublicKeyException(
          "uncompressed secp256k1 public key must start with 0x04, got 0x"
              + HexFormat.of().toHexDigits((byte) prefix)
              + " (hybrid encodings are not accepted)");
    }
    checkBelowP(encoded, 1, "x");
    if (length == UNCOMPRESSED_LENGTH) {
      checkBelowP(encoded, 33, "y");
    }
  }

  private static void checkBelowP(byte[] encoded, int offset, String coordinate) {
    if (new BigInteger(1, encoded, offset, 32).compareTo(P) >= 0) {
      throw new InvalidPublicKeyException(
          "public key " + coordinate + " coordinate is not below the field prime p");
    }
  }

  /** Throws unless {@code hash} is a 32-byte message digest. */
  static void checkHash(byte[] hash) {
    InvalidLengthException.check("message hash", hash, HASH_LENGTH);
  }

  /** Whether {@code value} is a valid scalar: 1 ≤ value ≤ n - 1. */
  static boolean isScalar(BigInteger value) {
    return value.signum() > 0 && value.compareTo(N) < 0;
  }
}
