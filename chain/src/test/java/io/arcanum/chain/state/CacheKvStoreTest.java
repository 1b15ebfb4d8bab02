package io.arcanum.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Branches of branches behave like one sorted map: reads, ordered scans, write and discard. */
class CacheKvStoreTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void nestedBranchesReadAndScanLikeTheModelAndWriteOrDiscardAsAWhole(long seed) {
    Random random = new Random(seed);
    MemoryKvStore base = new MemoryKvStore();
    TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    randomWrites(random, base, model, 40);
    CacheKvStore block = new CacheKvStore(base);
    TreeMap<byte[], byte[]> blockModel = copy(model);
    randomWrites(random, block, blockModel, 30);
    CacheKvStore tx = block.branch();
    TreeMap<byte[], byte[]> txModel = copy(blockModel);
    randomWrites(random, tx, txModel, 30);

    assertSame(tx, txModel, random);
    assertSame(block, blockModel, random);
    assertSame(base, model, random);
    if (random.nextBoolean()) {
      tx.write();
      blockModel = txModel;
    } else {
      tx.discard();
    }
    assertSame(block, blockModel, random);
    block.write();
    assertSame(base, blockModel, random);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aScanStopsWhenTheVisitorSaysSo(boolean descending) {
    MemoryKvStore base = new MemoryKvStore();
    CacheKvStore branch = new CacheKvStore(base);
    for (int i = 0; i < 10; i++) {
      (i % 2 == 0 ? base : branch).set(new byte[] {(byte) i}, new byte[] {1});
    }
    List<Integer> seen = new ArrayList<>();
    branch.scan(null, null, descending, (k, v) -> seen.add((int) k[0]) && seen.size() < 3);
    assertThat(seen).containsExactlyElementsOf(descending ? List.of(9, 8, 7) : List.of(0, 1, 2));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void emptyKeysAndValuesAreRefusedWhereTheyAreWritten(int which) {
    KvStore store = which == 0 ? new MemoryKvStore() : new CacheKvStore(new MemoryKvStore());
    assertThatThrownBy(() -> store.set(new byte[0], new byte[] {1}))
        .hasMessageContaining("keys must not be empty");
    assertThatThrownBy(() -> store.set(new byte[] {1}, new byte[0]))
        .hasMessageContaining("values must not be empty");
  }

  private static void randomWrites(
      Random random, KvStore store, TreeMap<byte[], byte[]> model, int count) {
    for (int i = 0; i < count; i++) {
      byte[] key = new byte[1 + random.nextInt(2)];
      random.nextBytes(key);
      if (random.nextInt(3) == 0) {
        store.delete(key);
        model.remove(key);
      } else {
        byte[] value = new byte[1 + random.nextInt(4)];
        random.nextBytes(value);
        store.set(key, value);
        model.put(key, value);
      }
    }
  }

  private static void assertSame(KvStore store, TreeMap<byte[], byte[]> model, Random random) {
    for (int i = 0; i < 50; i++) {
      byte[] key = new byte[1 + random.nextInt(2)];
      random.nextBytes(key);
      assertThat(store.get(key)).isEqualTo(model.get(key));
    }
    for (int i = 0; i < 10; i++) {
      byte[] from = random.nextInt(4) == 0 ? null : new byte[] {(byte) random.nextInt(256)};
      byte[] to = random.nextInt(4) == 0 ? null : new byte[] {(byte) random.nextInt(256)};
      boolean descending = random.nextBoolean();
      List<String> wanted = new ArrayList<>();
      var range = CacheKvStore.subMap(model, from, to);
      for (Map.Entry<byte[], byte[]> e : (descending ? range.descendingMap() : range).entrySet()) {
        wanted.add(hex(e.getKey()) + "=" + hex(e.getValue()));
      }
      List<String> actual = new ArrayList<>();
      store.scan(from, to, descending, (k, v) -> actual.add(hex(k) + "=" + hex(v)));
      assertThat(actual).containsExactlyElementsOf(wanted);
    }
  }

  private static TreeMap<byte[], byte[]> copy(TreeMap<byte[], byte[]> map) {
    TreeMap<byte[], byte[]> copy = new TreeMap<>(Arrays::compareUnsigned);
    copy.putAll(map);
    return copy;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
