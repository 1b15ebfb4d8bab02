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
 * What both consensus drivers share: the mempool with its checks ({@link TxPool}), a block timer
 * ({@link BlockTiming}: every interval, sooner when txs wait) whose ticks {@link #due} handles, the
 * commit of a finalized block with checks held off, the listeners, and the committed height.
 *
 * <p>Locking: the pool's lock is taken before {@code this}; {@code this} guards the schedule and
 * the committed height. A subclass calls {@link #scheduleNext} and {@link #stopScheduling} holding
 * {@code this}.
 */
public abstract class TimedDriver implements ConsensusDriver {
  private static final Logger LOG = LoggerFactory.getLogger(TimedDriver.class);

  protected final Application app;
  protected final BlockTiming timing;
  protected final LongSupplier clockNanos;
  protected final TxPool pool;
  private final BlockScheduler scheduler;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

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
   */
  protected TimedDriver(
      Application app,
      BlockTiming timing,
      BlockLimits limits,
      LongSupplier clockNanos,
      BlockScheduler scheduler) {
    this.app = Objects.requireNonNull(app, "app");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.pool = new TxPool(() -> app, Objects.requireNonNull(limits, "limits"));
  }

  /** The schedule came due; {@code ticket} is current if {@link #takeTicket} says so. */
  protected abstract void due(long ticket);

  @Override
  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Marks the driver started and reads where the application stands; the caller holds {@code this}.
   *
   * @throws IllegalStateException if it was started before
   */
  protected final void resume() {
    if (started) {
      throw new IllegalStateException("the driver has already started");
    }
    started = true;
    AppInfo info = app.info();
    lastHeight = info.lastHeight();
    lastBlockTimeNanos = info.lastBlockTimeNanos();
    lastBlockAtNanos = clockNanos.getAsLong();
  }

  /**
   * Checks {@code tx} and queues it; the next block then comes sooner.
   *
   * @throws IllegalStateException if the driver has stopped
   */
  protected final TxResult check(byte[] tx) {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the node is stopping; the tx was not queued");
      }
    }
    return pool.submit(
        tx,
        waiting -> {
          if (waiting == 1) {
            rescheduleNow();
          }
        });
  }

  /** Moves the next tick to now's schedule (a tx arrived, the leader changed). */
  protected final synchronized void rescheduleNow() {
    if (next != null && !closed) {
      next.cancel();
      scheduleNext();
    }
  }

  /** Schedules the next tick; the caller holds {@code this}. */
  protected final void scheduleNext() {
    long due = timing.delayNanos(clockNanos.getAsLong(), lastBlockAtNanos, pool.size());
    long mine = ++generation;
    try {
      next = scheduler.schedule(() -> due(mine), due);
    } catch (RejectedExecutionException e) {
      next = null; // the scheduler is closing
    }
  }

  /** Whether {@code ticket} is still the current schedule, which it then consumes. */
  protected final synchronized boolean takeTicket(long ticket) {
    if (closed || ticket != generation) {
      return false;
    }
    next = null;
    return true;
  }

  /** Reschedules unless stopped. */
  protected final synchronized void rescheduleIfRunning() {
    if (!closed) {
      scheduleNext();
    }
  }

  /**
   * Commits {@code block} (finalized as {@code result}), updates and rechecks the mempool with
   * checks held off, then tells the listeners.
   *
   * @throws IllegalStateException if the application committed another height
   */
  protected final void commitBlock(Block block, BlockResult result) {
    pool.holdingChecks(
        () -> {
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
          pool.committed(committed, block.txs());
          return null;
        });
    for (Listener listener : listeners) {
      try {
        listener.committed(block, result);
      } catch (RuntimeException e) {
        LOG.warn("a block listener failed at height {}", block.height(), e);
      }
    }
  }

  /** The application's state was replaced (a snapshot): read it again, recheck, tell listeners. */
  protected final void reloaded() {
    AppInfo info = app.info();
    pool.holdingChecks(
        () -> {
          synchronized (this) {
            lastHeight = info.lastHeight();
            lastBlockTimeNanos = info.lastBlockTimeNanos();
            lastBlockAtNanos = clockNanos.getAsLong();
          }
          pool.committed(info.lastHeight(), List.of());
          return null;
        });
    for (Listener listener : listeners) {
      listener.stateReplaced(info.lastHeight());
    }
  }

  /** Records why the driver stops, if it is the first reason. */
  protected final synchronized void fail(Throwable why) {
    if (failure == null) {
      failure = why;
    }
  }

  /**
   * Stops the timer; the caller holds {@code this} and then calls {@link #markStopped} once the
   * driver's own resources are released.
   *
   * @return false if it was stopped already
   */
  protected final boolean stopScheduling() {
    if (closed) {
      return false;
    }
    closed = true;
    generation++;
    if (next != null) {
      next.cancel();
      next = null;
    }
    return true;
  }

  /** Releases {@link #awaitStopped}. */
  protected final void markStopped() {
    stopped.countDown();
  }

  /** For a second {@code close()}: waits until the first has finished. */
  protected final void awaitStoppedUninterruptibly() {
    boolean interrupted = false;
    while (true) {
      try {
        stopped.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Refuses further txs and closes the timer. */
  protected final void closePoolAndTimer() {
    pool.close();
    scheduler.close();
  }

  /** The last committed height. */
  @Override
  public synchronized long height() {
    return lastHeight;
  }

  /** The last committed block's time, nanoseconds since the epoch. */
  @Override
  public synchronized long lastBlockTimeNanos() {
    return lastBlockTimeNanos;
  }

  /** Txs waiting in this node's mempool. */
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

  @Override
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public synchronized Throwable failure() {
    return failure;
  }
}
