package io.arcanum.chain.store;

import java.util.Iterator;

/**
 * Entries in key order over a consistent snapshot of one version. Holds a native RocksDB iterator:
 * close it.
 */
public interface StoreIterator extends Iterator<StoreEntry>, AutoCloseable {
  @Override
  void close();
}
