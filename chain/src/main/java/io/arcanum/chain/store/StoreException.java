package io.arcanum.chain.store;

/** RocksDB failed (I/O error, corruption, a locked directory); the store's state is unchanged. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
