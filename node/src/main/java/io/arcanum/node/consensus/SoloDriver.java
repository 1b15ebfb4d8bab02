package io.arcanum.node.consensus;

import io.arcanum.chain.abci.AppInfo;
import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
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
public final class SoloDriver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SoloDriver.class);

  /** Told of every committed block, on the driver's thread. */
  @FunctionalInterface
  public interface Listener {
    void committed(Block block, BlockResult result);
  }

  /** CometBFT's default {@code mempool.size}. */
  static final int MEMPOOL_TXS = 5_000;

  /** Bytes of txs waiting at most (CometBFT's default is 1 GiB; a dev node's heap is smaller). */
  static final long MEMPOOL_BYTES = 256L * 1024 * 1024;

  private final Application app;
  private final BlockTiming timing;
  private final BlockLimits limits;
  private final LongSupplier clockNanos;
  private final BlockScheduler scheduler;
  private final long haltHeight;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * Held by a check and its enqueue, and by a commit and its recheck; taken before {@code this}.
   */
  private final Object mempoolLock = new Object();

  private final Mempool mempool = new Mempool(MEMPOOL_TXS, MEMPOOL_BYTES);
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
  public void start() {
    synchronized (mempoolLock) {
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
  }

  /**
   * Checks {@code tx} against the application's check state and, if it passes, queues it for the
   * next block, which then comes sooner. Waits while a commit and its recheck run.
   *
   * @return the check result; a failed check is not queued. The mempool's own refusals are {@code
   *     sdk} 19 (already waiting), 20 (mempool full) and 21 (larger than a block can take).
   * @throws IllegalStateException if the driver has stopped
   */
  public TxResult submit(byte[] tx) {
    if (tx.length > limits.maxBytes()) {
      return refused(
          SdkErrors.TX_TOO_LARGE.wrapf(
              "tx is %d bytes, a block takes at most %d", tx.length, limits.maxBytes()));
    }
    String hash = Mempool.hash(tx);
    synchronized (mempoolLock) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the node is stopping; the tx was not queued");
        }
      }
      if (mempool.contains(hash)) {
        return refused(SdkErrors.TX_IN_MEMPOOL_CACHE.error());
      }
      if (mempool.isFull(tx.length)) {
        return refused(
            SdkErrors.MEMPOOL_IS_FULL.wrapf(
                "%d txs, %d bytes waiting", mempool.size(), mempool.bytes()));
      }
      TxResult result = app.checkTx(tx.clone());
      if (result.isOk()) {
        mempool.add(hash, tx);
        synchronized (this) {
          if (mempool.size() == 1 && next != null) {
            next.cancel();
            scheduleNext();
          }
        }
      }
      return result;
    }
  }

  private static TxResult refused(ChainException e) {
    return new TxResult(e.code(), e.codespace(), e.getMessage(), null, 0, 0, List.of());
  }

  /** The last committed height. */
  public synchronized long height() {
    return lastHeight;
  }

  /** Txs waiting in the mempool. */
  public int pendingTxs() {
    synchronized (mempoolLock) {
      return mempool.size();
    }
  }

  /**
   * Whether the tx with this hash (SHA-256 of its bytes) waits in the mempool. A committed tx
   * leaves the mempool only after its block is durable, so a caller that finds it neither here nor
   * (afterwards) among the committed txs knows it was dropped or never accepted.
   */
  public boolean isPending(byte[] txHash) {
    String hash = java.util.HexFormat.of().formatHex(txHash);
    synchronized (mempoolLock) {
      return mempool.contains(hash);
    }
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

  /** Schedules the next block; the caller holds {@code mempoolLock} and {@code this}. */
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
    synchronized (mempoolLock) {
      synchronized (this) {
        if (closed || ticket != generation) {
          return;
        }
        next = null;
        block =
            new Block(
                lastHeight + 1,
                BlockTiming.blockTimeNanos(clockNanos.getAsLong(), lastBlockTimeNanos),
                null,
                mempool.reap(limits));
      }
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
    synchronized (mempoolLock) {
      synchronized (this) {
        if (haltHeight != 0 && lastHeight >= haltHeight) {
          stop();
        } else if (!closed) {
          scheduleNext();
        }
      }
    }
  }

  /** Commits {@code block}, then updates and rechecks the mempool, with checks held off. */
  private void commit(Block block) {
    synchronized (mempoolLock) {
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
      mempool.removeCommitted(block.txs());
      int dropped = mempool.recheck(this::stillValid);
      if (dropped > 0) {
        LOG.debug("recheck after block {} dropped {} txs", block.height(), dropped);
      }
    }
  }

  private boolean stillValid(byte[] tx) {
    try {
      return app.checkTx(tx).isOk();
    } catch (RuntimeException e) {
      LOG.warn("recheck of a waiting tx failed; dropping it", e);
      return false;
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
