package io.arcanum.chain.store;

/**
 * Sixteen child slots, one per nibble. Its hash is not a 16-way hash but the root of the 4-level
 * binary tree over the slots, with the same compression rules as the whole tree (an empty range
 * hashes to the empty hash, a range holding a single leaf is that leaf's hash). So the root of the
 * 16-ary tree equals the root of the compressed binary sparse Merkle tree over the same keys, and
 * proofs are binary: one sibling per bit, not fifteen per nibble.
 *
 * <p>The 15 inner hashes of that binary tree are memoized: proofs need them as siblings, and a node
 * that replaces another at the same path in a commit reuses every inner hash whose slots it shares
 * with it (usually all but the four on the changed slot's side).
 */
final class InternalNode implements Node {
  static final int WIDTH = 16;
  static final int NONE = -1;
  static final int MANY = -2;

  private final ChildRef[] children;

  /**
   * Hashes of the binary tree over the slots, heap-ordered: [1] covers slots 0–15, [2] and [3] the
   * halves, ..., [8]–[15] pairs of slots. Null until first needed; published whole through the
   * volatile write, so a reader on another thread sees either nothing or every entry.
   */
  private volatile byte[][] inner;

  /** Takes ownership of {@code children} (16 slots, null where empty). */
  InternalNode(ChildRef[] children) {
    this(children, null);
  }

  /**
   * A node replacing {@code previous} (may be null): hashes are computed now, reusing those of
   * {@code previous} over slots holding the very same {@link ChildRef} objects.
   */
  InternalNode(ChildRef[] children, InternalNode previous) {
    if (children.length != WIDTH) {
      throw new IllegalArgumentException("an internal node has 16 slots");
    }
    this.children = children;
    if (previous != null) {
      this.inner = computeInner(previous);
    }
  }

  ChildRef child(int nibble) {
    return children[nibble];
  }

  @Override
  public byte[] hash() {
    return inner()[1];
  }

  /** Hash of the binary subtree over slots {@code [lo, hi)}; an aligned power-of-two range. */
  byte[] rangeHash(int lo, int hi) {
    int width = hi - lo;
    if (width == 1) {
      return children[lo] == null ? TreeHash.emptyShared() : children[lo].hash();
    }
    return inner()[WIDTH / width + lo / width];
  }

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

  private byte[][] inner() {
    byte[][] hashes = inner;
    if (hashes == null) {
      hashes = computeInner(null);
      inner = hashes; // a racing thread computes the same values; either copy is right
    }
    return hashes;
  }

  private byte[][] computeInner(InternalNode previous) {
    byte[][] reusable = previous == null ? null : previous.inner;
    byte[][] out = new byte[WIDTH][];
    fill(out, 1, 0, WIDTH, previous, reusable);
    return out;
  }

  private byte[] fill(
      byte[][] out, int position, int lo, int hi, InternalNode previous, byte[][] reusable) {
    if (hi - lo == 1) {
      return rangeHash(lo, hi);
    }
    if (reusable != null && sameChildren(previous, lo, hi)) {
      copy(out, reusable, position);
      return out[position];
    }
    int mid = (lo + hi) >>> 1;
    byte[] left = fill(out, 2 * position, lo, mid, previous, reusable);
    byte[] right = fill(out, 2 * position + 1, mid, hi, previous, reusable);
    int only = onlyChild(lo, hi);
    byte[] hash;
    if (only == NONE) {
      hash = TreeHash.emptyShared();
    } else if (only >= 0 && children[only].leaf()) {
      hash = children[only].hash(); // a lone leaf is lifted, not hashed again
    } else {
      hash = TreeHash.internal(left, right);
    }
    out[position] = hash;
    return hash;
  }

  private boolean sameChildren(InternalNode previous, int lo, int hi) {
    for (int i = lo; i < hi; i++) {
      if (children[i] != previous.children[i]) {
        return false;
      }
    }
    return true;
  }

  /** Copies the memoized hashes at {@code position} and below it. */
  private static void copy(byte[][] out, byte[][] from, int position) {
    if (position < WIDTH) {
      out[position] = from[position];
      copy(out, from, 2 * position);
      copy(out, from, 2 * position + 1);
    }
  }
}
