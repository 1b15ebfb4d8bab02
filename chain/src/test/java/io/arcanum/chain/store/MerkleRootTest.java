package io.arcanum.chain.store;

import static io.arcanum.chain.store.TestData.randomBytes;
import static io.arcanum.chain.store.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MerkleRootTest {
  private static final StoreOptions FAST = StoreOptions.defaults().withSyncCommits(false);

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 8);
  }

  @Test
  void newStoreIsVersionZeroWithTheEmptyRoot() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      assertThat(store.version()).isZero();
      assertThat(store.rootHash()).isEqualTo(AuthenticatedStore.emptyRoot());
      assertThat(store.rootHash())
          .isEqualTo(ReferenceTree.sha256(new byte[] {2}))
          .isEqualTo(ReferenceTree.root(Map.of()));
    }
  }

  /** Pinned so that a change to the hashing or tree shape shows up as a changed app hash. */
  @Test
  void rootsOfSmallStoresMatchPinnedValues() {
    HexFormat hex = HexFormat.of();
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      assertThat(hex.formatHex(store.rootHash()))
          .isEqualTo("dbc1b4c900ffe48d575b5da5c638040125f65db0fe3e24494b76ea986457d986");
      store.put(utf8("a"), utf8("1"));
      assertThat(hex.formatHex(store.commit().rootHash()))
          .isEqualTo(hex.formatHex(ReferenceTree.root(Map.of(utf8("a"), utf8("1")))))
          .isEqualTo("565388d4bc00257133f799d9366ac97f6e949c18acc53d17457f8859ba0f08d3");
      store.put(utf8("b"), utf8("2"));
      store.put(utf8("c"), utf8("3"));
      assertThat(hex.formatHex(store.commit().rootHash()))
          .isEqualTo(
              hex.formatHex(
                  ReferenceTree.root(
                      Map.of(utf8("a"), utf8("1"), utf8("b"), utf8("2"), utf8("c"), utf8("3")))))
          .isEqualTo("12a1176f115fca99cddefd4807332132e3f3099fb60f2337e3fa49f0859355ab");
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rootMatchesTheReferenceModelAfterEveryBlockOfPutsOverwritesAndDeletes(long seed) {
    Random random = new Random(seed);
    List<byte[]> keys = TestData.keySpace(random, 150);
    TreeMap<byte[], byte[]> model = TestData.sortedMap();
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      for (int block = 1; block <= 40; block++) {
        int writes = random.nextInt(block % 10 == 0 ? 1 : 60);
        for (int i = 0; i < writes; i++) {
          byte[] key = keys.get(random.nextInt(keys.size()));
          if (random.nextInt(10) < 4) {
            store.delete(key);
            model.remove(key);
          } else {
            byte[] value = randomBytes(random, 1, 80);
            store.put(key, value);
            model.put(key, value);
          }
        }
        CommitId id = store.commit();
        assertThat(id.version()).isEqualTo(block);
        assertThat(id.rootHash()).as("block %d", block).isEqualTo(ReferenceTree.root(model));
        assertThat(store.rootHash()).isEqualTo(id.rootHash());
      }
      for (byte[] key : keys) {
        assertThat(store.get(key)).isEqualTo(model.get(key));
        assertThat(store.get(key, store.version())).isEqualTo(model.get(key));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rootDependsOnlyOnTheFinalContentNotOnOrderOrBatching(long seed) {
    Random random = new Random(seed);
    TreeMap<byte[], byte[]> content = TestData.sortedMap();
    for (byte[] key : TestData.keySpace(random, 250)) {
      content.put(key, randomBytes(random, 1, 50));
    }
    byte[] expected = ReferenceTree.root(content);

    byte[] allAtOnce;
    try (RocksStore store = RocksStore.open(dir.resolve("once"), FAST)) {
      content.forEach(store::put);
      allAtOnce = store.commit().rootHash();
    }
    for (int run = 0; run < 3; run++) {
      try (RocksStore store = RocksStore.open(dir.resolve("shuffled-" + run), FAST)) {
        writeShuffledInBatchesWithDetours(store, content, random);
        assertThat(store.rootHash()).isEqualTo(allAtOnce).isEqualTo(expected);
      }
    }
  }

  /**
   * Writes {@code content} in a random order over random commits, with detours that must leave no
   * trace: keys that are added and later deleted, and values later overwritten with the real one.
   */
  private static void writeShuffledInBatchesWithDetours(
      RocksStore store, Map<byte[], byte[]> content, Random random) {
    List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>(content.entrySet());
    Collections.shuffle(entries, random);
    List<byte[]> detours = new ArrayList<>();
    int at = 0;
    while (at < entries.size()) {
      int batch = 1 + random.nextInt(60);
      for (int i = 0; i < batch && at < entries.size(); i++, at++) {
        Map.Entry<byte[], byte[]> entry = entries.get(at);
        if (random.nextInt(5) == 0) {
          store.put(entry.getKey(), utf8("temporary"));
          store.commit();
        }
        store.put(entry.getKey(), entry.getValue());
        if (random.nextInt(4) == 0) {
          byte[] detour = randomBytes(random, 1, 20);
          if (!content.containsKey(detour)) {
            store.put(detour, utf8("gone later"));
            detours.add(detour);
          }
        }
      }
      store.commit();
    }
    Collections.shuffle(detours, random);
    for (byte[] detour : detours) {
      store.delete(detour);
      if (random.nextInt(8) == 0) {
        store.commit();
      }
    }
    store.commit();
  }
}
