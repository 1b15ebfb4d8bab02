package io.arcanum.wasm.testing;

import io.arcanum.wasm.host.ContractStorage;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A sorted in-memory {@link ContractStorage} for tests, with iteration. */
public class InMemoryStorage implements ContractStorage {
  private final NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);

  @Override
  public byte[] get(byte[] key) {
    byte[] value = entries.get(key);
    return value == null ? null : value.clone();
  }

  @Override
  public void set(byte[] key, byte[] value) {
    entries.put(key.clone(), value.clone());
  }

  @Override
  public void remove(byte[] key) {
    entries.remove(key);
  }

  @Override
  public StorageIterator scan(byte[] start, byte[] end, Order order) {
    NavigableMap<byte[], byte[]> range = entries;
    if (start != null && end != null) {
      range =
          Arrays.compareUnsigned(start, end) >= 0
              ? new TreeMap<>(Arrays::compareUnsigned)
              : entries.subMap(start, true, end, false);
    } else if (start != null) {
      range = entries.tailMap(start, true);
    } else if (end != null) {
      range = entries.headMap(end, false);
    }
    Iterator<Map.Entry<byte[], byte[]>> it =
        (order == Order.ASCENDING ? range : range.descendingMap()).entrySet().iterator();
    return () -> {
      if (!it.hasNext()) {
        return null;
      }
      Map.Entry<byte[], byte[]> e = it.next();
      return new Entry(e.getKey().clone(), e.getValue().clone());
    };
  }

  public int size() {
    return entries.size();
  }

  /** Hex key → hex value, in key order, for assertions. */
  public Map<String, String> asHex() {
    Map<String, String> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> out.put(HexFormat.of().formatHex(k), HexFormat.of().formatHex(v)));
    return out;
  }

  /** The value as UTF-8 text, or null. */
  public String text(String key) {
    byte[] value = entries.get(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
