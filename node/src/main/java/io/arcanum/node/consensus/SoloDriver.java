package io.arcanum.node.consensus;

import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consensus for a single validator in one process: txs enter a {@link Mempool} through {@link
 * Application#checkTx}, and blocks are made on a timer ({@link BlockTiming}) — every interval, and
 * sooner when txs wait — each by {@link Application#finalizeBlock} then {@link Application#commit}.
 * It knows the application only through {@link Application}, so the same driver runs any state
 * machine.
 *
 * <p>The mempool works as CometBFT's: a block takes the oldest txs within {@link BlockLimits}
 * without removing them; after the commit the included txs are removed and every tx still waiting
 * is checked again against the new state ("recheck"), dropping those that became invalid. Checks
 * wait while a commit and its recheck run (CometBFT locks its mempool for them), so a tx is always
 * checked against a state that includes every committed block.
 *
 * <p>On {@link #start} it resumes after the application's last committed block ({@link
 * Application#info()}). Block times never go backwards. {@link #close} lets a block in progress
 * finish and commit; txs still in the mempool are dropped (clients resend, as with CometBFT after a
 * restart). Heights are made one at a time on the scheduler's thread. A block whose finalize or
 * commit throws stops the driver without committing it ({@link #failure()}).
 */
public final class SoloDriver extends TimedDriver {
  private static final Logger LOG = LoggerFactory.getLogger(SoloDriver.class);

  private final long haltHeight;

  /**
   * @param clockNanos wall-clock time in nanoseconds since the epoch (block times come from it)
   * @param haltHeight stop after committing this height ({@code secretd}'s {@code halt-height}), or
   *     0 to run until closed
   */
  public SoloDriver(
      Application app,
      BlockTiming timing,
      BlockLimits limits,
      LongSupplier clockNanos,
      BlockScheduler scheduler,
      long haltHeight) {
    super(app, timing, limits, clockNanos, scheduler);
    if (haltHeight < 0) {
      throw new IllegalArgumentException("halt height must not be negative");
    }
    this.haltHeight = haltHeight;
  }

  /** The wall clock, in nanoseconds since the epoch. */
  public static long systemNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** Reads where the application stands and schedules the next block. */
  @Override
  public void start() {
    pool.holdingChecks(
        () -> {
          synchronized (this) {
            resume();
            if (haltHeight != 0 && height() >= haltHeight) {
              stop();
            } else {
              scheduleNext();
            }
          }
          return null;
        });
  }

  /**
   * Checks {@code tx} against the application's check state and, if it passes, queues it for the
   * next block, which then comes sooner. Waits while a commit and its recheck run.
   *
   * @return the check result; a failed check is not queued. The mempool's own refusals are {@code
   *     sdk} 19 (already waiting), 20 (mempool full) and 21 (larger than a block can take).
   * @throws IllegalStateException if the driver has stopped
   */
  @Override
  public TxResult submit(byte[] tx) {
    return check(tx);
  }

  /** Makes one block if {@code ticket} is still the current schedule. */
  @Override
  protected void due(long ticket) {
    Block block =
        pool.holdingChecks(
            () -> {
              synchronized (this) {
                if (!takeTicket(ticket)) {
                  return null;
                }
                return new Block(
                    height() + 1,
                    BlockTiming.blockTimeNanos(clockNanos.getAsLong(), lastBlockTimeNanos()),
                    null,
                    pool.reap());
              }
            });
    if (block == null) {
      return;
    }
    try {
      // Checks go on meanwhile, against the last committed state; the block's txs stay in the
      // mempool (a resubmission is refused as already waiting) until the commit removes them.
      BlockResult result = app.finalizeBlock(block);
      commitBlock(block, result);
    } catch (RuntimeException | Error e) {
      LOG.error(
          "block {} was not committed; block production stops: {}", block.height(), e.toString());
      LOG.debug("block {} failed", block.height(), e);
      synchronized (this) {
        fail(e);
        stop();
      }
      return;
    }
    pool.holdingChecks(
        () -> {
          synchronized (this) {
            if (haltHeight != 0 && height() >= haltHeight) {
              stop();
            } else {
              rescheduleIfRunning();
            }
          }
          return null;
        });
  }

  /** Stops the timer and releases waiters; the caller holds {@code this}. */
  private void stop() {
    if (stopScheduling()) {
      markStopped();
    }
  }

  /** Test access to one tick of the timer. */
  void produceBlock(long ticket) {
    due(ticket);
  }

  /**
   * Stops making blocks: a block in progress finishes and commits, none is started after. Does not
   * close the application.
   */
  @Override
  public void close() {
    synchronized (this) {
      stop();
    }
    closePoolAndTimer();
  }
}
