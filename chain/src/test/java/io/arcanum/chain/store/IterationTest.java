package io.arcanum.chain.store;

import static io.arcanum.chain.store.TestData.randomBytes;
import static io.arcanum.chain.store.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IterationTest {
  private static final StoreOptions FAST = StoreOptions.defaults().withSyncCommits(false);

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 6);
  }

  /** Keys over a small alphabet including 0x00 and 0xff, so bounds and prefixes collide often. */
  private static byte[] smallAlphabetKey(Random random) {
    byte[] alphabet = {0x00, 0x01, 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff};
    byte[] key = new byte[1 + random.nextInt(4)];
    for (int i = 0; i < key.length; i++) {
      key[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return key;
  }

  /** Entries as "key=value" in hex, so lists compare by content. */
  private static List<String> drain(StoreIterator iterator) {
    List<String> out = new ArrayList<>();
    try (iterator) {
      while (iterator.hasNext()) {
        StoreEntry entry = iterator.next();
        out.add(show(entry.key(), entry.value()));
      }
    }
    return out;
  }

  private static List<String> entries(SortedMap<byte[], byte[]> map) {
    List<String> out = new ArrayList<>();
    map.forEach((k, v) -> out.add(show(k, v)));
    return out;
  }

  private static String show(byte[] key, byte[] value) {
    return HexFormat.of().formatHex(key) + "=" + HexFormat.of().formatHex(value);
  }

  private static TreeMap<byte[], byte[]> fill(RocksStore store, Random random, int blocks) {
    TreeMap<byte[], byte[]> model = TestData.sortedMap();
    for (int block = 0; block < blocks; block++) {
      for (int i = 0; i < 60; i++) {
        byte[] key = smallAlphabetKey(random);
        if (random.nextInt(4) == 0) {
          store.delete(key);
          model.remove(key);
        } else {
          byte[] value = randomBytes(random, 1, 8);
          store.put(key, value);
          model.put(key, value);
        }
      }
      store.commit();
    }
    return model;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rangeReturnsTheKeysWithinItsBoundsInUnsignedByteOrder(long seed) {
    Random random = new Random(seed);
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      TreeMap<byte[], byte[]> model = fill(store, random, 4);
      assertThat(drain(store.range(null, null))).containsExactlyElementsOf(entries(model));
      for (int i = 0; i < 40; i++) {
        byte[] a = smallAlphabetKey(random);
        byte[] b = smallAlphabetKey(random);
        if (Arrays.compareUnsigned(a, b) > 0) {
          byte[] t = a;
          a = b;
          b = t;
        }
        assertThat(drain(store.range(a, b))).containsExactlyElementsOf(entries(model.subMap(a, b)));
        assertThat(drain(store.range(a, null)))
            .containsExactlyElementsOf(entries(model.tailMap(a, true)));
        assertThat(drain(store.range(null, b)))
            .containsExactlyElementsOf(entries(model.headMap(b, false)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void prefixReturnsExactlyTheKeysStartingWithIt(long seed) {
    Random random = new Random(seed);
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      TreeMap<byte[], byte[]> model = fill(store, random, 4);
      for (int i = 0; i < 40; i++) {
        // The first few are all-0xff prefixes, which have no upper bound.
        byte[] prefix = i < 3 ? allOnes(1 + i) : smallAlphabetKey(random);
        List<String> expected = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
          if (e.getKey().length >= prefix.length
              && Arrays.equals(e.getKey(), 0, prefix.length, prefix, 0, prefix.length)) {
            expected.add(show(e.getKey(), e.getValue()));
          }
        }
        assertThat(drain(store.prefix(prefix))).containsExactlyElementsOf(expected);
      }
    }
  }

  private static byte[] allOnes(int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) 0xff);
    return bytes;
  }

  @Test
  void prefixEndIsTheFirstKeyPastThePrefix() {
    assertThat(RocksStore.prefixEnd(new byte[] {1, 2})).containsExactly(1, 3);
    assertThat(RocksStore.prefixEnd(new byte[] {1, (byte) 0xff})).containsExactly(2);
    assertThat(RocksStore.prefixEnd(new byte[] {(byte) 0xff, (byte) 0xff})).isNull();
    assertThat(RocksStore.prefixEnd(new byte[0])).isNull();
  }

  @Test
  void anIteratorKeepsReadingTheVersionItStartedOn() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      for (int i = 0; i < 10; i++) {
        store.put(utf8("k" + i), utf8("old"));
      }
      store.commit();
      try (StoreIterator iterator = store.prefix(utf8("k"))) {
        assertThat(iterator.next().key()).isEqualTo(utf8("k0"));
        for (int i = 0; i < 10; i++) {
          store.put(utf8("k" + i), utf8("new"));
        }
        store.delete(utf8("k5"));
        store.put(utf8("k55"), utf8("new"));
        store.commit();
        int seen = 1;
        while (iterator.hasNext()) {
          assertThat(iterator.next().value()).isEqualTo(utf8("old"));
          seen++;
        }
        assertThat(seen).isEqualTo(10);
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
      }
    }
  }

  @Test
  void closingTheStoreClosesItsOpenIterators() {
    RocksStore store = RocksStore.open(dir, FAST);
    store.put(utf8("a"), utf8("1"));
    store.commit();
    StoreIterator iterator = store.range(null, null);
    store.close();
    assertThat(iterator.hasNext()).isFalse();
    iterator.close();
  }
}
