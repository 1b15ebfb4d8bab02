package io.arcanum.chain.compute;

import io.arcanum.chain.errors.ErrorCode;

/**
 * Secret's {@code x/compute} errors (codespace {@code compute}, {@code types/errors.go}), with the
 * codes and descriptions clients match: secret.js finds {@code "encrypted: <b64>: execute contract
 * failed"} in a log (secretjs-api.md §6.1), so a contract error is {@code EXECUTE_FAILED} wrapped
 * with the detail {@code "encrypted: <b64>"}.
 */
public final class ComputeErrors {
  private ComputeErrors() {}

  public static final String CODESPACE = "compute";

  public static final ErrorCode INSTANTIATE_FAILED = compute(2, "instantiate contract failed");
  public static final ErrorCode EXECUTE_FAILED = compute(3, "execute contract failed");
  public static final ErrorCode QUERY_FAILED = compute(4, "query contract failed");
  public static final ErrorCode MIGRATION_FAILED = compute(5, "migrate contract failed");
  public static final ErrorCode ACCOUNT_EXISTS = compute(6, "contract account already exists");
  public static final ErrorCode GAS_LIMIT = compute(7, "insufficient gas");
  public static final ErrorCode INVALID_GENESIS = compute(8, "invalid genesis");
  public static final ErrorCode NOT_FOUND = compute(9, "not found");
  public static final ErrorCode INVALID_MSG = compute(10, "invalid CosmosMsg from the contract");
  public static final ErrorCode EMPTY = compute(11, "empty");
  public static final ErrorCode LIMIT = compute(12, "exceeds limit");
  public static final ErrorCode INVALID = compute(13, "invalid");
  public static final ErrorCode DUPLICATE = compute(14, "duplicate");
  public static final ErrorCode CREATE_FAILED = compute(15, "create contract failed");
  public static final ErrorCode SIG_FAILED = compute(16, "parse signature failed");
  public static final ErrorCode UNSUPPORTED_FOR_CONTRACT =
      compute(17, "unsupported for this contract");
  public static final ErrorCode UNKNOWN_MSG = compute(18, "unknown message from the contract");
  public static final ErrorCode REPLY_FAILED = compute(19, "reply to contract failed");
  public static final ErrorCode INVALID_EVENT = compute(21, "invalid event");
  public static final ErrorCode MAX_CALL_DEPTH = compute(30, "max call depth exceeded");
  public static final ErrorCode MAX_CONTRACT_SIZE = compute(31, "max contract size exceeded");

  private static ErrorCode compute(int code, String description) {
    return new ErrorCode(CODESPACE, code, description);
  }
}
