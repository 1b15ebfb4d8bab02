package io.arcanum.chain.store;

/** Loads a node the tree refers to; a missing node is a broken store, not an absent key. */
@FunctionalInterface
interface NodeReader {
  /**
   * @throws IllegalStateException if no node is stored under {@code key}
   */
  Node load(NodeKey key);
}
