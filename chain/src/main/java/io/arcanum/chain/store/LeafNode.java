package io.arcanum.chain.store;

/**
 * A key and its value. The hashes are stored beside them so that walking or proving never rehashes
 * a (possibly large) value; the full key is kept so old versions can be read and so a leaf can be
 * told from another leaf sharing a path prefix.
 */
record LeafNode(byte[] keyHash, byte[] valueHash, byte[] key, byte[] value) implements Node {

  static LeafNode of(byte[] key, byte[] value) {
    return new LeafNode(TreeHash.keyHash(key), TreeHash.valueHash(value), key, value);
  }

  @Override
  public byte[] hash() {
    return TreeHash.leaf(keyHash, valueHash);
  }
}
