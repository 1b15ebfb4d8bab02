package io.arcanum.chain.store;

import static io.arcanum.chain.store.TestData.randomBytes;
import static io.arcanum.chain.store.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The staged root a block returns before its commit, and aux records committed with it. */
class StagedCommitTest {
  private static final StoreOptions FAST = StoreOptions.defaults().withSyncCommits(false);

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void theStagedRootIsTheRootTheCommitProducesAndMatchesAnIndependentComputation(long seed) {
    Random random = new Random(seed);
    TreeMap<byte[], byte[]> model = TestData.sortedMap();
    List<byte[]> keys = new ArrayList<>();
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      for (int block = 0; block < 20; block++) {
        for (int i = 0; i < 25; i++) {
          if (!keys.isEmpty() && random.nextInt(4) == 0) {
            byte[] key = keys.get(random.nextInt(keys.size()));
            store.delete(key);
            model.remove(key);
          } else {
            byte[] key = randomBytes(random, 1, 12);
            byte[] value = randomBytes(random, 1, 40);
            keys.add(key);
            store.put(key, value);
            model.put(key, value);
          }
          if (i == 10) {
            store.stagedRootHash(); // a stale preparation must not survive more writes
          }
        }
        byte[] staged = store.stagedRootHash();
        assertThat(staged).isEqualTo(ReferenceTree.root(model));
        assertThat(store.rootHash()).as("staging changes nothing committed").isNotNull();
        assertThat(store.commit().rootHash()).isEqualTo(staged);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void auxRecordsAreCommittedWithTheVersionAndDiscardedWithIt(boolean commit) {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      store.put(utf8("k"), utf8("v"));
      store.putAux(utf8("block/1"), utf8("txs"));
      store.putAux(utf8("empty"), new byte[0]);
      assertThat(store.getAux(utf8("block/1"))).as("staged, not yet visible").isNull();
      if (commit) {
        store.commit();
      } else {
        store.discardPending();
        store.commit();
      }
    }
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      assertThat(store.getAux(utf8("block/1"))).isEqualTo(commit ? utf8("txs") : null);
      assertThat(store.getAux(utf8("empty"))).isEqualTo(commit ? new byte[0] : null);
      assertThat(store.get(utf8("block/1"))).as("aux keys are not tree keys").isNull();
      assertThat(store.rootHash())
          .isEqualTo(
              commit
                  ? ReferenceTree.root(singleton(utf8("k"), utf8("v")))
                  : AuthenticatedStore.emptyRoot());
      store.deleteAux(utf8("block/1"));
      store.putAux(utf8("block/2"), utf8("more"));
      store.commit();
      List<String> keys = new ArrayList<>();
      try (StoreIterator records = store.auxRange(utf8("block/"), utf8("block0"))) {
        records.forEachRemaining(e -> keys.add(new String(e.key())));
      }
      assertThat(keys).containsExactly("block/2");
    }
  }

  private static TreeMap<byte[], byte[]> singleton(byte[] key, byte[] value) {
    TreeMap<byte[], byte[]> map = TestData.sortedMap();
    map.put(key, value);
    return map;
  }
}
