package io.arcanum.chain.store;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Merkle proof that a key holds a value, or holds none, in the tree with a given root.
 *
 * <p>It is the binary path from the root towards SHA-256(key): one sibling hash per bit, top first,
 * ending where the path reaches either an empty subtree or a single leaf. Ending at the key's own
 * leaf proves inclusion; ending empty, or at a leaf of another key whose hash shares the path so
 * far, proves absence (a subtree with one leaf holds no other key). Verifying needs only the root:
 * light clients and tests can check it without the store.
 *
 * <p>Wire form ({@link #toBytes}): {@code count[2]} siblings; a bitmap of {@code ceil(count/8)}
 * bytes, bit {@code i} (most significant first) set where sibling {@code i} is not the empty hash;
 * the 32-byte non-empty siblings in order; then {@code 0x00} for an empty end or {@code 0x01,
 * keyHash[32], valueHash[32]} for a leaf. Parsing is strict (no padding bits, no explicit empty
 * hashes, no trailing bytes), so each valid proof has one encoding.
 */
public final class Proof {
  private static final int HASH = TreeHash.LENGTH;

  private final List<byte[]> siblings;
  private final byte[] leafKeyHash;
  private final byte[] leafValueHash;

  private Proof(List<byte[]> siblings, byte[] leafKeyHash, byte[] leafValueHash) {
    if (siblings.size() > TreeHash.KEY_BITS) {
      throw new IllegalArgumentException("a proof has at most 256 siblings");
    }
    this.siblings = Collections.unmodifiableList(siblings);
    this.leafKeyHash = leafKeyHash;
    this.leafValueHash = leafValueHash;
  }

  static Proof ofEmpty(List<byte[]> siblings) {
    return new Proof(siblings, null, null);
  }

  static Proof ofLeaf(List<byte[]> siblings, byte[] keyHash, byte[] valueHash) {
    return new Proof(siblings, keyHash, valueHash);
  }

  /**
   * Whether this proof shows that, in the tree with root {@code rootHash}, {@code key} holds {@code
   * value} — or, when {@code value} is null, that {@code key} is absent.
   */
  public boolean verify(byte[] rootHash, byte[] key, byte[] value) {
    if (rootHash == null || rootHash.length != HASH || key == null) {
      return false;
    }
    byte[] keyHash = TreeHash.keyHash(key);
    byte[] hash;
    if (value != null) {
      if (leafKeyHash == null
          || !MessageDigest.isEqual(leafKeyHash, keyHash)
          || !MessageDigest.isEqual(leafValueHash, TreeHash.valueHash(value))) {
        return false;
      }
      hash = TreeHash.leaf(leafKeyHash, leafValueHash);
    } else if (leafKeyHash == null) {
      hash = TreeHash.emptyShared();
    } else {
      if (MessageDigest.isEqual(leafKeyHash, keyHash)
          || !sharePrefix(leafKeyHash, keyHash, siblings.size())) {
        return false;
      }
      hash = TreeHash.leaf(leafKeyHash, leafValueHash);
    }
    for (int depth = siblings.size() - 1; depth >= 0; depth--) {
      byte[] sibling = siblings.get(depth);
      hash =
          TreeHash.bit(keyHash, depth) == 0
              ? TreeHash.internal(hash, sibling)
              : TreeHash.internal(sibling, hash);
    }
    return MessageDigest.isEqual(hash, rootHash);
  }

  /** {@link #verify} on a proof's wire bytes; malformed bytes verify nothing. */
  public static boolean verify(byte[] proof, byte[] rootHash, byte[] key, byte[] value) {
    try {
      return fromBytes(proof).verify(rootHash, key, value);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /** Number of siblings: the depth at which the key's path ends. */
  public int depth() {
    return siblings.size();
  }

  public byte[] toBytes() {
    int n = siblings.size();
    int bitmapLength = (n + 7) / 8;
    List<byte[]> present = new ArrayList<>();
    byte[] bitmap = new byte[bitmapLength];
    for (int i = 0; i < n; i++) {
      if (!TreeHash.isEmpty(siblings.get(i))) {
        bitmap[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        present.add(siblings.get(i));
      }
    }
    int terminal = leafKeyHash == null ? 1 : 1 + 2 * HASH;
    byte[] out = new byte[2 + bitmapLength + present.size() * HASH + terminal];
    out[0] = (byte) (n >>> 8);
    out[1] = (byte) n;
    System.arraycopy(bitmap, 0, out, 2, bitmapLength);
    int at = 2 + bitmapLength;
    for (byte[] sibling : present) {
      System.arraycopy(sibling, 0, out, at, HASH);
      at += HASH;
    }
    if (leafKeyHash != null) {
      out[at] = 1;
      System.arraycopy(leafKeyHash, 0, out, at + 1, HASH);
      System.arraycopy(leafValueHash, 0, out, at + 1 + HASH, HASH);
    }
    return out;
  }

  /**
   * @throws IllegalArgumentException if {@code bytes} is not exactly one well-formed proof
   */
  public static Proof fromBytes(byte[] bytes) {
    Reader in = new Reader(bytes);
    int n = (in.next() << 8) | in.next();
    if (n > TreeHash.KEY_BITS) {
      throw new IllegalArgumentException("proof claims " + n + " siblings");
    }
    byte[] bitmap = in.take((n + 7) / 8);
    if (n % 8 != 0 && (bitmap[bitmap.length - 1] & (0xff >>> (n % 8))) != 0) {
      throw new IllegalArgumentException("proof bitmap has padding bits set");
    }
    List<byte[]> siblings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if ((bitmap[i >>> 3] & (0x80 >>> (i & 7))) == 0) {
        siblings.add(TreeHash.emptyShared());
      } else {
        byte[] sibling = in.take(HASH);
        if (TreeHash.isEmpty(sibling)) {
          throw new IllegalArgumentException("proof lists the empty hash explicitly");
        }
        siblings.add(sibling);
      }
    }
    Proof proof =
        switch (in.next()) {
          case 0 -> ofEmpty(siblings);
          case 1 -> ofLeaf(siblings, in.take(HASH), in.take(HASH));
          default -> throw new IllegalArgumentException("unknown proof terminal");
        };
    in.requireEnd();
    return proof;
  }

  private static boolean sharePrefix(byte[] a, byte[] b, int bits) {
    for (int i = 0; i < bits; i++) {
      if (TreeHash.bit(a, i) != TreeHash.bit(b, i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return (leafKeyHash == null ? "Proof[empty end" : "Proof[leaf end")
        + ", depth "
        + siblings.size()
        + "]";
  }

  /** Bounds-checked cursor: running off the end is malformed input, not an index error. */
  private static final class Reader {
    private final byte[] bytes;
    private int at;

    Reader(byte[] bytes) {
      if (bytes == null) {
        throw new IllegalArgumentException("no proof bytes");
      }
      this.bytes = bytes;
    }

    int next() {
      if (at >= bytes.length) {
        throw new IllegalArgumentException("proof truncated");
      }
      return bytes[at++] & 0xff;
    }

    byte[] take(int length) {
      if (bytes.length - at < length) {
        throw new IllegalArgumentException("proof truncated");
      }
      byte[] out = Arrays.copyOfRange(bytes, at, at + length);
      at += length;
      return out;
    }

    void requireEnd() {
      if (at != bytes.length) {
        throw new IllegalArgumentException("trailing bytes after proof");
      }
    }
  }
}
