package io.arcanum.chain.store;

import java.util.Arrays;

/**
 * The small records {@link RocksStore} keeps beside the tree nodes (docs/store.md § On-disk
 * layout): a version's root, and the marks of nodes that went stale at a version.
 */
final class VersionRecords {
  private VersionRecords() {}

  /** Version record: {@code rootHash[32], rootNodeVersion[8], isLeaf[1]}; version -1 if empty. */
  static byte[] encodeRoot(ChildRef root) {
    byte[] out = new byte[TreeHash.LENGTH + Long.BYTES + 1];
    if (root == null) {
      System.arraycopy(TreeHash.emptyShared(), 0, out, 0, TreeHash.LENGTH);
      NodeKey.writeLong(out, TreeHash.LENGTH, -1);
    } else {
      System.arraycopy(root.hash(), 0, out, 0, TreeHash.LENGTH);
      NodeKey.writeLong(out, TreeHash.LENGTH, root.version());
      out[TreeHash.LENGTH + Long.BYTES] = (byte) (root.leaf() ? 1 : 0);
    }
    return out;
  }

  static ChildRef decodeRoot(byte[] record) {
    long version = NodeKey.readLong(record, TreeHash.LENGTH);
    if (version < 0) {
      return null;
    }
    return new ChildRef(
        version, Arrays.copyOf(record, TreeHash.LENGTH), record[TreeHash.LENGTH + Long.BYTES] == 1);
  }

  static byte[] staleKey(long staleSince, NodeKey node) {
    byte[] encoded = node.encode();
    byte[] out = new byte[Long.BYTES + encoded.length];
    NodeKey.writeLong(out, 0, staleSince);
    System.arraycopy(encoded, 0, out, Long.BYTES, encoded.length);
    return out;
  }
}
