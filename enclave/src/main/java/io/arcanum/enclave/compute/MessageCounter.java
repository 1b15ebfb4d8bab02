package io.arcanum.enclave.compute;

/**
 * The per-block message counter of v3 state salts (protocol.md §9.1): before each instantiate,
 * execute, migrate or reply it resets to 0 on a new height, else increments. In memory only, as on
 * Secret; every node runs the same calls of a block in the same order, so all get the same values.
 */
final class MessageCounter {
  private long height = -1;
  private long counter;

  synchronized long next(long blockHeight) {
    if (blockHeight != height) {
      height = blockHeight;
      counter = 0;
    } else {
      counter++;
    }
    return counter;
  }
}
