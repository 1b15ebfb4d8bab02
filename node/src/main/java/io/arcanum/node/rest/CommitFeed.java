package io.arcanum.node.rest;

import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.node.consensus.ConsensusDriver;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wakes the REST API's waiters (long polls, broadcasts in block mode) when a block is committed.
 * The driver updates its height before it tells listeners, and the listener notifies under this
 * monitor, so a waiter that saw the old height and went to wait cannot miss the block.
 */
public final class CommitFeed implements ConsensusDriver.Listener {
  private final LongSupplier height;
  private boolean closed;

  /**
   * @param height the last committed height ({@code ConsensusDriver::height})
   */
  public CommitFeed(LongSupplier height) {
    this.height = height;
  }

  @Override
  public synchronized void committed(Block block, BlockResult result) {
    notifyAll();
  }

  @Override
  public synchronized void stateReplaced(long height) {
    notifyAll();
  }

  /** Releases every waiter; later waits return at once. */
  public synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** See {@link RestChain#awaitHeightAbove}. */
  public synchronized long awaitHeightAbove(long above, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long now = height.getAsLong();
    while (now <= above && !closed) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000), 0);
      now = height.getAsLong();
    }
    return now;
  }
}
