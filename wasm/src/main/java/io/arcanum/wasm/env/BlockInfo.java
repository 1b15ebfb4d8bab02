package io.arcanum.wasm.env;

import java.util.Arrays;
import java.util.Objects;

/**
 * The block a call runs in.
 *
 * @param height block height
 * @param timeNanos block time in nanoseconds since the epoch (0.10 contracts see seconds)
 * @param chainId the chain id, e.g. {@code secretdev-1}
 * @param random 32 bytes of per-block randomness for v1 contracts exporting {@code requires_random}
 *     (protocol.md §11), or {@code null}
 */
public record BlockInfo(long height, long timeNanos, String chainId, byte[] random) {
  public BlockInfo {
    Objects.requireNonNull(chainId, "chainId");
    if (height < 0 || timeNanos < 0) {
      throw new IllegalArgumentException("block height and time must not be negative");
    }
    if (random != null && random.length != 32) {
      throw new IllegalArgumentException("block random must be 32 bytes, got " + random.length);
    }
    random = random == null ? null : random.clone();
  }

  @Override
  public byte[] random() {
    return random == null ? null : random.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlockInfo that
        && height == that.height
        && timeNanos == that.timeNanos
        && chainId.equals(that.chainId)
        && Arrays.equals(random, that.random);
  }

  @Override
  public int hashCode() {
    return Objects.hash(height, timeNanos, chainId, Arrays.hashCode(random));
  }

  @Override
  public String toString() {
    return "BlockInfo[height=" + height + ", timeNanos=" + timeNanos + ", chainId=" + chainId + "]";
  }
}
