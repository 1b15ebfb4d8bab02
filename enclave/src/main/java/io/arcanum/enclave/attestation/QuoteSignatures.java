package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * The quote's own signatures (protocol.md §12.1): the attestation key over header and report body,
 * the PCK key over the QE report, and the QE report's binding of the attestation key: {@code
 * report_data = SHA-256(attestation key ‖ QE auth data) ‖ 32 zero bytes}.
 */
public final class QuoteSignatures {
  private QuoteSignatures() {}

  public static void verify(DcapQuote quote, X509Certificate pck) throws AttestationException {
    if (!valid(attestationKey(quote.attestationKey()), quote.signedBytes(), quote.signature())) {
      throw new AttestationException(
          Failure.BAD_SIGNATURE, "the attestation key's signature over the quote does not verify");
    }
    if (!valid(pck.getPublicKey(), quote.qeReport(), quote.qeReportSignature())) {
      throw new AttestationException(
          Failure.BAD_SIGNATURE, "the PCK key's signature over the QE report does not verify");
    }
    byte[] expected = new byte[64];
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(quote.attestationKey());
      sha256.update(quote.qeAuthData());
      System.arraycopy(sha256.digest(), 0, expected, 0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    byte[] qeReportData = Arrays.copyOfRange(quote.qeReport(), 320, 384);
    if (!MessageDigest.isEqual(expected, qeReportData)) {
      throw new AttestationException(
          Failure.QE_BINDING, "the QE report does not bind this attestation key");
    }
  }

  private static boolean valid(PublicKey key, byte[] data, byte[] p1363Signature)
      throws AttestationException {
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(p1363Signature);
    } catch (GeneralSecurityException e) {
      throw new AttestationException(Failure.BAD_SIGNATURE, "signature cannot be checked", e);
    }
  }

  /** A P-256 public key from raw x ‖ y. */
  static PublicKey attestationKey(byte[] xy) throws AttestationException {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      ECPoint point =
          new ECPoint(
              new BigInteger(1, Arrays.copyOfRange(xy, 0, 32)),
              new BigInteger(1, Arrays.copyOfRange(xy, 32, 64)));
      return KeyFactory.getInstance("EC")
          .generatePublic(
              new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    } catch (GeneralSecurityException e) {
      throw new AttestationException(Failure.MALFORMED, "attestation key is not a P-256 point", e);
    }
  }
}
