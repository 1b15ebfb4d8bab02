package io.arcanum.node.consensus;

import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's mempool together with the checks that guard it, as CometBFT runs them: a tx enters only
 * after {@link Application#checkTx}; a commit and the recheck of every waiting tx against the new
 * state happen with checks held off ({@link #holdingChecks}), so a tx is always checked against a
 * state that includes every committed block. Both consensus drivers use it.
 */
public final class TxPool {
  private static final Logger LOG = LoggerFactory.getLogger(TxPool.class);

  /** CometBFT's default {@code mempool.size}. */
  static final int MEMPOOL_TXS = 5_000;

  /** Bytes of txs waiting at most (CometBFT's default is 1 GiB; a dev node's heap is smaller). */
  static final long MEMPOOL_BYTES = 256L * 1024 * 1024;

  private final Supplier<Application> app;
  private final BlockLimits limits;
  private final Object lock = new Object();
  private final Mempool mempool = new Mempool(MEMPOOL_TXS, MEMPOOL_BYTES);
  private boolean closed;

  /** The mempool's size, readable without the lock (drivers ask while holding their own). */
  private volatile int waiting;

  /**
   * @param app the application to check against; a supplier, since a node that installs a state
   *     snapshot reopens it
   */
  public TxPool(Supplier<Application> app, BlockLimits limits) {
    this.app = Objects.requireNonNull(app, "app");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Checks {@code tx} and queues it if it passes.
   *
   * @param added told the number of waiting txs after a tx was queued, with checks held off
   * @return the check result; the mempool's own refusals are {@code sdk} 19 (already waiting), 20
   *     (mempool full) and 21 (larger than a block can take)
   * @throws IllegalStateException once {@link #close}d
   */
  public TxResult submit(byte[] tx, IntConsumer added) {
    if (tx.length > limits.maxBytes()) {
      return refused(
          SdkErrors.TX_TOO_LARGE.wrapf(
              "tx is %d bytes, a block takes at most %d", tx.length, limits.maxBytes()));
    }
    String hash = Mempool.hash(tx);
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the node is stopping; the tx was not queued");
      }
      if (mempool.contains(hash)) {
        return refused(SdkErrors.TX_IN_MEMPOOL_CACHE.error());
      }
      if (mempool.isFull(tx.length)) {
        return refused(
            SdkErrors.MEMPOOL_IS_FULL.wrapf(
                "%d txs, %d bytes waiting", mempool.size(), mempool.bytes()));
      }
      TxResult result = app.get().checkTx(tx.clone());
      if (result.isOk()) {
        mempool.add(hash, tx);
        waiting = mempool.size();
        added.accept(mempool.size());
      }
      return result;
    }
  }

  static TxResult refused(ChainException e) {
    return new TxResult(e.code(), e.codespace(), e.getMessage(), null, 0, 0, List.of());
  }

  /** The oldest waiting txs within the block limits, left in the pool until committed. */
  public List<byte[]> reap() {
    synchronized (lock) {
      return mempool.reap(limits);
    }
  }

  /** Every waiting tx, oldest first (a copy). */
  public List<byte[]> waitingTxs() {
    synchronized (lock) {
      return mempool.all();
    }
  }

  /** Runs {@code action} with checks held off (a commit, then {@link #committed}). */
  public <T> T holdingChecks(Supplier<T> action) {
    synchronized (lock) {
      return action.get();
    }
  }

  /**
   * Removes a committed block's txs and rechecks the rest against the new state, dropping those it
   * no longer admits. Call inside {@link #holdingChecks}, right after the commit.
   */
  public void committed(long height, List<byte[]> txs) {
    synchronized (lock) {
      mempool.removeCommitted(txs);
      int dropped = mempool.recheck(this::stillValid);
      waiting = mempool.size();
      if (dropped > 0) {
        LOG.debug("recheck after block {} dropped {} txs", height, dropped);
      }
    }
  }

  /** Drops a tx another node refused after this node forwarded it. */
  public void drop(byte[] tx) {
    synchronized (lock) {
      mempool.removeCommitted(List.of(tx));
      waiting = mempool.size();
    }
  }

  private boolean stillValid(byte[] tx) {
    try {
      return app.get().checkTx(tx).isOk();
    } catch (RuntimeException e) {
      LOG.warn("recheck of a waiting tx failed; dropping it", e);
      return false;
    }
  }

  /** Txs waiting; takes no lock. */
  public int size() {
    return waiting;
  }

  /** Whether the tx with this hash waits; see {@link ConsensusDriver#isPending}. */
  public boolean isPending(byte[] txHash) {
    String hash = java.util.HexFormat.of().formatHex(txHash);
    synchronized (lock) {
      return mempool.contains(hash);
    }
  }

  /** Refuses further txs; those waiting stay until the node stops. */
  public void close() {
    synchronized (lock) {
      closed = true;
    }
  }
}
