package io.arcanum.wasm;

import java.util.Objects;

/**
 * The outcome of one entry-point call, with the exact wasm gas it used: success or failure, every
 * call reports gas.
 *
 * @param status OK, CONTRACT_ERROR (the contract returned Err) or FAILED (trap, out of gas, ...)
 * @param output on OK: the inner JSON of {@code {"Ok":…}} for instantiate/execute/migrate/reply/
 *     sudo, the base64-decoded answer for a query; otherwise empty
 * @param error on CONTRACT_ERROR the contract's error (a string for 1.x, the StdError JSON for
 *     0.10); on FAILED a message naming what went wrong; otherwise empty
 * @param failure on FAILED the kind of failure, otherwise {@code null}
 * @param gasUsed wasm gas used, net of refunded storage pseudo-gas (cosmwasm-abi.md §6.3)
 */
public record CallResult(
    Status status, byte[] output, String error, FailureKind failure, long gasUsed) {

  public enum Status {
    OK,
    CONTRACT_ERROR,
    FAILED
  }

  public CallResult {
    Objects.requireNonNull(status, "status");
    output = output.clone();
    Objects.requireNonNull(error, "error");
  }

  public static CallResult ok(byte[] output, long gasUsed) {
    return new CallResult(Status.OK, output, "", null, gasUsed);
  }

  public static CallResult contractError(String error, long gasUsed) {
    return new CallResult(Status.CONTRACT_ERROR, new byte[0], error, null, gasUsed);
  }

  public static CallResult failed(FailureKind kind, String message, long gasUsed) {
    return new CallResult(Status.FAILED, new byte[0], message, kind, gasUsed);
  }

  @Override
  public byte[] output() {
    return output.clone();
  }

  public boolean isOk() {
    return status == Status.OK;
  }

  /** The output as UTF-8 text. */
  public String outputText() {
    return new String(output, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CallResult that
        && status == that.status
        && java.util.Arrays.equals(output, that.output)
        && error.equals(that.error)
        && failure == that.failure
        && gasUsed == that.gasUsed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, java.util.Arrays.hashCode(output), error, failure, gasUsed);
  }

  @Override
  public String toString() {
    return switch (status) {
      case OK -> "CallResult[OK, " + output.length + " bytes, gasUsed=" + gasUsed + "]";
      case CONTRACT_ERROR -> "CallResult[CONTRACT_ERROR, " + error + ", gasUsed=" + gasUsed + "]";
      case FAILED -> "CallResult[FAILED " + failure + ", " + error + ", gasUsed=" + gasUsed + "]";
    };
  }
}
