package io.arcanum.enclave.attestation;

/** Evidence the verifier refuses, with the failed check named. */
public final class AttestationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Which kind of check failed. */
  public enum Failure {
    MALFORMED,
    BAD_SIGNATURE,
    QE_BINDING,
    UNTRUSTED_CHAIN,
    REVOKED,
    COLLATERAL_EXPIRED,
    TCB_STATUS,
    MEASUREMENT,
    /** The machine is not on the allow-list and no JWT vouches for it (§12.2 item 6). */
    NOT_ADMITTED,
    /** An attached attestation JWT does not verify or does not name this quote (§12.2 item 6). */
    INVALID_JWT
  }

  private final Failure failure;

  public AttestationException(Failure failure, String message) {
    super(failure + ": " + message);
    this.failure = failure;
  }

  public AttestationException(Failure failure, String message, Throwable cause) {
    super(failure + ": " + message, cause);
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }
}
