package io.arcanum.node.consensus;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
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
public final class SoloDriver implements ConsensusDriver {
  private static final Logger LOG = LoggerFactory.getLogger(SoloDriver.class);

  private final Application app;
  private final BlockTiming timing;
  private final BlockLimits limits;
  private final LongSupplier clockNanos;
  private final BlockScheduler scheduler;
  private final long haltHeight;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * Its lock is held by a check and its enqueue, and by a commit and its recheck; taken before
   * {@code this}.
   */
  private final TxPool pool;

  private long lastHeight;
  private long lastBlockTimeNanos;
  private long lastBlockAtNanos;
  private long generation;
  private BlockScheduler.Scheduled next;
  private boolean started;
  private boolean closed;
  private Throwable failure;

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
    this.app = Objects.requireNonNull(app, "app");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    if (haltHeight < 0) {
      throw new IllegalArgumentException("halt height must not be negative");
    }
    this.haltHeight = haltHeight;
    this.pool = new TxPool(() -> app, limits);
  }

  /** The wall clock, in nanoseconds since the epoch. */
  public static long systemNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Reads where the application stands and schedules the next block. */
  @Override
  public void start() {
    pool.holdingChecks(
        () -> {
          startLocked();
          return null;
        });
  }

  private void startLocked() {
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("the driver has already started");
      }
      started = true;
      AppInfo info = app.info();
      lastHeight = info.lastHeight();
      lastBlockTimeNanos = info.lastBlockTimeNanos();
      lastBlockAtNanos = clockNanos.getAsLong();
      if (haltHeight != 0 && lastHeight >= haltHeight) {
        stop();
        return;
      }
      scheduleNext();
    }
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
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the node is stopping; the tx was not queued");
      }
    }
    return pool.submit(
        tx,
        waiting -> {
          synchronized (this) {
            if (waiting == 1 && next != null) {
              next.cancel();
              scheduleNext();
            }
          }
        });
  }

  /** The last committed height. */
  @Override
  public synchronized long height() {
    return lastHeight;
  }

  /** Txs waiting in the mempool. */
  @Override
  public int pendingTxs() {
    return pool.size();
  }

  /**
   * Whether the tx with this hash (SHA-256 of its bytes) waits in the mempool. A committed tx
   * leaves the mempool only after its block is durable, so a caller that finds it neither here nor
   * (afterwards) among the committed txs knows it was dropped or never accepted.
   */
  @Override
  public boolean isPending(byte[] txHash) {
    return pool.isPending(txHash);
  }

  /** The last committed block's time, nanoseconds since the epoch. */
  @Override
  public synchronized long lastBlockTimeNanos() {
    return lastBlockTimeNanos;
  }

  /** Waits until the driver has stopped: closed, halted, or failed. */
  @Override
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Why block production stopped, if a block failed; the node then exits with an error. */
  @Override
  public synchronized Throwable failure() {
    return failure;
  }

  /** Schedules the next block; the caller holds the pool's lock and {@code this}. */
  private void scheduleNext() {
    long due = timing.delayNanos(clockNanos.getAsLong(), lastBlockAtNanos, pool.size());
    long mine = ++generation;
    try {
      next = scheduler.schedule(() -> produceBlock(mine), due);
    } catch (RejectedExecutionException e) {
      next = null; // the scheduler is closing
    }
  }

  /** Makes one block if {@code ticket} is still the current schedule. */
  void produceBlock(long ticket) {
    Block block =
        pool.holdingChecks(
            () -> {
              synchronized (this) {
                if (closed || ticket != generation) {
                  return null;
                }
                next = null;
                return new Block(
                    lastHeight + 1,
                    BlockTiming.blockTimeNanos(clockNanos.getAsLong(), lastBlockTimeNanos),
                    null,
                    pool.reap());
              }
            });
    if (block == null) {
      return;
    }
    BlockResult result;
    try {
      // Checks go on meanwhile, against the last committed state; the block's txs stay in the
      // mempool (a resubmission is refused as already waiting) until the commit removes them.
      result = app.finalizeBlock(block);
      commit(block);
    } catch (RuntimeException | Error e) {
      LOG.error(
          "block {} was not committed; block production stops: {}", block.height(), e.toString());
      LOG.debug("block {} failed", block.height(), e);
      synchronized (this) {
        failure = e;
        stop();
      }
      return;
    }
    for (Listener listener : listeners) {
      try {
        listener.committed(block, result);
      } catch (RuntimeException e) {
        LOG.warn("a block listener failed at height {}", block.height(), e);
      }
    }
    pool.holdingChecks(
        () -> {
          synchronized (this) {
            if (haltHeight != 0 && lastHeight >= haltHeight) {
              stop();
            } else if (!closed) {
              scheduleNext();
            }
          }
          return null;
        });
  }

  /** Commits {@code block}, then updates and rechecks the mempool, with checks held off. */
  private void commit(Block block) {
    pool.holdingChecks(() -> commitLocked(block));
  }

  private Void commitLocked(Block block) {
    long committed = app.commit();
    if (committed != block.height()) {
      throw new IllegalStateException(
          "the application committed height " + committed + " for block " + block.height());
    }
    synchronized (this) {
      lastHeight = committed;
      lastBlockTimeNanos = block.timeNanos();
      lastBlockAtNanos = clockNanos.getAsLong();
    }
    pool.committed(block.height(), block.txs());
    return null;
  }

  private void stop() {
    closed = true;
    generation++;
    if (next != null) {
      next.cancel();
      next = null;
    }
    stopped.countDown();
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
    pool.close();
    scheduler.close();
  }
}
