package io.arcanum.chain.store;

import static io.arcanum.chain.store.TestData.randomBytes;
import static io.arcanum.chain.store.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VersionsTest {
  private static final StoreOptions FAST = StoreOptions.defaults().withSyncCommits(false);

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 5);
  }

  /** Commits {@code blocks} random blocks; returns the content after each version (0 first). */
  private static List<TreeMap<byte[], byte[]>> commitRandomBlocks(
      AuthenticatedStore store, Random random, List<byte[]> keys, int blocks) {
    List<TreeMap<byte[], byte[]>> snapshots = new ArrayList<>();
    TreeMap<byte[], byte[]> model = TestData.sortedMap();
    for (byte[] key : keys) {
      byte[] value = store.get(key);
      if (value != null) {
        model.put(key, value);
      }
    }
    for (int block = 0; block < blocks; block++) {
      for (int i = 0; i < 30; i++) {
        byte[] key = keys.get(random.nextInt(keys.size()));
        if (random.nextInt(3) == 0) {
          store.delete(key);
          model.remove(key);
        } else {
          byte[] value = randomBytes(random, 1, 40);
          store.put(key, value);
          model.put(key, value);
        }
      }
      store.commit();
      TreeMap<byte[], byte[]> snapshot = TestData.sortedMap();
      snapshot.putAll(model);
      snapshots.add(snapshot);
    }
    return snapshots;
  }

  private static void assertVersionReads(
      AuthenticatedStore store, long version, TreeMap<byte[], byte[]> expected, List<byte[]> keys) {
    assertThat(store.rootHash(version)).isEqualTo(ReferenceTree.root(expected));
    for (byte[] key : keys) {
      assertThat(store.get(key, version)).as("version %d", version).isEqualTo(expected.get(key));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyOlderVersionReadsAsItWasCommitted(long seed) {
    Random random = new Random(seed);
    List<byte[]> keys = TestData.keySpace(random, 100);
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      List<TreeMap<byte[], byte[]>> snapshots = commitRandomBlocks(store, random, keys, 25);
      assertVersionReads(store, 0, TestData.sortedMap(), keys);
      for (int v = 1; v <= snapshots.size(); v++) {
        assertVersionReads(store, v, snapshots.get(v - 1), keys);
      }
    }
  }

  @Test
  void versionsNotYetCommittedAreUnavailable() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      store.put(utf8("k"), utf8("v"));
      store.commit();
      assertThatThrownBy(() -> store.get(utf8("k"), 2))
          .isInstanceOf(VersionUnavailableException.class)
          .hasMessageContaining("version 2");
      assertThatThrownBy(() -> store.prove(utf8("k"), 2))
          .isInstanceOf(VersionUnavailableException.class);
      assertThatThrownBy(() -> store.rootHash(-1)).isInstanceOf(VersionUnavailableException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void reopeningKeepsTheVersionRootValuesAndHistory(long seed) {
    Random random = new Random(seed);
    List<byte[]> keys = TestData.keySpace(random, 100);
    List<TreeMap<byte[], byte[]>> snapshots;
    byte[] root;
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      snapshots = commitRandomBlocks(store, random, keys, 10);
      root = store.rootHash();
    }
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      assertThat(store.version()).isEqualTo(10);
      assertThat(store.rootHash()).isEqualTo(root);
      for (int v = 1; v <= 10; v++) {
        assertVersionReads(store, v, snapshots.get(v - 1), keys);
      }
      for (byte[] key : keys) {
        assertThat(store.get(key)).isEqualTo(snapshots.get(9).get(key));
      }
      List<TreeMap<byte[], byte[]>> more = commitRandomBlocks(store, random, keys, 3);
      assertThat(store.version()).isEqualTo(13);
      assertThat(store.rootHash()).isEqualTo(ReferenceTree.root(more.get(2)));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pruningDropsOldVersionsAndTheirNodesButTheLatestStaysIntact(long seed) {
    Random random = new Random(seed);
    List<byte[]> keys = TestData.keySpace(random, 120);
    try (RocksStore store = RocksStore.open(dir.resolve("pruned"), FAST)) {
      List<TreeMap<byte[], byte[]>> snapshots = commitRandomBlocks(store, random, keys, 20);
      long nodesBefore = store.storedNodeCount();

      store.pruneBefore(15);
      assertThat(store.earliestVersion()).isEqualTo(15);
      for (long old : new long[] {0, 1, 14}) {
        assertThatThrownBy(() -> store.get(keys.get(0), old))
            .isInstanceOf(VersionUnavailableException.class);
      }
      for (int v = 15; v <= 20; v++) {
        assertVersionReads(store, v, snapshots.get(v - 1), keys);
      }

      store.pruneBefore(20);
      TreeMap<byte[], byte[]> latest = snapshots.get(19);
      assertVersionReads(store, 20, latest, keys);
      for (byte[] key : keys) {
        assertThat(store.get(key)).isEqualTo(latest.get(key));
        assertThat(store.prove(key, 20).verify(store.rootHash(), key, latest.get(key))).isTrue();
      }
      // With one version left, exactly the nodes of its tree remain: as many as a store built
      // with the same content in one commit has.
      try (RocksStore fresh = RocksStore.open(dir.resolve("fresh"), FAST)) {
        latest.forEach(fresh::put);
        fresh.commit();
        assertThat(store.storedNodeCount())
            .isEqualTo(fresh.storedNodeCount())
            .isLessThan(nodesBefore);
      }

      List<TreeMap<byte[], byte[]>> more = commitRandomBlocks(store, random, keys, 5);
      assertVersionReads(store, 25, more.get(4), keys);
      assertVersionReads(store, 21, more.get(0), keys);
    }
  }

  @Test
  void pruningSurvivesReopenAndCannotPassTheLatestVersion() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      for (int i = 0; i < 6; i++) {
        store.put(utf8("k" + (i % 2)), utf8("v" + i));
        store.commit();
      }
      store.pruneBefore(4);
      store.pruneBefore(2); // already gone: nothing to do
      assertThatThrownBy(() -> store.pruneBefore(7)).isInstanceOf(IllegalArgumentException.class);
    }
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      assertThat(store.earliestVersion()).isEqualTo(4);
      assertThat(store.get(utf8("k1"), 4)).isEqualTo(utf8("v3"));
      assertThatThrownBy(() -> store.get(utf8("k1"), 3))
          .isInstanceOf(VersionUnavailableException.class);
    }
  }

  @Test
  void keepRecentPrunesAfterEachCommit() {
    Random random = new Random(7);
    List<byte[]> keys = TestData.keySpace(random, 50);
    try (RocksStore store = RocksStore.open(dir, FAST.withKeepRecent(3))) {
      List<TreeMap<byte[], byte[]>> snapshots = commitRandomBlocks(store, random, keys, 12);
      assertThat(store.earliestVersion()).isEqualTo(10);
      for (int v = 10; v <= 12; v++) {
        assertVersionReads(store, v, snapshots.get(v - 1), keys);
      }
      assertThatThrownBy(() -> store.rootHash(9)).isInstanceOf(VersionUnavailableException.class);
    }
  }
}
