package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Verifies a DCAP v3 quote with its collateral at a given time (protocol.md §12): quote and QE
 * signatures, QE binding, the PCK chain and the TCB signing chain to a pinned root with the
 * collateral's CRLs, TCB info and QE identity signatures and freshness (strict: expired collateral
 * is refused), TCB level matching, the accepted statuses, and the enclave measurement. There is no
 * switch that skips any of it; the simulated platform differs only in its pinned root.
 *
 * <p>Certificates are checked for their role, not only their chain: the PCK certificate sits below
 * an intermediate CA, the collateral signer directly below the root, and neither is a CA. Every
 * encoding is read strictly ({@link Pem}, NUL-terminated collateral parts, the signed JSON's exact
 * frame), so no byte of the evidence escapes a signature or a syntax check.
 */
public final class DcapVerifier {
  /** Platform statuses Secret accepts (§12.2: OK or SW_HARDENING_NEEDED). */
  static final Set<String> ACCEPTED_PLATFORM = Set.of("UpToDate", "SWHardeningNeeded");

  /**
   * Platform families past end of life (§12.2 item 5), compared as bytes: Secret compares strings
   * case-sensitively, so the fixture's lower-case {@code 00906ed50000} escaped its list.
   */
  static final Set<String> END_OF_LIFE_FMSPC =
      Set.of(
          "00706a100000",
          "00706a800000",
          "00706e470000",
          "00806ea60000",
          "00806eb70000",
          "00906ea10000",
          "00906ea50000",
          "00906eb10000",
          "00906ec10000",
          "00906ec50000",
          "00906ed50000",
          "00a065510000",
          "20806eb70000",
          "20906ec10000");

  private final Set<String> trustedRoots;
  private final Set<String> allowedMeasurements;

  /**
   * @param trustedRoots SHA-256 fingerprints of the roots to accept (Intel's, and in development
   *     the genesis-named development root)
   * @param allowedMeasurements hex MRENCLAVE values allowed by genesis
   */
  public DcapVerifier(Set<String> trustedRoots, Set<String> allowedMeasurements) {
    this.trustedRoots = Set.copyOf(trustedRoots);
    this.allowedMeasurements = Set.copyOf(allowedMeasurements);
  }

  /**
   * Validates a collateral issuer chain and returns its signer's key. The signer must be issued
   * directly by the root and must not be a CA: Intel's TCB Signing certificate is, while a PCK
   * certificate sits below an intermediate CA. Without this role check a PCK key extracted from one
   * machine (the attacks of protocol.md §13) could sign TCB info calling its own outdated platform
   * up to date.
   */
  private PublicKey collateralSigner(
      String issuerChain, List<X509CRL> crls, long timeSeconds, String what)
      throws AttestationException {
    List<X509Certificate> chain = PckChain.parseCertificates(issuerChain);
    if (chain.size() != 2 || chain.get(0).getBasicConstraints() != -1) {
      throw new AttestationException(
          Failure.UNTRUSTED_CHAIN,
          what + " issuer chain must be a signing certificate issued directly by the root");
    }
    PckChain.validate(chain, crls, trustedRoots, timeSeconds);
    return chain.get(0).getPublicKey();
  }

  /**
   * The collateral's PCK CRL issuer chain must be the quote's PCK CA and root: the CRL is checked
   * against those, and an unused part left unchecked would be a free-form field in the evidence.
   */
  private static void requireSameCertificates(
      List<X509Certificate> issuerChain, List<X509Certificate> expected)
      throws AttestationException {
    boolean same = issuerChain.size() == expected.size();
    try {
      for (int i = 0; same && i < expected.size(); i++) {
        same = Arrays.equals(issuerChain.get(i).getEncoded(), expected.get(i).getEncoded());
      }
    } catch (GeneralSecurityException e) {
      same = false;
    }
    if (!same) {
      throw new AttestationException(
          Failure.UNTRUSTED_CHAIN,
          "the collateral's PCK CRL issuer chain is not the quote's PCK CA and root");
    }
  }

  static boolean isEndOfLife(byte[] fmspc) {
    return END_OF_LIFE_FMSPC.contains(HexFormat.of().formatHex(fmspc));
  }

  /**
   * What verified evidence attests.
   *
   * @param reportData the enclave's 64-byte report data
   * @param measurement MRENCLAVE
   * @param platformStatus the platform's TCB status (UpToDate or SWHardeningNeeded)
   * @param qeStatus the quoting enclave's status (UpToDate)
   * @param machineId the machine id of the PCK certificate (protocol.md §4.4)
   */
  public record Verified(
      byte[] reportData,
      byte[] measurement,
      String platformStatus,
      String qeStatus,
      MachineId machineId) {}

  public Verified verify(byte[] quoteBytes, byte[] collateralBytes, long timeSeconds)
      throws AttestationException {
    DcapQuote quote = DcapQuote.parse(quoteBytes);
    DcapCollateral collateral = DcapCollateral.parse(collateralBytes);
    List<X509Certificate> pckChain = PckChain.parseCertificates(quote.certificationData());
    // PCK certificate → PCK Processor/Platform CA → root (§12.1); the leaf signs, it issues
    // nothing.
    if (pckChain.size() != 3 || pckChain.get(0).getBasicConstraints() != -1) {
      throw new AttestationException(
          Failure.UNTRUSTED_CHAIN,
          "PCK chain must be PCK certificate → PCK CA → root, got "
              + pckChain.size()
              + " certificates");
    }
    requireSameCertificates(
        PckChain.parseCertificates(collateral.pckCrlIssuerChain()), pckChain.subList(1, 3));
    List<X509CRL> crls =
        List.of(PckChain.parseCrl(collateral.pckCrl()), PckChain.parseCrl(collateral.rootCaCrl()));
    PckChain.validate(pckChain, crls, trustedRoots, timeSeconds);
    QuoteSignatures.verify(quote, pckChain.get(0));

    SignedCollateral tcbInfo =
        SignedCollateral.verify(
            collateral.tcbInfo(),
            "tcbInfo",
            collateralSigner(collateral.tcbInfoIssuerChain(), crls, timeSeconds, "TCB info"),
            timeSeconds);
    SignedCollateral qeIdentity =
        SignedCollateral.verify(
            collateral.qeIdentity(),
            "enclaveIdentity",
            collateralSigner(collateral.qeIdentityIssuerChain(), crls, timeSeconds, "QE identity"),
            timeSeconds);

    SgxExtension extension = SgxExtension.of(pckChain.get(0));
    if (isEndOfLife(extension.fmspc())) {
      throw new AttestationException(
          Failure.TCB_STATUS,
          "platform family "
              + HexFormat.of().formatHex(extension.fmspc())
              + " is past end of life");
    }
    String platform = TcbLevels.platformStatus(tcbInfo.body(), extension);
    if (!ACCEPTED_PLATFORM.contains(platform)) {
      throw new AttestationException(Failure.TCB_STATUS, "platform TCB status " + platform);
    }
    String qe = TcbLevels.qeStatus(qeIdentity.body(), quote.qeReport());
    if (!qe.equals("UpToDate")) {
      throw new AttestationException(Failure.TCB_STATUS, "quoting enclave status " + qe);
    }
    String measurement = HexFormat.of().formatHex(quote.mrEnclave());
    if (!allowedMeasurements.contains(measurement)) {
      throw new AttestationException(
          Failure.MEASUREMENT, "enclave measurement " + measurement + " is not allowed by genesis");
    }
    return new Verified(
        quote.reportData(), quote.mrEnclave(), platform, qe, MachineId.of(pckChain.get(0)));
  }
}
