package io.arcanum.client;

import java.util.Optional;

/**
 * A tx was committed but failed (code ≠ 0): its fee and sequence were used, its messages' changes
 * were reverted. The contract's error, decrypted, is in {@link #contractError()}; the message holds
 * only the node's (encrypted) raw log.
 */
public final class TxFailedException extends SecretNetworkException {
  private static final long serialVersionUID = 1L;

  private final transient TxResponse response;

  public TxFailedException(TxResponse response) {
    super(
        "tx "
            + response.txhash()
            + " failed at height "
            + response.height()
            + " with code "
            + response.code()
            + " (codespace: "
            + response.codespace()
            + ")"
            + (response.contractError().isPresent()
                ? "; the contract's error is decrypted in contractError(). Log: "
                : ". Log: ")
            + response.rawLog());
    this.response = response;
  }

  public TxResponse response() {
    return response;
  }

  public int code() {
    return response.code();
  }

  public String codespace() {
    return response.codespace();
  }

  /** The node's raw log, error still encrypted. */
  public String rawLog() {
    return response.rawLog();
  }

  /** The contract's error, decrypted, when this client sent the failing message. */
  public Optional<ContractError> contractError() {
    return response.contractError();
  }
}
