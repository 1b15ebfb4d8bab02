package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.runtime.TrapException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The call-depth bound is deterministic: recursion traps through {@code unreachable} with {@code
 * arcanum_stack_exhausted = 1} at exactly the same height on both engines, never with a JVM stack
 * overflow. Weights in recursion.wat: $infinite, $bounded, $indirect 2; $heavy 10; $leaf,
 * $leaf_indirect 1; call_indirect of (i32) -> i32 weighs 10 (its heaviest function, $heavy).
 */
class CallDepthBoundTest {
  private static final long GAS = 1L << 50;
  private static final int LIMIT = InstrumentationOptions.DEFAULT_MAX_STACK_HEIGHT;

  private static Metered fresh(Engine engine, InstrumentationOptions options) {
    byte[] wasm = Instrumenter.instrument(Metered.resource("recursion"), options);
    return Metered.of(wasm, engine).withGas(GAS);
  }

  @Test
  void weightsAreOnePlusParamsPlusLocals() {
    assertThat(Instrumenter.frameWeights(Metered.resource("recursion")))
        .containsExactly(2, 2, 2, 10, 1, 1);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void infiniteRecursionTrapsAtTheLimit(Engine engine) {
    Metered m = fresh(engine, InstrumentationOptions.defaults());

    BigStack.run(
        () -> assertThatThrownBy(() -> m.call("infinite", 0)).isInstanceOf(TrapException.class));

    assertThat(m.stackExhausted()).isEqualTo(1);
    // weight 2 per call: the 8 193rd call takes the height from 16 384 to 16 386 > 16 384
    assertThat(m.stackHeight()).isEqualTo(LIMIT + 2);
    assertThat(m.gasExhausted()).isZero();
  }

  @Test
  void bothEnginesStopWithTheSameHeightAndGas() {
    Map<Engine, long[]> seen = new EnumMap<>(Engine.class);
    for (Engine engine : Engine.values()) {
      Metered m = fresh(engine, InstrumentationOptions.defaults());
      BigStack.run(() -> Traps.of(() -> m.call("infinite", 0)));
      seen.put(engine, new long[] {m.stackHeight(), m.stackExhausted(), m.gas()});
    }
    assertThat(seen.get(Engine.COMPILER)).isEqualTo(seen.get(Engine.INTERPRETER));
  }

  @ParameterizedTest(name = "{0}({1}) on {2}: ok = {3}")
  @CsvSource({
    // 2 x 8192 = 16 384 is the limit itself: allowed; one more level exceeds it
    "bounded, 8192, INTERPRETER, true",
    "bounded, 8192, COMPILER, true",
    "bounded, 8193, INTERPRETER, false",
    "bounded, 8193, COMPILER, false",
    // call_indirect of (i32) -> i32 weighs 10: 1 638 levels = 16 380, 1 639 = 16 390
    "indirect, 1638, INTERPRETER, true",
    "indirect, 1638, COMPILER, true",
    "indirect, 1639, INTERPRETER, false",
    "indirect, 1639, COMPILER, false",
  })
  void boundedRecursionSucceedsUpToTheLimit(
      String function, int depth, Engine engine, boolean succeeds) {
    Metered m = fresh(engine, InstrumentationOptions.defaults());

    long[] result = new long[1];
    boolean trapped =
        BigStack.run(() -> Traps.of(() -> result[0] = m.callForLong(function, depth)));

    assertThat(trapped).isEqualTo(!succeeds);
    assertThat(m.stackExhausted()).isEqualTo(succeeds ? 0 : 1);
    if (succeeds) {
      assertThat(result[0]).isEqualTo(depth);
      assertThat(m.stackHeight()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theLimitIsConfigurable(Engine engine) {
    InstrumentationOptions options = new InstrumentationOptions(100);

    Metered ok = fresh(engine, options);
    assertThat(ok.callForLong("bounded", 50)).isEqualTo(50);

    Metered deep = fresh(engine, options);
    assertThat(Traps.of(() -> deep.call("bounded", 51))).isTrue();
    assertThat(deep.stackExhausted()).isEqualTo(1);
    assertThat(deep.stackHeight()).isEqualTo(102);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFrameHeavierThanTheLimitNeverRuns(Engine engine) {
    // $heavy weighs 10: with a limit of 9 even one call_indirect of its type traps
    Metered m = fresh(engine, new InstrumentationOptions(9));

    assertThat(Traps.of(() -> m.call("indirect", 1))).isTrue();
    assertThat(m.stackExhausted()).isEqualTo(1);
    assertThat(m.stackHeight()).isEqualTo(10); // weights are capped at limit + 1
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "leaf, INTERPRETER",
    "leaf, COMPILER",
    "leaf_indirect, INTERPRETER",
    "leaf_indirect, COMPILER"
  })
  void weightOneChainsTrapWithinTheRecommendedThreadStack(String function, Engine engine) {
    // The worst case for the JVM stack: 16 385 frames of weight 1. On the thread stack the options
    // recommend (64 MiB), the bound must trip before the JVM runs out.
    InstrumentationOptions options = InstrumentationOptions.defaults();
    Metered m = fresh(engine, options);

    boolean trapped =
        BigStack.run(() -> Traps.of(() -> m.call(function)), options.recommendedThreadStackBytes());

    assertThat(trapped).isTrue();
    assertThat(m.stackExhausted()).isEqualTo(1);
    assertThat(m.stackHeight()).isEqualTo(LIMIT + 1);
  }

  @Test
  void recommendedThreadStackScalesWithTheLimit() {
    assertThat(InstrumentationOptions.defaults().recommendedThreadStackBytes())
        .isEqualTo(64L << 20);
    assertThat(new InstrumentationOptions(1).recommendedThreadStackBytes()).isEqualTo(1L << 20);
  }

  @Test
  void optionsRejectLimitsOutOfRange() {
    assertThatThrownBy(() -> new InstrumentationOptions(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstrumentationOptions((1 << 30) + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
