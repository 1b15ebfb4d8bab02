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
    MEASUREMENT
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
