package io.arcanum.node.consensus;

import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;

/**
 * What the node needs of a consensus engine: txs in, committed blocks out. Two engines implement it
 * — {@link SoloDriver} (one validator, the dev chain) and {@code raft.RaftDriver} (a network of
 * validators on Apache Ratis) — so the REST API, the block log and the CLI see no difference.
 */
public interface ConsensusDriver extends AutoCloseable {

  /** Told of every block this node committed, in height order, on the driver's thread. */
  @FunctionalInterface
  interface Listener {
    void committed(Block block, BlockResult result);

    /** The node's state was replaced by a snapshot from another node, now at {@code height}. */
    default void stateReplaced(long height) {}
  }

  void addListener(Listener listener);

  /** Reads where the application stands and begins taking part in consensus. */
  void start();

  /**
   * Checks {@code tx} against this node's check state and, if it passes, queues it for a block.
   *
   * @return the check result; a failed check is not queued
   * @throws IllegalStateException if the driver has stopped
   */
  TxResult submit(byte[] tx);

  /** The last height this node committed. */
  long height();

  /** The last committed block's time, nanoseconds since the epoch. */
  long lastBlockTimeNanos();

  /** Txs waiting in this node's mempool. */
  int pendingTxs();

  /** Whether the tx with this hash (SHA-256 of its bytes) waits in this node's mempool. */
  boolean isPending(byte[] txHash);

  /** Waits until the driver has stopped: closed, halted, or failed. */
  void awaitStopped() throws InterruptedException;

  /** Why this node stopped executing blocks, if it did not stop by {@link #close}. */
  Throwable failure();

  /** Stops taking part: a block in progress finishes and commits; the application stays open. */
  @Override
  void close();
}
