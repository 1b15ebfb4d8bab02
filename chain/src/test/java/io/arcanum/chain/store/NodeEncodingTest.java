package io.arcanum.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodeEncodingTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 5);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void nodeKeysRoundTripAtEveryPathLength(long seed) {
    Random random = new Random(seed);
    byte[] keyHash = TestData.randomBytes(random, 32, 32);
    NibblePath walked = NibblePath.ROOT;
    for (int length = 0; length <= NibblePath.MAX_LENGTH; length++) {
      NibblePath path = NibblePath.prefixOf(keyHash, length);
      assertThat(path).isEqualTo(walked).hasSameHashCodeAs(walked);
      for (int i = 0; i < length; i++) {
        assertThat(path.nibble(i)).isEqualTo(TreeHash.nibble(keyHash, i));
      }
      NodeKey key = new NodeKey(random.nextLong() >>> 1, path);
      assertThat(NodeKey.decode(key.encode())).isEqualTo(key);
      if (length < NibblePath.MAX_LENGTH) {
        walked = walked.child(TreeHash.nibble(keyHash, length));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void nodeKeysSortByVersionFirst(long seed) {
    Random random = new Random(seed);
    byte[] a = TestData.randomBytes(random, 32, 32);
    byte[] b = TestData.randomBytes(random, 32, 32);
    long version = random.nextInt(1 << 30);
    byte[] earlier = new NodeKey(version, NibblePath.prefixOf(a, 40)).encode();
    byte[] later = new NodeKey(version + 1, NibblePath.prefixOf(b, 1)).encode();
    assertThat(Arrays.compareUnsigned(earlier, later)).isNegative();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void nodesRoundTripThroughTheirBytes(long seed) {
    Random random = new Random(seed);
    LeafNode leaf =
        LeafNode.of(TestData.randomBytes(random, 1, 50), TestData.randomBytes(random, 1, 300));
    LeafNode decodedLeaf = (LeafNode) NodeCodec.decode(NodeCodec.encode(leaf));
    assertThat(decodedLeaf.key()).isEqualTo(leaf.key());
    assertThat(decodedLeaf.value()).isEqualTo(leaf.value());
    assertThat(decodedLeaf.hash()).isEqualTo(leaf.hash());

    ChildRef[] children = new ChildRef[InternalNode.WIDTH];
    for (int i = 0; i < InternalNode.WIDTH; i++) {
      if (random.nextBoolean()) {
        children[i] =
            new ChildRef(
                random.nextInt(1000), TestData.randomBytes(random, 32, 32), random.nextBoolean());
      }
    }
    InternalNode node = new InternalNode(children);
    InternalNode decoded = (InternalNode) NodeCodec.decode(NodeCodec.encode(node));
    assertThat(decoded.hash()).isEqualTo(node.hash());
    for (int i = 0; i < InternalNode.WIDTH; i++) {
      assertThat(decoded.child(i) == null).isEqualTo(children[i] == null);
      if (children[i] != null) {
        assertThat(decoded.child(i).version()).isEqualTo(children[i].version());
        assertThat(decoded.child(i).hash()).isEqualTo(children[i].hash());
        assertThat(decoded.child(i).leaf()).isEqualTo(children[i].leaf());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aPathWithANonZeroPaddingNibbleIsRefused(long seed) {
    byte[] hash = TestData.randomBytes(new Random(seed), 32, 32);
    byte[] encoded = new NodeKey(7, NibblePath.prefixOf(hash, 3)).encode();
    encoded[encoded.length - 1] |= 0x01;
    assertThatThrownBy(() -> NodeKey.decode(encoded)).hasMessageContaining("padding");
  }
}
