package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Certificate chains and CRLs of DCAP evidence, checked at a given time against a root pinned by
 * its SHA-256 fingerprint (Intel's SGX Root CA for real quotes, a development root named in genesis
 * for the simulated platform — the same code for both). Revocation is checked from the CRLs the
 * collateral carries, never fetched: every node must reach the same verdict offline.
 */
public final class PckChain {
  /** Intel SGX Root CA, SHA-256 of its DER encoding (protocol.md §12.1). */
  public static final String INTEL_SGX_ROOT_CA_SHA256 =
      "44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3";

  private PckChain() {}

  /**
   * The certificates of a PEM chain, leaf first. The PEM must be canonical ({@link Pem}) and each
   * block exactly one DER certificate.
   */
  public static List<X509Certificate> parseCertificates(String pem) throws AttestationException {
    List<X509Certificate> out = new ArrayList<>();
    for (byte[] der : Pem.decode(pem, "CERTIFICATE", "certificate chain")) {
      out.add((X509Certificate) generate(der, false, "certificate"));
    }
    return out;
  }

  /** The one CRL of a canonical PEM text. */
  public static X509CRL parseCrl(String pem) throws AttestationException {
    List<byte[]> blocks = Pem.decode(pem, "X509 CRL", "CRL");
    if (blocks.size() != 1) {
      throw new AttestationException(
          Failure.MALFORMED, "a CRL entry holds " + blocks.size() + " CRLs, expected 1");
    }
    return (X509CRL) generate(blocks.get(0), true, "CRL");
  }

  private static Object generate(byte[] der, boolean crl, String what) throws AttestationException {
    ByteArrayInputStream in = new ByteArrayInputStream(der);
    Object out;
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      out = crl ? factory.generateCRL(in) : factory.generateCertificate(in);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new AttestationException(Failure.MALFORMED, what + " does not parse", e);
    }
    if (out == null || in.available() != 0) {
      throw new AttestationException(
          Failure.MALFORMED, what + " DER has trailing bytes or is empty");
    }
    return out;
  }

  /**
   * Validates {@code chain} (leaf first, root last) at {@code timeSeconds}: the root's fingerprint
   * is one of {@code trustedRoots}, every signature and validity period holds, and no certificate
   * is revoked by the CRL of its issuer among {@code crls} (each CRL itself signed by that issuer
   * and current at that time). A certificate whose issuer has no CRL here is refused.
   */
  public static void validate(
      List<X509Certificate> chain, List<X509CRL> crls, Set<String> trustedRoots, long timeSeconds)
      throws AttestationException {
    X509Certificate root = chain.get(chain.size() - 1);
    String fingerprint = fingerprint(root);
    if (!trustedRoots.contains(fingerprint)) {
      throw new AttestationException(
          Failure.UNTRUSTED_CHAIN, "chain ends at an untrusted root (SHA-256 " + fingerprint + ")");
    }
    Date at = new Date(timeSeconds * 1000);
    try {
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
      parameters.setRevocationEnabled(false); // checked below from the collateral's CRLs
      parameters.setDate(at);
      CertPathValidator.getInstance("PKIX")
          .validate(
              CertificateFactory.getInstance("X.509")
                  .generateCertPath(chain.subList(0, chain.size() - 1)),
              parameters);
      root.checkValidity(at);
    } catch (GeneralSecurityException e) {
      throw new AttestationException(
          Failure.UNTRUSTED_CHAIN, "certificate chain does not validate: " + e.getMessage(), e);
    }
    for (int i = 0; i < chain.size() - 1; i++) {
      checkNotRevoked(chain.get(i), chain.get(i + 1), crls, at);
    }
  }

  private static void checkNotRevoked(
      X509Certificate certificate, X509Certificate issuer, List<X509CRL> crls, Date at)
      throws AttestationException {
    for (X509CRL crl : crls) {
      if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
        continue;
      }
      try {
        crl.verify(issuer.getPublicKey());
      } catch (GeneralSecurityException e) {
        throw new AttestationException(
            Failure.UNTRUSTED_CHAIN,
            "CRL of " + issuer.getSubjectX500Principal() + " is not signed by it",
            e);
      }
      if (at.before(crl.getThisUpdate())
          || crl.getNextUpdate() == null
          || at.after(crl.getNextUpdate())) {
        throw new AttestationException(
            Failure.COLLATERAL_EXPIRED,
            "CRL of " + issuer.getSubjectX500Principal() + " is not current at " + at.toInstant());
      }
      if (crl.isRevoked(certificate)) {
        throw new AttestationException(
            Failure.REVOKED, certificate.getSubjectX500Principal() + " is revoked");
      }
      return;
    }
    throw new AttestationException(
        Failure.UNTRUSTED_CHAIN,
        "no CRL from " + issuer.getSubjectX500Principal() + " in the collateral");
  }

  public static String fingerprint(X509Certificate certificate) throws AttestationException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new AttestationException(Failure.MALFORMED, "certificate cannot be encoded", e);
    }
  }
}
