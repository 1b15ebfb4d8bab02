package io.arcanum.enclave.api;

import java.util.Objects;

/**
 * The result of a sub-message handed back to the contract that sent it (protocol.md §10.3).
 *
 * @param codeHash SHA-256 of the calling contract's code
 * @param block the block
 * @param transaction the tx's index and hash, or {@code null}
 * @param contractAddress the calling contract
 * @param contractKey its stored key
 * @param reply the reply as the callee's result gave it: {@code nonce ‖ pk ‖ Reply JSON} when the
 *     original message was encrypted, else the Reply JSON
 * @param replySignature the callee enclave's signature over the reply ({@link
 *     ContractResult#replySignature()})
 * @param gasLimit wasm gas available
 */
public record ReplyCall(
    byte[] codeHash,
    BlockEnv block,
    ContractCall.TransactionInfo transaction,
    byte[] contractAddress,
    ContractKeyInfo contractKey,
    byte[] reply,
    byte[] replySignature,
    long gasLimit) {
  public ReplyCall {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(contractKey, "contractKey");
    replySignature = replySignature == null ? new byte[0] : replySignature;
  }
}
