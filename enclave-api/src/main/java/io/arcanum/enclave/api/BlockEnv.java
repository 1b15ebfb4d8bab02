package io.arcanum.enclave.api;

import java.util.Objects;

/**
 * The block a contract call runs in, as consensus decided it.
 *
 * @param height block height
 * @param timeNanos block time in nanoseconds since the epoch
 * @param chainId the chain id
 * @param random the block's 32-byte random value (protocol.md §11), or {@code null} if the block
 *     has none; a contract that requires randomness gets a value derived from it
 */
public record BlockEnv(long height, long timeNanos, String chainId, byte[] random) {
  public BlockEnv {
    Objects.requireNonNull(chainId, "chainId");
    if (height < 1) {
      throw new IllegalArgumentException("block height must be positive, got " + height);
    }
    if (random != null && random.length != 32) {
      throw new IllegalArgumentException("block random must be 32 bytes, got " + random.length);
    }
  }
}
