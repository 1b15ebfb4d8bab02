package io.arcanum.chain.store;

/**
 * Sixteen child slots, one per nibble. Its hash is not a 16-way hash but the root of the 4-level
 * binary tree over the slots, with the same compression rules as the whole tree (an empty range
 * hashes to the empty hash, a range holding a single leaf is that leaf's hash). So the root of the
 * 16-ary tree equals the root of the compressed binary sparse Merkle tree over the same keys, and
 * proofs are binary: one sibling per bit, not fifteen per nibble.
 */
final class InternalNode implements Node {
  static final int WIDTH = 16;

  private final ChildRef[] children;

  /** Takes ownership of {@code children} (16 slots, null where empty). */
  InternalNode(ChildRef[] children) {
    if (children.length != WIDTH) {
      throw new IllegalArgumentException("an internal node has 16 slots");
    }
    this.children = children;
  }

  ChildRef child(int nibble) {
    return children[nibble];
  }

  @Override
  public byte[] hash() {
    return rangeHash(0, WIDTH);
  }

  /** Hash of the binary subtree over slots {@code [lo, hi)}; {@code hi - lo} is a power of two. */
  byte[] rangeHash(int lo, int hi) {
    int only = onlyChild(lo, hi);
    if (only == NONE) {
      return TreeHash.emptyShared();
    }
    if (only != MANY && (children[only].leaf() || hi - lo == 1)) {
      return children[only].hash();
    }
    int mid = (lo + hi) >>> 1;
    return TreeHash.internal(rangeHash(lo, mid), rangeHash(mid, hi));
  }

  static final int NONE = -1;
  static final int MANY = -2;

  /** The one occupied slot in {@code [lo, hi)}, or {@link #NONE} or {@link #MANY}. */
  int onlyChild(int lo, int hi) {
    int found = NONE;
    for (int i = lo; i < hi; i++) {
      if (children[i] != null) {
        if (found != NONE) {
          return MANY;
        }
        found = i;
      }
    }
    return found;
  }

  /** Bitmap of occupied slots, bit {@code i} for nibble {@code i}. */
  int presentBits() {
    int bits = 0;
    for (int i = 0; i < WIDTH; i++) {
      if (children[i] != null) {
        bits |= 1 << i;
      }
    }
    return bits;
  }
}
