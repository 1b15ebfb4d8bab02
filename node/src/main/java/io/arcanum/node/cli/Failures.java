package io.arcanum.node.cli;

import io.arcanum.client.BroadcastRejectedException;
import io.arcanum.client.ContractQueryException;
import io.arcanum.client.SecretNetworkException;
import io.arcanum.client.TxFailedException;
import io.arcanum.client.TxTimeoutException;
import io.arcanum.client.lcd.LcdException;
import io.arcanum.crypto.CryptoException;

/**
 * How the SDK's failures become one readable line and an {@link ExitCode} (docs/cli.md "Exit
 * codes"): what the chain refused is {@link ExitCode#FAILED}, with the contract's error decrypted;
 * a node that cannot be reached or does not speak the LCD API is {@link ExitCode#NODE_UNREACHABLE};
 * a tx not seen in time is {@link ExitCode#TIMEOUT}; malformed input the SDK caught (address, JSON,
 * code hash, coins) is {@link ExitCode#USAGE}.
 */
public final class Failures {
  private Failures() {}

  /** The CLI error for a failure of the SDK (or of its input checks). */
  public static CliException of(RuntimeException failure) {
    return switch (failure) {
      case TxTimeoutException e ->
          new CliException(
              ExitCode.TIMEOUT,
              "tx "
                  + e.txhash()
                  + " was broadcast but not included within the timeout; it may still be:"
                  + " check with `arcanum query tx "
                  + e.txhash()
                  + "`",
              e);
      case BroadcastRejectedException e ->
          new CliException(
              ExitCode.FAILED,
              "the node rejected tx "
                  + e.txhash()
                  + " (code "
                  + e.code()
                  + ", codespace "
                  + e.codespace()
                  + "): "
                  + e.rawLog(),
              e);
      case TxFailedException e -> new CliException(ExitCode.FAILED, txFailed(e.response()), e);
      case ContractQueryException e ->
          new CliException(
              ExitCode.FAILED,
              "query of contract " + e.contractAddress() + " failed: " + e.contractError().text(),
              e);
      case LcdException e -> lcd(e);
      case SecretNetworkException e -> new CliException(ExitCode.FAILED, e.getMessage(), e);
      case IllegalArgumentException e -> new CliException(ExitCode.USAGE, e.getMessage(), e);
      case CryptoException e -> new CliException(ExitCode.USAGE, e.getMessage(), e);
      default -> new CliException(ExitCode.INTERNAL, "internal error: " + failure, failure);
    };
  }

  /** "tx HASH failed with code 3 (compute): <decrypted contract error, or the raw log>". */
  public static String txFailed(io.arcanum.client.TxResponse response) {
    String detail =
        response.contractError().map(e -> "contract error: " + e.text()).orElse(response.rawLog());
    return "tx "
        + response.txhash()
        + " failed with code "
        + response.code()
        + " ("
        + response.codespace()
        + ") at height "
        + response.height()
        + ": "
        + detail;
  }

  private static CliException lcd(LcdException e) {
    boolean answeredAsLcd =
        e.httpStatus() != LcdException.NO_RESPONSE
            && e.httpStatus() / 100 != 2
            && !e.serverMessage().isEmpty();
    if (!answeredAsLcd) {
      // no answer, or an answer that is not the gateway's JSON (a web page, a proxy error)
      return new CliException(ExitCode.NODE_UNREACHABLE, e.getMessage(), e);
    }
    return new CliException(
        ExitCode.FAILED,
        (e.isNotFound() ? "not found: " : "the node answered HTTP " + e.httpStatus() + ": ")
            + e.serverMessage(),
        e);
  }
}
