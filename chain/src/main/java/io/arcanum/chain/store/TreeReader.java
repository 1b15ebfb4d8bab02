package io.arcanum.chain.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads one version of the tree: looks a key up, or builds its inclusion or absence proof. */
final class TreeReader {
  private TreeReader() {}

  /** The leaf holding {@code keyHash} in the tree rooted at {@code root}, or null. */
  static LeafNode find(NodeReader reader, ChildRef root, byte[] keyHash) {
    ChildRef ref = root;
    NibblePath path = NibblePath.ROOT;
    while (ref != null) {
      switch (reader.load(new NodeKey(ref.version(), path))) {
        case LeafNode leaf -> {
          return Arrays.equals(leaf.keyHash(), keyHash) ? leaf : null;
        }
        case InternalNode internal -> {
          int nibble = TreeHash.nibble(keyHash, path.length());
          ref = internal.child(nibble);
          path = path.child(nibble);
        }
      }
    }
    return null;
  }

  /**
   * Walks the binary tree (inside each 16-way node, bit by bit) along {@code keyHash}, collecting
   * the sibling hash at every level, until the path ends in an empty subtree or a single leaf — the
   * key's own leaf (inclusion) or another key's (absence).
   */
  static Proof prove(NodeReader reader, ChildRef root, byte[] keyHash) {
    List<byte[]> siblings = new ArrayList<>();
    if (root == null) {
      return Proof.ofEmpty(siblings);
    }
    ChildRef ref = root;
    NibblePath path = NibblePath.ROOT;
    while (true) {
      Node node = reader.load(new NodeKey(ref.version(), path));
      if (node instanceof LeafNode leaf) {
        return Proof.ofLeaf(siblings, leaf.keyHash(), leaf.valueHash());
      }
      InternalNode internal = (InternalNode) node;
      int nibble = TreeHash.nibble(keyHash, path.length());
      int lo = 0;
      int hi = InternalNode.WIDTH;
      while (true) {
        int only = internal.onlyChild(lo, hi);
        if (only == InternalNode.NONE) {
          return Proof.ofEmpty(siblings);
        }
        if (only >= 0 && internal.child(only).leaf()) {
          ChildRef leafRef = internal.child(only);
          LeafNode leaf = (LeafNode) reader.load(new NodeKey(leafRef.version(), path.child(only)));
          return Proof.ofLeaf(siblings, leaf.keyHash(), leaf.valueHash());
        }
        if (hi - lo == 1) {
          break; // an internal child: continue in it
        }
        int mid = (lo + hi) >>> 1;
        if (nibble < mid) {
          siblings.add(internal.rangeHash(mid, hi));
          hi = mid;
        } else {
          siblings.add(internal.rangeHash(lo, mid));
          lo = mid;
        }
      }
      ref = internal.child(lo);
      path = path.child(lo);
    }
  }
}
