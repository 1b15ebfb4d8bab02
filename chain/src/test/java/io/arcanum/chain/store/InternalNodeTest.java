package io.arcanum.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InternalNodeTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  private static ChildRef randomChild(Random random) {
    return random.nextInt(3) == 0
        ? null
        : new ChildRef(
            random.nextInt(100), TestData.randomBytes(random, 32, 32), random.nextBoolean());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void hashesReusedFromTheReplacedNodeEqualHashesComputedAfresh(long seed) {
    Random random = new Random(seed);
    ChildRef[] before = new ChildRef[InternalNode.WIDTH];
    for (int i = 0; i < before.length; i++) {
      before[i] = randomChild(random);
    }
    InternalNode previous = new InternalNode(before.clone());
    previous.hash(); // memoized, as a cached node's are
    ChildRef[] after = before.clone();
    for (int changes = random.nextInt(4); changes >= 0; changes--) {
      after[random.nextInt(after.length)] = randomChild(random);
    }
    InternalNode reusing = new InternalNode(after.clone(), previous);
    InternalNode fresh = new InternalNode(after.clone());
    for (int width = 1; width <= InternalNode.WIDTH; width *= 2) {
      for (int lo = 0; lo < InternalNode.WIDTH; lo += width) {
        assertThat(reusing.rangeHash(lo, lo + width))
            .as("slots %d..%d", lo, lo + width)
            .isEqualTo(fresh.rangeHash(lo, lo + width));
      }
    }
  }
}
