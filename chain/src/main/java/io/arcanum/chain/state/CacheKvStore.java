package io.arcanum.chain.state;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A branch of another store: writes stay here until {@link #write()} applies them to the parent in
 * key order, or {@link #discard()} drops them. A block branches the committed state, a tx branches
 * the block, a message the tx, a sub-message its caller; a failure discards exactly its own branch.
 * Reads and scans see this branch's writes over the parent's content.
 */
public final class CacheKvStore implements KvStore {
  /** Marks a deleted key among the writes. */
  private static final byte[] DELETED = new byte[0];

  private final KvStore parent;
  private final TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);

  public CacheKvStore(KvStore parent) {
    this.parent = parent;
  }

  /** Whether {@code store} is the store this branch writes to. */
  public boolean parentIs(KvStore store) {
    return parent == store;
  }

  /** A new branch on top of this one. */
  public CacheKvStore branch() {
    return new CacheKvStore(this);
  }

  @Override
  public byte[] get(byte[] key) {
    byte[] written = writes.get(key);
    if (written != null) {
      return written == DELETED ? null : written.clone();
    }
    return parent.get(key);
  }

  @Override
  public void set(byte[] key, byte[] value) {
    KvChecks.checkWrite(key, value);
    writes.put(key.clone(), value.clone());
  }

  @Override
  public void delete(byte[] key) {
    KvChecks.checkKey(key);
    writes.put(key.clone(), DELETED);
  }

  /** Applies this branch's writes to the parent, in key order, and empties the branch. */
  public void write() {
    for (Map.Entry<byte[], byte[]> e : writes.entrySet()) {
      if (e.getValue() == DELETED) {
        parent.delete(e.getKey());
      } else {
        parent.set(e.getKey(), e.getValue());
      }
    }
    writes.clear();
  }

  /** Drops this branch's writes. */
  public void discard() {
    writes.clear();
  }

  @Override
  public void scan(byte[] from, byte[] to, boolean descending, Visitor visitor) {
    NavigableMap<byte[], byte[]> range = subMap(writes, from, to);
    Iterator<Map.Entry<byte[], byte[]>> own =
        (descending ? range.descendingMap() : range).entrySet().iterator();
    Merge merge = new Merge(own, descending, visitor);
    parent.scan(from, to, descending, merge::parentEntry);
    merge.drain();
  }

  /** Interleaves this branch's writes with the parent's entries as the parent's scan goes. */
  private static final class Merge {
    private final Iterator<Map.Entry<byte[], byte[]>> own;
    private final boolean descending;
    private final Visitor visitor;
    private Map.Entry<byte[], byte[]> next;
    private boolean stopped;

    Merge(Iterator<Map.Entry<byte[], byte[]>> own, boolean descending, Visitor visitor) {
      this.own = own;
      this.descending = descending;
      this.visitor = visitor;
      this.next = own.hasNext() ? own.next() : null;
    }

    boolean parentEntry(byte[] key, byte[] value) {
      while (next != null && before(next.getKey(), key)) {
        if (!emitOwn()) {
          return false;
        }
      }
      if (next != null && Arrays.equals(next.getKey(), key)) {
        return emitOwn(); // this branch's write shadows the parent's value
      }
      return emit(key, value);
    }

    void drain() {
      while (!stopped && next != null) {
        emitOwn();
      }
    }

    private boolean before(byte[] a, byte[] b) {
      int c = Arrays.compareUnsigned(a, b);
      return descending ? c > 0 : c < 0;
    }

    private boolean emitOwn() {
      Map.Entry<byte[], byte[]> e = next;
      next = own.hasNext() ? own.next() : null;
      return e.getValue() == DELETED || emit(e.getKey().clone(), e.getValue().clone());
    }

    private boolean emit(byte[] key, byte[] value) {
      if (stopped) {
        return false;
      }
      if (!visitor.visit(key, value)) {
        stopped = true;
        return false;
      }
      return true;
    }
  }

  static NavigableMap<byte[], byte[]> subMap(TreeMap<byte[], byte[]> map, byte[] from, byte[] to) {
    if (from != null && to != null) {
      if (Arrays.compareUnsigned(from, to) >= 0) {
        return new TreeMap<>(Arrays::compareUnsigned);
      }
      return map.subMap(from, true, to, false);
    }
    if (from != null) {
      return map.tailMap(from, true);
    }
    if (to != null) {
      return map.headMap(to, false);
    }
    return map;
  }
}
