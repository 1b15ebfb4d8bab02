package io.arcanum.enclave.api;

import java.util.List;
import java.util.Objects;

/**
 * An instantiate, execute or migrate call (protocol.md §6–§10), as the node passes it.
 *
 * @param codeHash SHA-256 of the code to run; the enclave fetches the code through {@link
 *     ContractCodeStore} and checks it against this hash
 * @param block the block
 * @param transaction the tx's index and hash, or {@code null}
 * @param contractAddress canonical (20-byte) address of the contract
 * @param sender canonical address of the signer, or of the calling contract for a sub-message
 * @param funds the funds sent with the message, as signed
 * @param message the message exactly as signed: {@code nonce ‖ pk ‖ ciphertext}, or plaintext
 * @param sigInfo what proves the sender sent {@code message}
 * @param contractKey the stored key; {@code null} at instantiate (the enclave makes it)
 * @param admin instantiate and migrate: the admin of the signed message ({@code ""} for none)
 * @param gasLimit wasm gas available
 */
public record ContractCall(
    byte[] codeHash,
    BlockEnv block,
    TransactionInfo transaction,
    byte[] contractAddress,
    byte[] sender,
    List<Coin> funds,
    byte[] message,
    SigInfo sigInfo,
    ContractKeyInfo contractKey,
    String admin,
    long gasLimit) {
  public ContractCall {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(sigInfo, "sigInfo");
    funds = funds == null ? List.of() : List.copyOf(funds);
    admin = admin == null ? "" : admin;
  }

  /** The transaction a call belongs to. */
  public record TransactionInfo(int index, String hash) {}
}
