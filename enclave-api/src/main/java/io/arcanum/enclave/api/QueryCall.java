package io.arcanum.enclave.api;

import java.util.Objects;

/**
 * A smart query (protocol.md §6–§7): read-only, with an encrypted message only.
 *
 * @param codeHash SHA-256 of the code to run
 * @param block the latest block
 * @param contractAddress canonical address
 * @param contractKey the stored contract key
 * @param message {@code nonce ‖ pk ‖ ciphertext}
 * @param gasLimit wasm gas available
 * @param depth 0 for a query from a client, n for one nested n deep by {@code query_chain}
 */
public record QueryCall(
    byte[] codeHash,
    BlockEnv block,
    byte[] contractAddress,
    ContractKeyInfo contractKey,
    byte[] message,
    long gasLimit,
    int depth) {
  public QueryCall {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(contractKey, "contractKey");
  }
}
