package io.arcanum.wasm.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.wasm.host.ContractStorage;
import io.arcanum.wasm.host.ContractStorage.Order;
import io.arcanum.wasm.testing.InMemoryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteCacheTest {

  private static byte[] key(Random random) {
    byte[] key = new byte[1 + random.nextInt(2)];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) random.nextInt(6);
    }
    return key;
  }

  private static List<String> drain(ContractStorage.StorageIterator it) {
    List<String> out = new ArrayList<>();
    for (ContractStorage.Entry e = it.next(); e != null; e = it.next()) {
      out.add(
          java.util.HexFormat.of().formatHex(e.key())
              + "="
              + java.util.HexFormat.of().formatHex(e.value()));
    }
    return out;
  }

  /** Reads, scans in both orders and the flushed result equal a store written directly. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void behavesLikeTheStoreItWillBeFlushedInto(long seed) {
    Random random = new Random(seed);
    InMemoryStorage base = new InMemoryStorage();
    for (int i = 0; i < 15; i++) {
      base.set(key(random), new byte[] {(byte) random.nextInt(256)});
    }
    InMemoryStorage reference = new InMemoryStorage();
    base.asHex()
        .forEach(
            (k, v) ->
                reference.set(
                    java.util.HexFormat.of().parseHex(k), java.util.HexFormat.of().parseHex(v)));
    WriteCache cache = new WriteCache(base);
    for (int i = 0; i < 40; i++) {
      byte[] k = key(random);
      switch (random.nextInt(3)) {
        case 0 -> {
          byte[] v = new byte[random.nextInt(3)];
          random.nextBytes(v);
          cache.set(k, v);
          reference.set(k, v);
        }
        case 1 -> {
          cache.remove(k);
          reference.remove(k);
        }
        default -> assertThat(cache.get(k)).isEqualTo(reference.get(k));
      }
      byte[] start = random.nextBoolean() ? null : key(random);
      byte[] end = random.nextBoolean() ? null : key(random);
      for (Order order : Order.values()) {
        assertThat(drain(cache.scan(start, end, order)))
            .isEqualTo(drain(reference.scan(start, end, order)));
      }
    }
    InMemoryStorage untouched = new InMemoryStorage();
    base.asHex()
        .forEach(
            (k, v) ->
                untouched.set(
                    java.util.HexFormat.of().parseHex(k), java.util.HexFormat.of().parseHex(v)));
    assertThat(base.asHex()).isEqualTo(untouched.asHex());
    cache.flush();
    assertThat(base.asHex()).isEqualTo(reference.asHex());
  }
}
