package io.arcanum.wasm.runtime;

import io.arcanum.wasm.host.ContractStorage;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The call's writes, kept apart from the contract's storage until the call succeeds, as Secret's
 * enclave does: reads see the call's own writes, a failed call (error, trap, out of gas) leaves the
 * storage untouched, and a successful one is flushed in key order. Iteration merges the cached
 * writes and removals into the storage's own scan.
 */
final class WriteCache implements ContractStorage {
  private static final byte[] REMOVED = new byte[0];

  private final ContractStorage storage;
  // key → value, or the REMOVED marker (identity) for a removal
  private final NavigableMap<byte[], byte[]> pending = new TreeMap<>(Arrays::compareUnsigned);

  WriteCache(ContractStorage storage) {
    this.storage = storage;
  }

  @Override
  public byte[] get(byte[] key) {
    byte[] cached = pending.get(key);
    if (cached != null) {
      return cached == REMOVED ? null : cached.clone();
    }
    return storage.get(key);
  }

  @Override
  public void set(byte[] key, byte[] value) {
    pending.put(key.clone(), value.clone()); // a clone is never the REMOVED marker
  }

  @Override
  public void remove(byte[] key) {
    pending.put(key.clone(), REMOVED);
  }

  /** Applies the writes to the storage, in key order. */
  void flush() {
    for (Map.Entry<byte[], byte[]> e : pending.entrySet()) {
      if (e.getValue() == REMOVED) {
        storage.remove(e.getKey());
      } else {
        storage.set(e.getKey(), e.getValue());
      }
    }
    pending.clear();
  }

  @Override
  public StorageIterator scan(byte[] start, byte[] end, Order order) {
    StorageIterator below = storage.scan(start, end, order);
    NavigableMap<byte[], byte[]> range = pending;
    if (start != null && end != null && Arrays.compareUnsigned(start, end) >= 0) {
      range = new TreeMap<>(Arrays::compareUnsigned);
    } else {
      if (start != null) {
        range = range.tailMap(start, true);
      }
      if (end != null) {
        range = range.headMap(end, false);
      }
    }
    var cached = (order == Order.ASCENDING ? range : range.descendingMap()).entrySet().iterator();
    return new StorageIterator() {
      private Entry nextBelow = below.next();
      private Map.Entry<byte[], byte[]> nextCached = cached.hasNext() ? cached.next() : null;

      @Override
      public Entry next() {
        while (nextBelow != null || nextCached != null) {
          int cmp = compare();
          if (cmp < 0) {
            Entry out = nextBelow;
            nextBelow = below.next();
            return out;
          }
          Map.Entry<byte[], byte[]> c = nextCached;
          nextCached = cached.hasNext() ? cached.next() : null;
          if (cmp == 0) {
            nextBelow = below.next(); // the cached write shadows the stored entry
          }
          if (c.getValue() != REMOVED) {
            return new Entry(c.getKey().clone(), c.getValue().clone());
          }
        }
        return null;
      }

      /** Negative: the stored entry comes first in scan order; positive: the cached one. */
      private int compare() {
        if (nextCached == null) {
          return -1;
        }
        if (nextBelow == null) {
          return 1;
        }
        int cmp = Arrays.compareUnsigned(nextBelow.key(), nextCached.getKey());
        return order == Order.ASCENDING ? cmp : -cmp;
      }
    };
  }
}
