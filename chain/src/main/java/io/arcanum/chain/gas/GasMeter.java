package io.arcanum.chain.gas;

/**
 * Counts the gas a tx uses against its limit, as the Cosmos SDK's gas meter: consuming past the
 * limit throws {@link OutOfGasException} naming what was being paid for, and the tx stops there.
 * Not thread-safe: one tx runs on one thread.
 */
public final class GasMeter {
  private final long limit;
  private long consumed;

  private GasMeter(long limit) {
    this.limit = limit;
  }

  /** A meter that stops at {@code limit}. */
  public static GasMeter limited(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("gas limit must not be negative: " + limit);
    }
    return new GasMeter(limit);
  }

  /** A meter that only counts (genesis, begin/end of block, queries without a limit). */
  public static GasMeter infinite() {
    return new GasMeter(Long.MAX_VALUE);
  }

  public long limit() {
    return limit;
  }

  public long consumed() {
    return consumed;
  }

  public long remaining() {
    return limit - Math.min(consumed, limit);
  }

  public boolean isInfinite() {
    return limit == Long.MAX_VALUE;
  }

  /**
   * Adds {@code amount}; past the limit the meter stays at the limit and throws.
   *
   * @throws OutOfGasException if the limit is exceeded (also on overflow)
   */
  public void consume(long amount, String descriptor) {
    if (amount < 0) {
      throw new IllegalArgumentException("negative gas for " + descriptor + ": " + amount);
    }
    long total = consumed + amount;
    if (total < consumed) { // overflow
      consumed = limit;
      throw new OutOfGasException(descriptor, limit, Long.MAX_VALUE);
    }
    if (total > limit) {
      consumed = limit;
      throw new OutOfGasException(descriptor, limit, total);
    }
    consumed = total;
  }

  /** Gives gas back (refunds); never below zero. */
  public void refund(long amount) {
    consumed = Math.max(0, consumed - amount);
  }
}
