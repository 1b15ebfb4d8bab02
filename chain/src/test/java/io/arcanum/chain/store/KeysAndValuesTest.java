package io.arcanum.chain.store;

import static io.arcanum.chain.store.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysAndValuesTest {
  private static final StoreOptions FAST = StoreOptions.defaults().withSyncCommits(false);

  @TempDir Path dir;

  @Test
  void emptyValuesAreRefusedAsInCosmosStores() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      assertThatThrownBy(() -> store.put(utf8("k"), new byte[0]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("delete the key instead");
      assertThatThrownBy(() -> store.put(utf8("k"), null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void keysMustBeNonEmptyAndAtMostTheMaximumLength() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      assertThatThrownBy(() -> store.put(new byte[0], utf8("v")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("empty");
      assertThatThrownBy(() -> store.delete(null)).isInstanceOf(IllegalArgumentException.class);
      byte[] tooLong = new byte[AuthenticatedStore.MAX_KEY_LENGTH + 1];
      assertThatThrownBy(() -> store.put(tooLong, utf8("v")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("65535");
      assertThatThrownBy(() -> store.get(tooLong)).isInstanceOf(IllegalArgumentException.class);

      byte[] longest = new byte[AuthenticatedStore.MAX_KEY_LENGTH];
      Arrays.fill(longest, (byte) 0xab);
      byte[] big = new byte[1 << 20];
      Arrays.fill(big, (byte) 7);
      store.put(longest, big);
      byte[] root = store.commit().rootHash();
      assertThat(store.get(longest)).isEqualTo(big);
      assertThat(store.get(longest, 1)).isEqualTo(big);
      assertThat(store.prove(longest, 1).verify(root, longest, big)).isTrue();
    }
  }

  @Test
  void stagedWritesAreInvisibleUntilCommit() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      store.put(utf8("k"), utf8("v"));
      assertThat(store.get(utf8("k"))).isNull();
      assertThat(store.rootHash()).isEqualTo(AuthenticatedStore.emptyRoot());
      store.commit();
      store.delete(utf8("k"));
      assertThat(store.get(utf8("k"))).isEqualTo(utf8("v"));
      store.commit();
      assertThat(store.get(utf8("k"))).isNull();
      assertThat(store.get(utf8("k"), 1)).isEqualTo(utf8("v"));
    }
  }

  @Test
  void theLastStagedWriteToAKeyWins() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      store.put(utf8("a"), utf8("1"));
      store.delete(utf8("a"));
      store.delete(utf8("b"));
      store.put(utf8("b"), utf8("2"));
      store.put(utf8("c"), utf8("3"));
      store.put(utf8("c"), utf8("4"));
      store.commit();
      assertThat(store.get(utf8("a"))).isNull();
      assertThat(store.get(utf8("b"))).isEqualTo(utf8("2"));
      assertThat(store.get(utf8("c"))).isEqualTo(utf8("4"));
    }
  }

  @Test
  void discardPendingDropsStagedWrites() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      store.put(utf8("k"), utf8("v"));
      store.discardPending();
      CommitId id = store.commit();
      assertThat(store.get(utf8("k"))).isNull();
      assertThat(id.rootHash()).isEqualTo(AuthenticatedStore.emptyRoot());
    }
  }

  @Test
  void commitsWithNothingOrOnlyAbsentDeletesKeepTheRootButAdvanceTheVersion() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      store.put(utf8("k"), utf8("v"));
      byte[] root = store.commit().rootHash();
      assertThat(store.commit()).isEqualTo(new CommitId(2, root));
      store.delete(utf8("never there"));
      assertThat(store.commit()).isEqualTo(new CommitId(3, root));
      assertThat(store.get(utf8("k"), 3)).isEqualTo(utf8("v"));
    }
  }

  @Test
  void theStoreKeepsItsOwnCopiesOfKeysAndValues() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      byte[] key = utf8("key");
      byte[] value = utf8("value");
      store.put(key, value);
      key[0] = 'X';
      value[0] = 'X';
      byte[] root = store.commit().rootHash();
      assertThat(store.get(utf8("key"))).isEqualTo(utf8("value"));
      root[0] ^= 1;
      assertThat(store.rootHash()).isNotEqualTo(root);
    }
  }

  @Test
  void aClosedStoreRefusesUse() {
    RocksStore store = RocksStore.open(dir, FAST);
    store.close();
    store.close(); // idempotent
    assertThatThrownBy(() -> store.get(utf8("k"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(store::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSecondOpenOfTheSameDirectoryFailsClearly() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      assertThatThrownBy(() -> RocksStore.open(dir, FAST))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("cannot open");
    }
  }
}
