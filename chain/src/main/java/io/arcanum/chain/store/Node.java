package io.arcanum.chain.store;

/** A stored tree node: a leaf holding one key and value, or a 16-way internal node. */
sealed interface Node permits LeafNode, InternalNode {
  /** The node's Merkle hash, as its parent (or the version record, for the root) commits to it. */
  byte[] hash();
}
