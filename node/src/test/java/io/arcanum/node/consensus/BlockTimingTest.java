package io.arcanum.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The solo driver's timing decisions as pure functions of the clock. */
class BlockTimingTest {
  static final long MS = 1_000_000L;
  final BlockTiming timing = new BlockTiming(Duration.ofSeconds(1), Duration.ofMillis(200));

  @Test
  void anIdleChainMakesABlockEveryInterval() {
    assertThat(timing.delayNanos(0, 0, 0)).isEqualTo(1000 * MS);
    assertThat(timing.delayNanos(300 * MS, 0, 0)).isEqualTo(700 * MS);
    assertThat(timing.delayNanos(1500 * MS, 0, 0)).isZero(); // late: at once
  }

  @Test
  void aWaitingTxGetsABlockAfterTheMinimumInterval() {
    assertThat(timing.delayNanos(50 * MS, 0, 1)).isEqualTo(150 * MS);
    assertThat(timing.delayNanos(200 * MS, 0, 3)).isZero();
    assertThat(timing.delayNanos(900 * MS, 0, 1)).isZero();
  }

  @Test
  void aClockThatJumpsIsNeverWaitedOut() {
    // The wall clock went back an hour: wait one interval at most, not an hour.
    assertThat(timing.delayNanos(0, 3_600_000 * MS, 0)).isEqualTo(1000 * MS);
  }

  @Test
  void blockTimeNeverGoesBackwards() {
    Random random = new Random(11);
    long last = 1_000_000 * MS;
    for (int i = 0; i < 1000; i++) {
      long now = last + (random.nextInt(2000) - 1000) * MS; // the clock jitters both ways
      long time = BlockTiming.blockTimeNanos(now, last);
      assertThat(time).isGreaterThan(last).isGreaterThanOrEqualTo(now);
      last = time;
    }
  }

  @Test
  void nonsenseTimingsAreRefused() {
    assertThatThrownBy(() -> new BlockTiming(Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new BlockTiming(Duration.ofMillis(10), Duration.ofMillis(20)))
        .hasMessageContaining("minimum");
    assertThatThrownBy(() -> new BlockLimits(0, 100)).hasMessageContaining("tx");
    assertThatThrownBy(() -> new BlockLimits(1, 0)).hasMessageContaining("byte");
  }
}
