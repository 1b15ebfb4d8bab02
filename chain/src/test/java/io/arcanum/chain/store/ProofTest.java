package io.arcanum.chain.store;

import static io.arcanum.chain.store.TestData.randomBytes;
import static io.arcanum.chain.store.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProofTest {
  private static final StoreOptions FAST = StoreOptions.defaults().withSyncCommits(false);

  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 6);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void inclusionAndAbsenceProofsVerifyForEveryKeyAtEveryVersion(long seed) {
    Random random = new Random(seed);
    List<byte[]> keys = TestData.keySpace(random, 80);
    List<TreeMap<byte[], byte[]>> snapshots = new ArrayList<>();
    TreeMap<byte[], byte[]> model = TestData.sortedMap();
    snapshots.add(TestData.sortedMap());
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      for (int block = 1; block <= 8; block++) {
        for (int i = 0; i < 40; i++) {
          byte[] key = keys.get(random.nextInt(keys.size()));
          if (random.nextInt(3) == 0) {
            store.delete(key);
            model.remove(key);
          } else {
            byte[] value = randomBytes(random, 1, 30);
            store.put(key, value);
            model.put(key, value);
          }
        }
        store.commit();
        TreeMap<byte[], byte[]> snapshot = TestData.sortedMap();
        snapshot.putAll(model);
        snapshots.add(snapshot);
      }
      for (int version = 0; version < snapshots.size(); version++) {
        byte[] root = store.rootHash(version);
        TreeMap<byte[], byte[]> expected = snapshots.get(version);
        for (byte[] key : keys) {
          Proof proof = store.prove(key, version);
          byte[] value = expected.get(key);
          assertThat(proof.verify(root, key, value)).as("v%d %s", version, value).isTrue();
          assertThat(Proof.verify(proof.toBytes(), root, key, value)).isTrue();
        }
        for (int i = 0; i < 20; i++) {
          byte[] absent = randomBytes(random, 41, 60); // longer than any key in the space
          assertThat(store.prove(absent, version).verify(root, absent, null)).isTrue();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void proofsRefuseAWrongValueKeyOrRoot(long seed) {
    Random random = new Random(seed);
    List<byte[]> keys = TestData.keySpace(random, 60);
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      List<byte[]> present = keys.subList(0, keys.size() / 2);
      List<byte[]> absent = keys.subList(keys.size() / 2, keys.size());
      for (byte[] key : present) {
        store.put(key, utf8("value of " + Arrays.toString(key)));
      }
      byte[] root = store.commit().rootHash();
      store.put(present.get(0), utf8("changed"));
      byte[] laterRoot = store.commit().rootHash();

      for (byte[] key : present) {
        byte[] value = utf8("value of " + Arrays.toString(key));
        Proof proof = store.prove(key, 1);
        assertThat(proof.verify(root, key, value)).isTrue();
        assertThat(proof.verify(root, key, utf8("other value"))).as("wrong value").isFalse();
        assertThat(proof.verify(root, key, null)).as("claimed absent").isFalse();
        assertThat(proof.verify(laterRoot, key, value)).as("other root").isFalse();
        assertThat(proof.verify(randomBytes(random, 32, 32), key, value)).as("random").isFalse();
        assertThat(proof.verify(Arrays.copyOf(root, 31), key, value)).as("short root").isFalse();
        byte[] otherKey = present.get(random.nextInt(present.size()));
        if (!Arrays.equals(otherKey, key)) {
          assertThat(proof.verify(root, otherKey, value)).as("wrong key").isFalse();
        }
      }
      for (byte[] key : absent) {
        Proof proof = store.prove(key, 1);
        assertThat(proof.verify(root, key, null)).isTrue();
        assertThat(proof.verify(root, key, utf8("anything"))).as("claimed present").isFalse();
        byte[] presentKey = present.get(random.nextInt(present.size()));
        assertThat(proof.verify(root, presentKey, null)).as("absence of a present key").isFalse();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everySingleBitFlipInAProofIsRejected(long seed) {
    Random random = new Random(seed);
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      List<byte[]> keys = TestData.keySpace(random, 200);
      for (byte[] key : keys.subList(0, 150)) {
        store.put(key, randomBytes(random, 1, 20));
      }
      byte[] root = store.commit().rootHash();
      List<byte[]> probes =
          List.of(keys.get(random.nextInt(150)), keys.get(150 + random.nextInt(50)));
      for (byte[] key : probes) {
        byte[] value = store.get(key);
        byte[] bytes = store.prove(key, 1).toBytes();
        assertThat(Proof.verify(bytes, root, key, value)).isTrue();
        for (int bit = 0; bit < bytes.length * 8; bit++) {
          byte[] tampered = bytes.clone();
          tampered[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
          assertThat(Proof.verify(tampered, root, key, value)).as("bit %d", bit).isFalse();
        }
        assertThat(Proof.verify(Arrays.copyOf(bytes, bytes.length - 1), root, key, value))
            .isFalse();
        assertThat(Proof.verify(Arrays.copyOf(bytes, bytes.length + 1), root, key, value))
            .isFalse();
      }
    }
  }

  @Test
  void proofBytesRoundTripAndMalformedBytesAreRefusedWhenParsed() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      for (int i = 0; i < 50; i++) {
        store.put(utf8("key-" + i), utf8("value-" + i));
      }
      store.commit();
      Proof proof = store.prove(utf8("key-7"), 1);
      assertThat(Proof.fromBytes(proof.toBytes()).toBytes()).isEqualTo(proof.toBytes());
      assertThat(proof.depth()).isPositive();
    }
    assertThatThrownBy(() -> Proof.fromBytes(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Proof.fromBytes(new byte[] {0x01, 0x01, 0}))
        .hasMessageContaining("siblings");
    assertThatThrownBy(() -> Proof.fromBytes(new byte[] {0, 0, 2}))
        .hasMessageContaining("terminal");
    assertThat(Proof.verify(null, AuthenticatedStore.emptyRoot(), utf8("k"), null)).isFalse();
  }

  @Test
  void theEmptyStoreProvesEveryKeyAbsent() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      Proof proof = store.prove(utf8("anything"), 0);
      assertThat(proof.depth()).isZero();
      assertThat(proof.verify(AuthenticatedStore.emptyRoot(), utf8("anything"), null)).isTrue();
      assertThat(proof.verify(AuthenticatedStore.emptyRoot(), utf8("anything"), utf8("x")))
          .isFalse();
    }
  }

  @Test
  void aStoreWithOneKeyProvesItWithNoSiblings() {
    try (RocksStore store = RocksStore.open(dir, FAST)) {
      store.put(utf8("only"), utf8("one"));
      byte[] root = store.commit().rootHash();
      assertThat(store.prove(utf8("only"), 1).depth()).isZero();
      assertThat(store.prove(utf8("only"), 1).verify(root, utf8("only"), utf8("one"))).isTrue();
      Proof absent = store.prove(utf8("other"), 1);
      assertThat(absent.verify(root, utf8("other"), null)).isTrue();
      assertThat(absent.verify(root, utf8("only"), null)).isFalse();
    }
  }
}
