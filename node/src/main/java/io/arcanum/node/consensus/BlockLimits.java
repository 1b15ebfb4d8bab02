package io.arcanum.node.consensus;

/**
 * How much one block takes from the mempool: at most {@code maxTxs} txs and {@code maxBytes} bytes
 * of txs, taken in arrival order (CometBFT's {@code ReapMaxBytesMaxGas}: the first tx that does not
 * fit ends the block, so a sender's txs are never reordered). A tx larger than {@code maxBytes}
 * could never be included, so the mempool refuses it.
 *
 * @param maxTxs the most txs in a block
 * @param maxBytes the most tx bytes in a block (CometBFT's {@code block.max_bytes}, which also
 *     counts the header; here only the txs)
 */
public record BlockLimits(int maxTxs, long maxBytes) {
  /** 5 000 txs and CometBFT's default {@code block.max_bytes}, 21 MiB. */
  public static final BlockLimits DEFAULT = new BlockLimits(5_000, 22_020_096);

  public BlockLimits {
    if (maxTxs < 1) {
      throw new IllegalArgumentException("a block must be able to take a tx");
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("a block must be able to take a byte");
    }
  }
}
