package io.arcanum.chain.abci;

import java.util.Objects;

/**
 * A query's answer ({@code ResponseQuery}): code 0 and the encoded response message, or an error
 * code, codespace and log. {@code proof} is the encoded store proof when one was asked for.
 */
public record QueryResponse(
    int code, String codespace, String log, byte[] value, long height, byte[] proof) {
  public QueryResponse {
    codespace = Objects.requireNonNullElse(codespace, "");
    log = Objects.requireNonNullElse(log, "");
    value = value == null ? new byte[0] : value.clone();
    proof = proof == null ? new byte[0] : proof.clone();
  }

  public boolean isOk() {
    return code == 0;
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public byte[] proof() {
    return proof.clone();
  }
}
