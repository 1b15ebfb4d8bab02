package io.arcanum.chain.store;

/** One staged write: a put of {@code value}, or a delete when {@code value} is null. */
record Change(byte[] keyHash, byte[] key, byte[] value) {

  static Change put(byte[] key, byte[] value) {
    return new Change(TreeHash.keyHash(key), key, value);
  }

  static Change delete(byte[] key) {
    return new Change(TreeHash.keyHash(key), key, null);
  }

  boolean isPut() {
    return value != null;
  }

  LeafNode leaf() {
    return new LeafNode(keyHash, TreeHash.valueHash(value), key, value);
  }
}
