package io.arcanum.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.client.lcd.LcdException;
import java.util.Optional;

/**
 * A smart query failed in the contract (secretjs-api.md §3 E8). secret.js returns the decrypted
 * error as a string; here it is {@link #contractError()}, and the node's answer is the cause. The
 * message never holds the decrypted text.
 */
public final class ContractQueryException extends SecretNetworkException {
  private static final long serialVersionUID = 1L;

  private final String contractAddress;
  private final transient ContractError error;

  public ContractQueryException(String contractAddress, ContractError error, LcdException cause) {
    super(
        "query of contract "
            + contractAddress
            + " failed (HTTP "
            + cause.httpStatus()
            + ", code "
            + cause.grpcCode()
            + "); the contract's error is decrypted in contractError()",
        cause);
    this.contractAddress = contractAddress;
    this.error = error;
  }

  public String contractAddress() {
    return contractAddress;
  }

  /** The decrypted error; {@link ContractError#message()} is what secret.js returns. */
  public ContractError contractError() {
    return error;
  }

  /** The error as JSON, when it is JSON. */
  public Optional<JsonNode> errorJson() {
    return error.json();
  }

  /** The node's answer. */
  public LcdException lcdError() {
    return (LcdException) getCause();
  }
}
