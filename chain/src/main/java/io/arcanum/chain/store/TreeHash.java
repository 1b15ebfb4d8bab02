package io.arcanum.chain.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The tree's hash function: SHA-256 with a one-byte domain prefix for each kind of node, so a leaf
 * can never be passed off as an internal node (or the empty subtree) and vice versa. The whole
 * definition is in docs/store.md § Hashing.
 */
final class TreeHash {
  static final int LENGTH = 32;

  /** Key hashes are 256 bits: the deepest possible path in the tree. */
  static final int KEY_BITS = LENGTH * 8;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte INTERNAL_PREFIX = 0x01;
  private static final byte EMPTY_PREFIX = 0x02;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JDK has SHA-256", e);
            }
          });

  /** The hash of a subtree holding no key; also the root of the empty store. */
  private static final byte[] EMPTY = sha256(new byte[] {EMPTY_PREFIX});

  private TreeHash() {}

  static byte[] empty() {
    return EMPTY.clone();
  }

  static boolean isEmpty(byte[] hash) {
    return MessageDigest.isEqual(EMPTY, hash);
  }

  /** The empty hash itself, not a copy: only for callers that never hand it out. */
  static byte[] emptyShared() {
    return EMPTY;
  }

  static byte[] sha256(byte[] data) {
    return SHA256.get().digest(data);
  }

  static byte[] keyHash(byte[] key) {
    return sha256(key);
  }

  static byte[] valueHash(byte[] value) {
    return sha256(value);
  }

  static byte[] leaf(byte[] keyHash, byte[] valueHash) {
    MessageDigest sha = SHA256.get();
    sha.update(LEAF_PREFIX);
    sha.update(keyHash);
    sha.update(valueHash);
    return sha.digest();
  }

  static byte[] internal(byte[] left, byte[] right) {
    MessageDigest sha = SHA256.get();
    sha.update(INTERNAL_PREFIX);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  /** Bit {@code index} of a key hash, most significant bit of byte 0 first. */
  static int bit(byte[] hash, int index) {
    return (hash[index >>> 3] >>> (7 - (index & 7))) & 1;
  }

  /** Nibble {@code index} of a key hash, high nibble of byte 0 first. */
  static int nibble(byte[] hash, int index) {
    int b = hash[index >>> 1] & 0xff;
    return (index & 1) == 0 ? b >>> 4 : b & 0x0f;
  }
}
