package io.arcanum.enclave.api;

import java.util.Objects;

/**
 * A refused ECALL. The message says what was wrong in words safe to log: it never contains key
 * material, plaintext or decrypted contract data.
 */
public final class EnclaveException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a call was refused. */
  public enum Reason {
    /** The enclave holds no seeds yet (bootstrap or seed installation first). */
    NOT_INITIALIZED,
    /** Bootstrap or seed installation on an enclave that already holds seeds. */
    ALREADY_INITIALIZED,
    /** No registration key was created. */
    NO_REGISTRATION_KEY,
    /** Sealed data that this enclave build on this machine did not write, or that was altered. */
    SEALED_DATA_REJECTED,
    /** The host could not store or read sealed data. */
    STORAGE_FAILURE,
    /** An argument of the wrong size or format. */
    INVALID_INPUT,
    /** Attestation evidence that does not verify or is not admitted by the policy. */
    ATTESTATION_REJECTED,
    /**
     * A signature, contract key, callback or reply signature that does not check out, or a message
     * encrypted for another contract.
     */
    UNAUTHORIZED,
    /** Contract state or code from the host that does not authenticate. */
    HOST_DATA_REJECTED,
    /**
     * The enclave cannot be reached: its process did not start, died, stopped answering or was
     * closed. Nothing is known about whether the call took effect.
     */
    ENCLAVE_UNAVAILABLE
  }

  private final Reason reason;

  public EnclaveException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public EnclaveException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
