package io.arcanum.chain.errors;

/**
 * A tx, message or query refused with a registered {@link ErrorCode}. Its message is the log a
 * client sees ({@code "<detail>: <description>"}), so it must never carry secrets or decrypted
 * contract data.
 */
public final class ChainException extends Exception {
  private final ErrorCode error;
  private final String detail;

  ChainException(ErrorCode error, String detail) {
    super(
        detail == null || detail.isEmpty()
            ? error.description()
            : detail + ": " + error.description(),
        null,
        false,
        false);
    this.error = error;
    this.detail = detail;
  }

  public ErrorCode error() {
    return error;
  }

  public String codespace() {
    return error.codespace();
  }

  public int code() {
    return error.code();
  }

  /** The detail in front of the description, or null. */
  public String detail() {
    return detail;
  }

  /** This error with more context in front: {@code "<context>: <message>"}. */
  public ChainException wrap(String context) {
    return new ChainException(
        error, detail == null || detail.isEmpty() ? context : context + ": " + detail);
  }
}
