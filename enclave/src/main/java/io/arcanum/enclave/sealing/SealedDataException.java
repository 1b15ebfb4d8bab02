package io.arcanum.enclave.sealing;

/** Sealed bytes this enclave refuses; the message names the file and why, never its contents. */
public final class SealedDataException extends Exception {
  private static final long serialVersionUID = 1L;

  public SealedDataException(String message) {
    super(message);
  }
}
