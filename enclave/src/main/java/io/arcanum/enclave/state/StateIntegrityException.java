package io.arcanum.enclave.state;

/** Stored state the enclave refuses to decrypt; the message says why, never the contents. */
public final class StateIntegrityException extends Exception {
  private static final long serialVersionUID = 1L;

  public StateIntegrityException(String message) {
    super(message);
  }
}
