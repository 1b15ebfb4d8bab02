package io.arcanum.chain.bank;

import io.arcanum.chain.errors.ErrorCode;

/** The bank module's registered errors (codespace {@code bank}, {@code x/bank/types/errors.go}). */
public final class BankErrors {
  private BankErrors() {}

  public static final String CODESPACE = "bank";

  public static final ErrorCode NO_INPUTS = bank(2, "no inputs to send transaction");
  public static final ErrorCode NO_OUTPUTS = bank(3, "no outputs to send transaction");
  public static final ErrorCode INPUT_OUTPUT_MISMATCH = bank(4, "sum inputs != sum outputs");
  public static final ErrorCode MULTIPLE_SENDERS = bank(9, "multiple senders not allowed");

  private static ErrorCode bank(int code, String description) {
    return new ErrorCode(CODESPACE, code, description);
  }
}
