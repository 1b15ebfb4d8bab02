package io.arcanum.chain.store;

/**
 * What an internal node (or a version record, for the root) knows of a child: the version that
 * wrote it — with the child's path, that is its {@link NodeKey} — its hash, and whether it is a
 * leaf, which the parent's hash needs (a lone leaf is lifted, see {@link InternalNode#hash}).
 */
record ChildRef(long version, byte[] hash, boolean leaf) {}
