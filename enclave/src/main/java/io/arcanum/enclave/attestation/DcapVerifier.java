package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Verifies a DCAP v3 quote with its collateral at a given time (protocol.md §12): quote and QE
 * signatures, QE binding, the PCK chain and the TCB signing chain to a pinned root with the
 * collateral's CRLs, TCB info and QE identity signatures and freshness (strict: expired collateral
 * is refused), TCB level matching, the accepted statuses, and the enclave measurement. There is no
 * switch that skips any of it; the simulated platform differs only in its pinned root.
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

  /** The key of a collateral issuer chain's leaf, after validating the chain. */
  private java.security.PublicKey signer(String issuerChain, List<X509CRL> crls, long timeSeconds)
      throws AttestationException {
    List<X509Certificate> chain = PckChain.parseCertificates(issuerChain);
    PckChain.validate(chain, crls, trustedRoots, timeSeconds);
    return chain.get(0).getPublicKey();
  }

  static boolean isEndOfLife(byte[] fmspc) {
    return END_OF_LIFE_FMSPC.contains(HexFormat.of().formatHex(fmspc));
  }

  /** What verified evidence attests. */
  public record Verified(
      byte[] reportData, byte[] measurement, String platformStatus, String qeStatus) {}

  public Verified verify(byte[] quoteBytes, byte[] collateralBytes, long timeSeconds)
      throws AttestationException {
    DcapQuote quote = DcapQuote.parse(quoteBytes);
    DcapCollateral collateral = DcapCollateral.parse(collateralBytes);
    List<X509Certificate> pckChain = PckChain.parseCertificates(quote.certificationData());
    List<X509CRL> crls =
        List.of(PckChain.parseCrl(collateral.pckCrl()), PckChain.parseCrl(collateral.rootCaCrl()));
    PckChain.validate(pckChain, crls, trustedRoots, timeSeconds);
    QuoteSignatures.verify(quote, pckChain.get(0));

    List<X509Certificate> tcbChain = PckChain.parseCertificates(collateral.tcbInfoIssuerChain());
    PckChain.validate(tcbChain, crls, trustedRoots, timeSeconds);
    SignedCollateral tcbInfo =
        SignedCollateral.verify(
            collateral.tcbInfo(), "tcbInfo", tcbChain.get(0).getPublicKey(), timeSeconds);
    List<X509Certificate> qeChain = PckChain.parseCertificates(collateral.qeIdentityIssuerChain());
    PckChain.validate(qeChain, crls, trustedRoots, timeSeconds);
    SignedCollateral qeIdentity =
        SignedCollateral.verify(
            collateral.qeIdentity(), "enclaveIdentity", qeChain.get(0).getPublicKey(), timeSeconds);

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
    return new Verified(quote.reportData(), quote.mrEnclave(), platform, qe);
  }
}
