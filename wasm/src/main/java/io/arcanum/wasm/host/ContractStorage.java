package io.arcanum.wasm.host;

/**
 * A contract's key-value state as the VM sees it: raw keys and values. The enclave implements it
 * with encryption (protocol.md); the VM never sees keys or ciphertext. Implementations signal an
 * infrastructure failure by throwing; that aborts the whole call instead of becoming a contract
 * error, because it is not deterministic.
 */
public interface ContractStorage {

  /** The value under {@code key}, or {@code null} if absent. */
  byte[] get(byte[] key);

  /** Stores {@code value} (possibly empty) under {@code key}. */
  void set(byte[] key, byte[] value);

  /** Removes {@code key}; absent keys are ignored. */
  void remove(byte[] key);

  /**
   * Entries with {@code start <= key < end} in {@code order}; a {@code null} bound is unbounded.
   * The VM calls it only when the chain enables the {@code iterator} capability.
   *
   * @throws UnsupportedOperationException if this storage cannot iterate
   */
  default StorageIterator scan(byte[] start, byte[] end, Order order) {
    throw new UnsupportedOperationException("this contract storage does not support iteration");
  }

  /** Iteration order of {@code db_scan}: 1 ascending, 2 descending (cosmwasm-abi.md §2.1). */
  enum Order {
    ASCENDING,
    DESCENDING
  }

  /** A cursor over a scan; {@link #next()} returns {@code null} once exhausted. */
  interface StorageIterator {
    Entry next();
  }

  /** One key-value pair. */
  record Entry(byte[] key, byte[] value) {}
}
