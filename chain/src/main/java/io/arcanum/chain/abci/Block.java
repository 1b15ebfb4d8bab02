package io.arcanum.chain.abci;

import java.util.List;
import java.util.Objects;

/**
 * A block as consensus hands it to the application (the {@code FinalizeBlock} request).
 *
 * @param height 1 for the first block after genesis
 * @param timeNanos block time, Unix nanoseconds; never earlier than the previous block's
 * @param proposer the proposing validator's address (empty for the solo dev node)
 * @param txs the raw txs in order, as broadcast (TxRaw bytes)
 */
public record Block(long height, long timeNanos, byte[] proposer, List<byte[]> txs) {
  public Block {
    if (height < 1) {
      throw new IllegalArgumentException("block heights start at 1: " + height);
    }
    proposer = proposer == null ? new byte[0] : proposer.clone();
    txs = txs.stream().map(byte[]::clone).toList();
    Objects.requireNonNull(txs);
  }

  @Override
  public List<byte[]> txs() {
    return txs.stream().map(byte[]::clone).toList();
  }
}
