package io.arcanum.chain.store;

import java.util.Arrays;

/**
 * Node bytes in RocksDB (docs/store.md § On-disk layout). Leaf: {@code 0x00, keyHash[32],
 * valueHash[32], keyLength[4], key, value}. Internal: {@code 0x01, present[2], leaves[2]}, then for
 * each occupied slot in nibble order {@code version[8], hash[32]}.
 */
final class NodeCodec {
  private static final byte LEAF = 0;
  private static final byte INTERNAL = 1;
  private static final int CHILD_BYTES = Long.BYTES + TreeHash.LENGTH;

  private NodeCodec() {}

  static byte[] encode(Node node) {
    return switch (node) {
      case LeafNode leaf -> encodeLeaf(leaf);
      case InternalNode internal -> encodeInternal(internal);
    };
  }

  static Node decode(byte[] bytes) {
    return switch (bytes[0]) {
      case LEAF -> decodeLeaf(bytes);
      case INTERNAL -> decodeInternal(bytes);
      default -> throw new IllegalStateException("unknown node tag " + bytes[0]);
    };
  }

  private static byte[] encodeLeaf(LeafNode leaf) {
    int h = TreeHash.LENGTH;
    byte[] out = new byte[1 + 2 * h + 4 + leaf.key().length + leaf.value().length];
    out[0] = LEAF;
    System.arraycopy(leaf.keyHash(), 0, out, 1, h);
    System.arraycopy(leaf.valueHash(), 0, out, 1 + h, h);
    int keyLength = leaf.key().length;
    out[1 + 2 * h] = (byte) (keyLength >>> 24);
    out[2 + 2 * h] = (byte) (keyLength >>> 16);
    out[3 + 2 * h] = (byte) (keyLength >>> 8);
    out[4 + 2 * h] = (byte) keyLength;
    System.arraycopy(leaf.key(), 0, out, 5 + 2 * h, keyLength);
    System.arraycopy(leaf.value(), 0, out, 5 + 2 * h + keyLength, leaf.value().length);
    return out;
  }

  private static LeafNode decodeLeaf(byte[] in) {
    int h = TreeHash.LENGTH;
    int keyLength =
        ((in[1 + 2 * h] & 0xff) << 24)
            | ((in[2 + 2 * h] & 0xff) << 16)
            | ((in[3 + 2 * h] & 0xff) << 8)
            | (in[4 + 2 * h] & 0xff);
    int keyStart = 5 + 2 * h;
    return new LeafNode(
        Arrays.copyOfRange(in, 1, 1 + h),
        Arrays.copyOfRange(in, 1 + h, 1 + 2 * h),
        Arrays.copyOfRange(in, keyStart, keyStart + keyLength),
        Arrays.copyOfRange(in, keyStart + keyLength, in.length));
  }

  private static byte[] encodeInternal(InternalNode node) {
    int present = node.presentBits();
    byte[] out = new byte[5 + Integer.bitCount(present) * CHILD_BYTES];
    out[0] = INTERNAL;
    int leaves = 0;
    int at = 5;
    for (int i = 0; i < InternalNode.WIDTH; i++) {
      ChildRef child = node.child(i);
      if (child != null) {
        if (child.leaf()) {
          leaves |= 1 << i;
        }
        NodeKey.writeLong(out, at, child.version());
        System.arraycopy(child.hash(), 0, out, at + Long.BYTES, TreeHash.LENGTH);
        at += CHILD_BYTES;
      }
    }
    out[1] = (byte) (present >>> 8);
    out[2] = (byte) present;
    out[3] = (byte) (leaves >>> 8);
    out[4] = (byte) leaves;
    return out;
  }

  private static InternalNode decodeInternal(byte[] in) {
    int present = ((in[1] & 0xff) << 8) | (in[2] & 0xff);
    int leaves = ((in[3] & 0xff) << 8) | (in[4] & 0xff);
    ChildRef[] children = new ChildRef[InternalNode.WIDTH];
    int at = 5;
    for (int i = 0; i < InternalNode.WIDTH; i++) {
      if ((present & (1 << i)) != 0) {
        children[i] =
            new ChildRef(
                NodeKey.readLong(in, at),
                Arrays.copyOfRange(in, at + Long.BYTES, at + CHILD_BYTES),
                (leaves & (1 << i)) != 0);
        at += CHILD_BYTES;
      }
    }
    return new InternalNode(children);
  }
}
