package io.arcanum.chain.state;

import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A {@link KvStore} in a sorted map: genesis building, tests, read-only snapshots. */
public final class MemoryKvStore implements KvStore {
  private final TreeMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);

  @Override
  public byte[] get(byte[] key) {
    byte[] value = entries.get(key);
    return value == null ? null : value.clone();
  }

  @Override
  public void set(byte[] key, byte[] value) {
    KvChecks.checkWrite(key, value);
    entries.put(key.clone(), value.clone());
  }

  @Override
  public void delete(byte[] key) {
    KvChecks.checkKey(key);
    entries.remove(key);
  }

  @Override
  public void scan(byte[] from, byte[] to, boolean descending, Visitor visitor) {
    NavigableMap<byte[], byte[]> range = CacheKvStore.subMap(entries, from, to);
    for (Map.Entry<byte[], byte[]> e : (descending ? range.descendingMap() : range).entrySet()) {
      if (!visitor.visit(e.getKey().clone(), e.getValue().clone())) {
        return;
      }
    }
  }

  public int size() {
    return entries.size();
  }
}
