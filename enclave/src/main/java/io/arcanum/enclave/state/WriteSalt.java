package io.arcanum.enclave.state;

import java.nio.ByteBuffer;

/**
 * The deterministic per-write salt of v3 state values (protocol.md §9.1): {@code
 * BE64(block_time_ns) ‖ BE64(counter_height) ‖ BE64(counter)} — 24 bytes, the same on every node
 * for the same block and message.
 */
public record WriteSalt(long blockTimeNanos, long counterHeight, long counter) {
  public static final int LENGTH = 24;

  public byte[] bytes() {
    return ByteBuffer.allocate(LENGTH)
        .putLong(blockTimeNanos)
        .putLong(counterHeight)
        .putLong(counter)
        .array();
  }

  static WriteSalt parse(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new WriteSalt(buffer.getLong(), buffer.getLong(), buffer.getLong());
  }
}
