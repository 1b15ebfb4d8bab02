package io.arcanum.chain.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tree root straight from its definition (docs/store.md § Hashing), written independently of
 * the production code: sort the keys by SHA-256, then recursively split on one bit at a time; an
 * empty range is SHA-256(0x02), a single key is SHA-256(0x00 || keyHash || valueHash), anything
 * else is SHA-256(0x01 || left || right). No nodes, nibbles, versions or storage.
 */
final class ReferenceTree {
  private ReferenceTree() {}

  static byte[] root(Map<byte[], byte[]> entries) {
    List<byte[][]> leaves = new ArrayList<>(); // {keyHash, leafHash}
    for (Map.Entry<byte[], byte[]> entry : entries.entrySet()) {
      byte[] keyHash = sha256(entry.getKey());
      leaves.add(new byte[][] {keyHash, sha256(new byte[] {0}, keyHash, sha256(entry.getValue()))});
    }
    leaves.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
    return subtree(leaves, 0, leaves.size(), 0);
  }

  private static byte[] subtree(List<byte[][]> leaves, int lo, int hi, int bit) {
    if (lo == hi) {
      return sha256(new byte[] {2});
    }
    if (hi - lo == 1) {
      return leaves.get(lo)[1];
    }
    int split = lo;
    while (split < hi && bitOf(leaves.get(split)[0], bit) == 0) {
      split++;
    }
    return sha256(
        new byte[] {1}, subtree(leaves, lo, split, bit + 1), subtree(leaves, split, hi, bit + 1));
  }

  private static int bitOf(byte[] hash, int bit) {
    return (hash[bit / 8] >> (7 - bit % 8)) & 1;
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
