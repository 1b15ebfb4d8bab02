package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.WasmFunctionHandle;
import io.arcanum.wasm.ApiProfile;
import io.arcanum.wasm.host.ContractStorage;
import io.arcanum.wasm.host.ContractStorage.Entry;
import io.arcanum.wasm.host.ContractStorage.Order;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/** db_read, db_write, db_remove and iteration (cosmwasm-abi.md §2.1, §2.2, §3.5). */
final class StorageImports {
  private StorageImports() {}

  static void register(CallContext c, Map<String, WasmFunctionHandle> handlers) {
    ContractStorage storage = c.host.storage();
    handlers.put(
        "db_read",
        (instance, args) -> {
          c.gas().charge(HostCosts.DB_READ);
          byte[] key = c.read(args[0], "db_read key");
          byte[] value = c.callHost(() -> storage.get(key));
          return HostImports.i32(value == null ? 0 : c.allocate(value, "db_read value"));
        });
    handlers.put(
        "db_write",
        (instance, args) -> {
          c.requireWritable("db_write");
          c.gas().charge(HostCosts.DB_WRITE);
          byte[] key = c.read(args[0], "db_write key");
          byte[] value = c.read(args[1], "db_write value");
          c.gas().chargeRefundable(HostCosts.DB_WRITE_PER_VALUE_BYTE * value.length);
          c.callHost(() -> storage.set(key, value));
          return null;
        });
    handlers.put(
        "db_remove",
        (instance, args) -> {
          c.requireWritable("db_remove");
          c.gas().charge(HostCosts.DB_REMOVE);
          byte[] key = c.read(args[0], "db_remove key");
          c.callHost(() -> storage.remove(key));
          return null;
        });
    handlers.put("db_scan", (instance, args) -> scan(c, storage, args));
    handlers.put("db_next", (instance, args) -> next(c, args[0]));
    handlers.put("db_next_key", (instance, args) -> nextPart(c, args[0], true));
    handlers.put("db_next_value", (instance, args) -> nextPart(c, args[0], false));
  }

  private static long[] scan(CallContext c, ContractStorage storage, long[] args) {
    requireIterator(c, "db_scan");
    c.gas().charge(HostCosts.DB_SCAN);
    byte[] start = optionalBound(c, args[0], "db_scan start");
    byte[] end = optionalBound(c, args[1], "db_scan end");
    Order order =
        switch ((int) args[2]) {
          case 1 -> Order.ASCENDING;
          case 2 -> Order.DESCENDING;
          default -> throw VmTrap.host("db_scan: order must be 1 or 2, got " + (int) args[2]);
        };
    ContractStorage.StorageIterator iterator = c.callHost(() -> storage.scan(start, end, order));
    return HostImports.i32(c.addIterator(iterator));
  }

  private static long[] next(CallContext c, long id) {
    requireIterator(c, "db_next");
    c.gas().charge(HostCosts.DB_NEXT);
    ContractStorage.StorageIterator iterator = c.iterator(id, "db_next");
    Entry entry = c.callHost(iterator::next);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (c.profile == ApiProfile.V010) {
      // 0.10 layout: value ‖ key ‖ BE32(key length); key length 0 = exhausted.
      if (entry != null) {
        out.writeBytes(entry.value());
        out.writeBytes(entry.key());
      }
      writeBe32(out, entry == null ? 0 : entry.key().length);
    } else {
      // 1.x sections [key, value]; an empty key ends the iteration.
      byte[] key = entry == null ? new byte[0] : entry.key();
      byte[] value = entry == null ? new byte[0] : entry.value();
      out.writeBytes(key);
      writeBe32(out, key.length);
      out.writeBytes(value);
      writeBe32(out, value.length);
    }
    return HostImports.i32(c.allocate(out.toByteArray(), "db_next result"));
  }

  private static long[] nextPart(CallContext c, long id, boolean key) {
    String function = key ? "db_next_key" : "db_next_value";
    requireIterator(c, function);
    c.gas().charge(HostCosts.DB_NEXT);
    Entry entry = c.callHost(c.iterator(id, function)::next);
    if (entry == null) {
      return HostImports.i32(0);
    }
    return HostImports.i32(c.allocate(key ? entry.key() : entry.value(), function + " result"));
  }

  private static byte[] optionalBound(CallContext c, long pointer, String what) {
    return (pointer & 0xFFFF_FFFFL) == 0 ? null : c.read(pointer, what);
  }

  private static void requireIterator(CallContext c, String function) {
    if (!c.limits.iteratorEnabled()) {
      throw VmTrap.host(
          function + " is not available: the chain does not enable the iterator capability");
    }
  }

  static void writeBe32(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }
}
