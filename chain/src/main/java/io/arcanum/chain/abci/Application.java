package io.arcanum.chain.abci;

/**
 * The state machine as a consensus engine drives it, shaped after ABCI 2.0 and knowing nothing of
 * which engine that is (the solo dev driver, Ratis, or CometBFT through a socket later).
 *
 * <p>Lifecycle: {@link #info} tells the driver where the application stands; the driver then calls
 * {@link #finalizeBlock} and {@link #commit} for each block in height order. {@link #checkTx} and
 * {@link #query} may come from other threads at any time.
 */
public interface Application extends AutoCloseable {

  /** The last committed block: height 0 and the genesis app hash right after genesis. */
  AppInfo info();

  /**
   * Validates a tx for the mempool against the latest checked state: decoding, signature, account
   * number, sequence, fee and balance. A passing tx advances the check state's sequence, so a
   * client can send its next tx before the block. Never changes committed state.
   */
  TxResult checkTx(byte[] tx);

  /**
   * Executes a block: every tx in order with its own result (a failing tx does not fail the block),
   * staging the block, its results and the tx index for the commit.
   *
   * @throws IllegalStateException if {@code block} is not the next height or goes back in time
   */
  BlockResult finalizeBlock(Block block);

  /** Makes the finalized block durable in one atomic write and returns its height. */
  long commit();

  /** Answers a query at a committed height. */
  QueryResponse query(QueryRequest request);

  @Override
  void close();
}
