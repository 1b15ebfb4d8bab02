package io.arcanum.chain.store;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Forward iteration over {@code [from, to)} of one column family. A RocksDB iterator reads an
 * implicit snapshot taken when it was created, so a commit in the middle is not seen.
 */
final class RocksRangeIterator implements StoreIterator {
  private final RocksIterator cursor;
  private final byte[] to;
  private final Consumer<RocksRangeIterator> onClose;
  private boolean closed;

  RocksRangeIterator(
      RocksIterator cursor, byte[] from, byte[] to, Consumer<RocksRangeIterator> onClose) {
    this.cursor = cursor;
    this.to = to;
    this.onClose = onClose;
    if (from == null) {
      cursor.seekToFirst();
    } else {
      cursor.seek(from);
    }
  }

  @Override
  public boolean hasNext() {
    if (closed || !cursor.isValid()) {
      checkStatus();
      return false;
    }
    return to == null || Arrays.compareUnsigned(cursor.key(), to) < 0;
  }

  @Override
  public StoreEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    StoreEntry entry = new StoreEntry(cursor.key(), cursor.value());
    cursor.next();
    return entry;
  }

  private void checkStatus() {
    if (closed) {
      return;
    }
    try {
      cursor.status();
    } catch (RocksDBException e) {
      throw new StoreException("iteration failed", e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      cursor.close();
      onClose.accept(this);
    }
  }
}
