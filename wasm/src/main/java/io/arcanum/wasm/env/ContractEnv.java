package io.arcanum.wasm.env;

import java.util.List;
import java.util.Objects;

/**
 * What the chain tells a contract about the call: block, contract, transaction and sender. {@link
 * EnvJson} renders it in the shape each API generation expects.
 *
 * @param block the current block
 * @param contractAddress the called contract's bech32 address
 * @param codeHash lowercase hex code hash of the called contract
 * @param transaction the tx index and hash, or {@code null} outside a tx (queries)
 * @param sender the message sender ({@code ""} for reply and sudo), or {@code null} for queries
 * @param funds coins sent with the message
 */
public record ContractEnv(
    BlockInfo block,
    String contractAddress,
    String codeHash,
    Transaction transaction,
    String sender,
    List<Coin> funds) {

  public ContractEnv {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(contractAddress, "contractAddress");
    Objects.requireNonNull(codeHash, "codeHash");
    funds = List.copyOf(funds);
  }

  /** The transaction a call belongs to. */
  public record Transaction(int index, String hash) {
    public Transaction {
      Objects.requireNonNull(hash, "hash");
    }
  }
}
