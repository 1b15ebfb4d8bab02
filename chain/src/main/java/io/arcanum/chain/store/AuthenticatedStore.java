package io.arcanum.chain.store;

/**
 * The chain's state: a versioned key-value store whose Merkle root after each block is the app
 * hash, with inclusion and absence proofs (design: docs/store.md).
 *
 * <p>Writes are staged with {@link #put} and {@link #delete} and take effect together at {@link
 * #commit}, which makes them the next version atomically. Reads see committed versions only, never
 * staged writes: a block's working state (and its per-transaction rollback) is the state machine's
 * cache above this store.
 *
 * <p>Version 0 is the empty store; each commit adds one. Reads may come from any thread; staging,
 * committing and pruning are meant for one thread (they are serialized).
 */
public interface AuthenticatedStore extends AutoCloseable {

  /** Longest key accepted; Cosmos stores hold keys far shorter. Keys are never empty. */
  int MAX_KEY_LENGTH = 65_535;

  /** The root of a store with no keys, and so of version 0: {@code SHA-256(0x02)}. */
  static byte[] emptyRoot() {
    return TreeHash.empty();
  }

  /** The last committed version, 0 before the first commit. */
  long version();

  /** The root hash of {@link #version()}. */
  byte[] rootHash();

  /** The root hash of a retained version. */
  byte[] rootHash(long version);

  /** The oldest version still readable: 0 until {@link #pruneBefore} drops some. */
  long earliestVersion();

  /** The value of {@code key} in the last committed version, or null. */
  byte[] get(byte[] key);

  /**
   * The value of {@code key} at {@code version}, or null.
   *
   * @throws VersionUnavailableException if {@code version} is pruned or not yet committed
   */
  byte[] get(byte[] key, long version);

  /**
   * Entries of the last committed version with {@code fromInclusive <= key < toExclusive}, in
   * unsigned byte order; a null bound is open. Close the iterator (try-with-resources).
   */
  StoreIterator range(byte[] fromInclusive, byte[] toExclusive);

  /** Entries of the last committed version whose key starts with {@code prefix}, in order. */
  StoreIterator prefix(byte[] prefix);

  /**
   * Stages {@code key = value} for the next commit.
   *
   * @throws IllegalArgumentException if the key is empty or longer than {@link #MAX_KEY_LENGTH}, or
   *     the value is empty (as in Cosmos stores: delete the key instead)
   */
  void put(byte[] key, byte[] value);

  /** Stages the removal of {@code key} for the next commit; removing an absent key is a no-op. */
  void delete(byte[] key);

  /** Drops every staged write, auxiliary ones included. */
  void discardPending();

  /**
   * The root hash the next {@link #commit} will produce from the writes staged so far (the app hash
   * a block's execution returns before it is committed). Computing it is not wasted: the commit
   * reuses the result unless more writes are staged in between.
   */
  byte[] stagedRootHash();

  /**
   * Stages an auxiliary record: a key/value pair outside the Merkle tree and so outside the app
   * hash (blocks, tx results, indexes), written in the same atomic batch as the next commit. Aux
   * keys are a keyspace of their own; only the latest value is kept.
   */
  void putAux(byte[] key, byte[] value);

  /** Stages the removal of an auxiliary record for the next commit. */
  void deleteAux(byte[] key);

  /** The committed auxiliary record under {@code key}, or null. */
  byte[] getAux(byte[] key);

  /** Committed auxiliary records with {@code fromInclusive <= key < toExclusive}, in order. */
  StoreIterator auxRange(byte[] fromInclusive, byte[] toExclusive);

  /**
   * Writes the staged changes as version {@link #version()} + 1 in one atomic, durable batch (tree
   * nodes, flat index and version record together) and returns the new version and root. With
   * nothing staged it still makes a new version, with the same root.
   */
  CommitId commit();

  /**
   * A proof of {@code key}'s value (or absence) at {@code version}, to check with {@link
   * Proof#verify} against {@link #rootHash(long)}.
   *
   * @throws VersionUnavailableException if {@code version} is pruned or not yet committed
   */
  Proof prove(byte[] key, long version);

  /**
   * Drops every version older than {@code version}, freeing the tree nodes only they used. The
   * latest version always stays.
   *
   * @throws IllegalArgumentException if {@code version} is above {@link #version()}
   */
  void pruneBefore(long version);

  @Override
  void close();
}
