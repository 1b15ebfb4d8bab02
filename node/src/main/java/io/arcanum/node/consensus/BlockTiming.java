package io.arcanum.node.consensus;

import java.time.Duration;

/**
 * When the solo driver makes blocks: an empty block every {@code interval} (like CometBFT's {@code
 * timeout_commit = 1s} on LocalSecret), and sooner when txs wait — as soon as one arrives, but no
 * sooner than {@code minInterval} after the previous block ("faster on demand"). How much a block
 * takes is {@link BlockLimits}'s.
 */
public record BlockTiming(Duration interval, Duration minInterval) {
  public BlockTiming {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the block interval must be positive");
    }
    if (minInterval.isNegative() || minInterval.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "the minimum block interval must be between 0 and the block interval");
    }
  }

  /**
   * How long to wait before the next block.
   *
   * @param nowNanos the clock now
   * @param lastBlockAtNanos when the last block was made (the driver's start for the first)
   * @param pendingTxs txs waiting in the mempool
   * @return nanoseconds, between 0 and the interval (a clock that jumped is not waited out)
   */
  public long delayNanos(long nowNanos, long lastBlockAtNanos, int pendingTxs) {
    long wait = pendingTxs > 0 ? minInterval.toNanos() : interval.toNanos();
    long due = lastBlockAtNanos + wait - nowNanos;
    return Math.max(0, Math.min(due, interval.toNanos()));
  }

  /**
   * The next block's time: now, but always after the previous block's (block time never goes
   * backwards, even when the wall clock does).
   */
  public static long blockTimeNanos(long nowNanos, long lastBlockTimeNanos) {
    return Math.max(nowNanos, lastBlockTimeNanos + 1);
  }
}
