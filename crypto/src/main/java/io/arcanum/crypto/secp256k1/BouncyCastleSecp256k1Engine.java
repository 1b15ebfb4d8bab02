package io.arcanum.crypto.secp256k1;

import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * Pure-Java secp256k1 on Bouncy Castle, used when libsecp256k1 cannot be loaded. Bouncy Castle
 * gives RFC 6979 nonces ({@link HMacDSAKCalculator}) but neither low-S normalisation nor public key
 * recovery, so both are done here.
 */
public final class BouncyCastleSecp256k1Engine implements Secp256k1Engine {
  /** Stateless; one instance serves every thread. */
  public static final BouncyCastleSecp256k1Engine INSTANCE = new BouncyCastleSecp256k1Engine();

  private BouncyCastleSecp256k1Engine() {}

  @Override
  public String name() {
    return "Bouncy Castle (pure Java)";
  }

  @Override
  public Secp256k1PublicKey publicKey(Secp256k1PrivateKey privateKey) {
    BigInteger d = new BigInteger(1, privateKey.bytes());
    ECPoint q = new FixedPointCombMultiplier().multiply(Secp256k1Curve.G, d);
    return new Secp256k1PublicKey(q.getEncoded(true));
  }

  @Override
  public Secp256k1Signature sign(byte[] messageHash, Secp256k1PrivateKey privateKey) {
    Secp256k1Curve.checkHash(messageHash);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(
        true,
        new ECPrivateKeyParameters(new BigInteger(1, privateKey.bytes()), Secp256k1Curve.DOMAIN));
    BigInteger[] rs = signer.generateSignature(messageHash);
    // libsecp256k1 negates s after RFC 6979 signing; doing the same keeps the engines identical.
    return Secp256k1Signature.of(rs[0], rs[1]).normalizeS();
  }

  @Override
  public boolean isValid(
      byte[] messageHash, Secp256k1Signature signature, Secp256k1PublicKey publicKey) {
    Secp256k1Curve.checkHash(messageHash);
    if (!signature.isLowS()) {
      return false;
    }
    ECPoint q = Secp256k1Curve.decodePoint(publicKey.compressed());
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(q, Secp256k1Curve.DOMAIN));
    return verifier.verifySignature(messageHash, signature.r(), signature.s());
  }

  /**
   * SEC1 v2 §4.1.6: R is the point with x = r + (id / 2)·n and y parity id % 2; then Q = r⁻¹(sR −
   * eG).
   */
  @Override
  public Secp256k1PublicKey recover(
      byte[] messageHash, Secp256k1Signature signature, int recoveryId) {
    Secp256k1Curve.checkHash(messageHash);
    RecoverableSignature.checkRecoveryId(recoveryId);
    BigInteger n = Secp256k1Curve.N;
    BigInteger r = signature.r();
    BigInteger x = recoveryId >= 2 ? r.add(n) : r;
    if (x.compareTo(Secp256k1Curve.P) >= 0) {
      throw new InvalidSignatureException(
          "no public key for recovery id " + recoveryId + ": r + n is not below the field prime");
    }
    byte[] encodedR = new byte[Secp256k1Curve.COMPRESSED_LENGTH];
    encodedR[0] = (byte) (0x02 | (recoveryId & 1));
    BigIntegers.asUnsignedByteArray(x, encodedR, 1, 32);
    ECPoint bigR;
    try {
      bigR = Secp256k1Curve.CURVE.decodePoint(encodedR);
    } catch (IllegalArgumentException e) {
      throw new InvalidSignatureException(
          "no public key for recovery id " + recoveryId + ": no curve point has x = r");
    }
    // The cofactor is 1, so R is in the order-n subgroup and the nR = O check of SEC1 is implied.
    BigInteger e = new BigInteger(1, messageHash);
    BigInteger rInverse = r.modInverse(n);
    BigInteger u1 = e.negate().multiply(rInverse).mod(n);
    BigInteger u2 = signature.s().multiply(rInverse).mod(n);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1Curve.G, u1, bigR, u2).normalize();
    if (q.isInfinity()) {
      throw new InvalidSignatureException(
          "no public key for recovery id " + recoveryId + ": recovered point is at infinity");
    }
    return new Secp256k1PublicKey(q.getEncoded(true));
  }

  @Override
  public Secp256k1PublicKey parsePublicKey(byte[] encoded) {
    return new Secp256k1PublicKey(encoded);
  }

  @Override
  public byte[] uncompressed(Secp256k1PublicKey publicKey) {
    return Secp256k1Curve.decodePoint(publicKey.compressed()).getEncoded(false);
  }

  @Override
  public String toString() {
    return name();
  }
}
