package io.arcanum.enclave.api;

import java.util.Objects;

/**
 * What a contract call produced, with everything private already encrypted for the sender
 * (protocol.md §7).
 *
 * @param outcome how the call ended
 * @param output {@link Outcome#OK}: for instantiate/execute/migrate/reply the contract's response
 *     JSON with {@code data}, attributes and sub-message payloads encrypted and callback signatures
 *     attached; for a query the encrypted answer (raw AES-SIV bytes)
 * @param error {@link Outcome#CONTRACT_ERROR}: {@code "encrypted: <b64>"}, or the plaintext error
 *     JSON if the input was plaintext; {@link Outcome#FAILED}: what stopped the call
 * @param gasUsed wasm gas used
 * @param contractKey instantiate: the new contract's key; migrate: the key after migration with its
 *     proof; otherwise {@code null}
 * @param reply for a call made as a sub-message that expects a reply: the Reply JSON the caller's
 *     enclave will accept ({@link ReplyCall#reply()}); otherwise {@code null}
 * @param replySignature the enclave's signature over {@code reply}
 * @param encrypted whether outputs are encrypted (false only for a plaintext execute/instantiate)
 */
public record ContractResult(
    Outcome outcome,
    byte[] output,
    String error,
    long gasUsed,
    ContractKeyInfo contractKey,
    byte[] reply,
    byte[] replySignature,
    boolean encrypted) {

  /** How a call ended. */
  public enum Outcome {
    /** The contract returned a result; its state changes are stored. */
    OK,
    /** The contract returned an error; nothing was stored. */
    CONTRACT_ERROR,
    /** The call stopped (out of gas, trap, malformed result); nothing was stored. */
    FAILED
  }

  public ContractResult {
    Objects.requireNonNull(outcome, "outcome");
    output = output == null ? new byte[0] : output;
    error = error == null ? "" : error;
  }

  public boolean isOk() {
    return outcome == Outcome.OK;
  }
}
