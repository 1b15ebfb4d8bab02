package io.arcanum.enclave.attestation;

import io.arcanum.enclave.attestation.AttestationException.Failure;
import io.arcanum.enclave.attestation.VerifiedRegistration.Admission;
import java.util.Arrays;
import java.util.Objects;

/**
 * The enclave's acceptance of a joining node's evidence (protocol.md §4.2 enclave steps 2–4,
 * §12.2): the combined evidence parses; the DCAP quote and collateral verify at block time against
 * the policy's roots (signatures, chains, CRLs, strict freshness, statuses, FMSPC end of life,
 * quote version 3, MRENCLAVE allowed); then the machine must be allow-listed or a valid JWT must
 * vouch for the quote.
 *
 * <p>Simulated and real evidence take exactly this path (§14 item 3): only the policy's roots tell
 * them apart.
 */
public final class RegistrationVerifier {
  private final AttestationPolicy policy;
  private final DcapVerifier dcap;

  public RegistrationVerifier(AttestationPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.dcap = new DcapVerifier(policy.trustedRootFingerprints(), policy.allowedMeasurements());
  }

  /**
   * Verifies {@code combinedEvidence} (either layout of §4.1) at {@code blockTimeSeconds}.
   *
   * @throws AttestationException naming the check that refused it
   */
  public VerifiedRegistration verify(byte[] combinedEvidence, long blockTimeSeconds)
      throws AttestationException {
    try {
      return verifyChecked(combinedEvidence, blockTimeSeconds);
    } catch (RuntimeException e) {
      // Every parser here reports bad input as AttestationException; should a library still throw
      // on some input, the evidence is refused rather than the block's processing aborted.
      throw new AttestationException(
          Failure.MALFORMED,
          "evidence could not be read (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  /**
   * The machine id the evidence claims (its PCK certificate's), read without verifying anything;
   * only for deciding which policy applies before {@link #verify}.
   */
  public static MachineId machineIdOf(byte[] combinedEvidence) throws AttestationException {
    try {
      DcapQuote quote = DcapQuote.parse(RegistrationEvidence.parse(combinedEvidence).quote());
      return MachineId.of(PckChain.parseCertificates(quote.certificationData()).get(0));
    } catch (RuntimeException e) {
      throw new AttestationException(
          Failure.MALFORMED,
          "evidence could not be read (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  private VerifiedRegistration verifyChecked(byte[] combinedEvidence, long blockTimeSeconds)
      throws AttestationException {
    RegistrationEvidence evidence = RegistrationEvidence.parse(combinedEvidence);
    byte[] quote = evidence.quote();
    DcapVerifier.Verified verified = dcap.verify(quote, evidence.collateral(), blockTimeSeconds);

    // As in Secret, an attached JWT must verify even when the machine is allow-listed: a bad token
    // is a forgery attempt, not something to ignore.
    if (evidence.jwt().isPresent()) {
      AttestationJwt.verify(evidence.jwt().get(), quote, policy.jwtTrust());
    }
    Admission admission;
    if (policy.allowListed(verified.machineId())) {
      admission = Admission.ALLOW_LIST;
    } else if (evidence.jwt().isPresent()) {
      admission = Admission.JWT;
    } else {
      throw new AttestationException(
          Failure.NOT_ADMITTED,
          verified.machineId() + " is not on the allow-list and no attestation JWT is attached");
    }
    byte[] reportData = verified.reportData();
    return new VerifiedRegistration(
        Arrays.copyOfRange(reportData, 0, 32),
        Arrays.copyOfRange(reportData, 32, 64),
        verified.machineId(),
        verified.measurement(),
        verified.platformStatus(),
        admission);
  }

  public AttestationPolicy policy() {
    return policy;
  }
}
