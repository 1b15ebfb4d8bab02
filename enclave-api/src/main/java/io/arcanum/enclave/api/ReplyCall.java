package io.arcanum.enclave.api;

import java.util.Objects;

/**
 * The result of a sub-message handed back to the contract that sent it (protocol.md §10.3).
 *
 * <p>Two forms, as on Secret ({@code is_encrypted} true or false):
 *
 * <ul>
 *   <li><b>signed</b>: the Reply the callee's enclave wrote ({@link ContractResult#reply()}) with
 *       its signature, for a wasm sub-call the callee finished (OK or contract error);
 *   <li><b>plaintext</b> ({@code replySignature} empty): for a sub-message no enclave could sign
 *       for — a bank (or other non-wasm) message, or a wasm sub-call that failed without a contract
 *       error (out of its gas limit, trap, refused). The node writes {@code
 *       {"id":"<reply_permit>","result":{"ok":{"events":[],"data":null}} | {"error":"…"},
 *       "was_orig_msg_encrypted":…,"is_encrypted":false}} where {@code reply_permit} is the value
 *       the caller's enclave attached to that sub-message. The permit names the sub-message and
 *       says whether the callee's enclave could have signed a success: if so (a wasm sub-call) only
 *       an error is accepted in plaintext.
 * </ul>
 *
 * @param codeHash SHA-256 of the calling contract's code
 * @param block the block
 * @param transaction the tx's index and hash, or {@code null}
 * @param contractAddress the calling contract
 * @param contractKey its stored key
 * @param reply signed: the reply as the callee's result gave it, {@code nonce ‖ pk ‖ Reply JSON}
 *     when the original message was encrypted, else the Reply JSON; plaintext: the Reply JSON above
 * @param replySignature the callee enclave's signature over the reply ({@link
 *     ContractResult#replySignature()}); empty for a plaintext reply
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
