package io.arcanum.node.consensus;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consensus for a single validator in one process: txs enter a mempool through {@link
 * Application#checkTx}, and blocks are made on a timer ({@link BlockTiming}) — every interval, and
 * sooner when txs wait — each by {@link Application#finalizeBlock} then {@link Application#commit}.
 * It knows the application only through {@link Application}, so the same driver runs any state
 * machine.
 *
 * <p>On {@link #start} it resumes after the application's last committed block ({@link
 * Application#info()}). Block times never go backwards. {@link #close} lets a block in progress
 * finish and commit; txs still in the mempool are dropped (clients resend, as with CometBFT after a
 * restart). Heights are made one at a time on the scheduler's thread.
 */
public final class SoloDriver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SoloDriver.class);

  /** Told of every committed block, on the driver's thread. */
  @FunctionalInterface
  public interface Listener {
    void committed(Block block, BlockResult result);
  }

  private final Application app;
  private final BlockTiming timing;
  private final LongSupplier clockNanos;
  private final BlockScheduler scheduler;
  private final long haltHeight;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private final ArrayDeque<byte[]> mempool = new ArrayDeque<>();
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
      LongSupplier clockNanos,
      BlockScheduler scheduler,
      long haltHeight) {
    this.app = Objects.requireNonNull(app, "app");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
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

  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Reads where the application stands and schedules the next block. */
  public synchronized void start() {
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

  /**
   * Checks {@code tx} against the application's check state and, if it passes, queues it for the
   * next block, which then comes sooner.
   *
   * @return the check result; a failed check is not queued
   */
  public TxResult submit(byte[] tx) {
    TxResult result = app.checkTx(tx.clone());
    if (result.isOk()) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the node is stopping; the tx was not queued");
        }
        mempool.add(tx.clone());
        if (mempool.size() == 1 && next != null) {
          next.cancel();
          scheduleNext();
        }
      }
    }
    return result;
  }

  /** The last committed height. */
  public synchronized long height() {
    return lastHeight;
  }

  public synchronized int pendingTxs() {
    return mempool.size();
  }

  /** The last committed block's time, nanoseconds since the epoch. */
  public synchronized long lastBlockTimeNanos() {
    return lastBlockTimeNanos;
  }

  /** Waits until the driver has stopped: closed, halted, or failed. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /** Why block production stopped, if a block failed; the node then exits with an error. */
  public synchronized Throwable failure() {
    return failure;
  }

  private void scheduleNext() {
    long due = timing.delayNanos(clockNanos.getAsLong(), lastBlockAtNanos, mempool.size());
    long mine = ++generation;
    try {
      next = scheduler.schedule(() -> produceBlock(mine), due);
    } catch (RejectedExecutionException e) {
      next = null; // the scheduler is closing
    }
  }

  /** Makes one block if {@code ticket} is still the current schedule. */
  void produceBlock(long ticket) {
    Block block;
    synchronized (this) {
      if (closed || ticket != generation) {
        return;
      }
      next = null;
      List<byte[]> txs = new ArrayList<>();
      while (!mempool.isEmpty() && txs.size() < timing.maxBlockTxs()) {
        txs.add(mempool.poll());
      }
      block =
          new Block(
              lastHeight + 1,
              BlockTiming.blockTimeNanos(clockNanos.getAsLong(), lastBlockTimeNanos),
              null,
              txs);
    }
    BlockResult result;
    long committed;
    try {
      result = app.finalizeBlock(block);
      committed = app.commit();
      if (committed != block.height()) {
        throw new IllegalStateException(
            "the application committed height " + committed + " for block " + block.height());
      }
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        failure = e;
        stop();
      }
      return;
    }
    synchronized (this) {
      lastHeight = committed;
      lastBlockTimeNanos = block.timeNanos();
      lastBlockAtNanos = clockNanos.getAsLong();
    }
    for (Listener listener : listeners) {
      try {
        listener.committed(block, result);
      } catch (RuntimeException e) {
        LOG.warn("a block listener failed at height {}", block.height(), e);
      }
    }
    synchronized (this) {
      if (haltHeight != 0 && lastHeight >= haltHeight) {
        stop();
      } else if (!closed) {
        scheduleNext();
      }
    }
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
    scheduler.close();
  }
}
