package io.arcanum.chain.abci;

import java.nio.file.Path;

/**
 * An optional capability of an {@link Application}: a consistent on-disk copy of its committed
 * state, blocks and results, from which the application opens again at the same height. A consensus
 * engine uses it for state snapshots (Ratis's install-snapshot; CometBFT's state sync later).
 */
public interface StateCheckpoints {

  /**
   * Writes the last committed state into the directory {@code target}, which must not exist. Call
   * between blocks (not while a block is finalized but not committed).
   *
   * @throws IllegalStateException if a block is finalized but not committed
   */
  void checkpoint(Path target);
}
