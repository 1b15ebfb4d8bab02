package io.arcanum.chain.state;

/**
 * A key-value view of chain state as modules see it: the committed store, a block's or a tx's
 * cached branch of it, a gas-metered or a prefixed view. Keys and values are never empty; ordering
 * is unsigned byte order.
 */
public interface KvStore {

  /** The value of {@code key}, or null. */
  byte[] get(byte[] key);

  default boolean has(byte[] key) {
    return get(key) != null;
  }

  /** Sets {@code key = value}; the value must not be empty. */
  void set(byte[] key, byte[] value);

  /** Removes {@code key}; removing an absent key is a no-op. */
  void delete(byte[] key);

  /**
   * Visits the entries with {@code fromInclusive <= key < toExclusive} (a null bound is open) in
   * ascending or descending order until the visitor returns false.
   */
  void scan(byte[] fromInclusive, byte[] toExclusive, boolean descending, Visitor visitor);

  /** Visits the entries whose key starts with {@code prefix}, ascending. */
  default void scanPrefix(byte[] prefix, Visitor visitor) {
    scan(prefix, KvKeys.prefixEnd(prefix), false, visitor);
  }

  /** Receives entries of a scan; returns false to stop. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(byte[] key, byte[] value);
  }
}
