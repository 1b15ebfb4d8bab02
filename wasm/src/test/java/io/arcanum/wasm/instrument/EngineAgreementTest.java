package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Out of gas is decided by wasm globals, not by the engine: for any limit, the interpreter and the
 * compiler trap at the same point, with the same remaining gas and the same {@code
 * gas_limit_exhausted}, and trap exactly when the limit is below what the run needs.
 */
class EngineAgreementTest {
  private static final int ITERATIONS = 40;
  private static Metered.Prepared interpreter;
  private static Metered.Prepared compiler;
  private static long needed;

  @BeforeAll
  static void prepare() {
    byte[] wasm = Metered.instrumented("loop_heavy");
    interpreter = Metered.Prepared.of(wasm, Engine.INTERPRETER);
    compiler = Metered.Prepared.of(wasm, Engine.COMPILER);
    Metered m = compiler.instantiate().withGas(Long.MAX_VALUE);
    m.call("run", ITERATIONS);
    needed = Long.MAX_VALUE - m.gas();
  }

  @Test
  void bothEnginesNeedTheSameGas() {
    Metered m = interpreter.instantiate().withGas(Long.MAX_VALUE);
    m.call("run", ITERATIONS);

    assertThat(Long.MAX_VALUE - m.gas()).isEqualTo(needed);
    // 40 outer iterations of 16 inner ones: the inner loop body alone is charged 640 times
    assertThat(needed).isGreaterThan(640 * 2 * 20);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void trapIffLimitBelowNeededAtTheSamePointInBothEngines(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 25; round++) {
      long limit = limit(random, round);
      Outcome a = run(interpreter, limit);
      Outcome b = run(compiler, limit);

      String context = "seed " + seed + ", limit " + limit + ", needed " + needed;
      assertThat(b).as(context).isEqualTo(a);
      assertThat(a.trapped()).as(context).isEqualTo(limit < needed);
      if (a.trapped()) {
        assertThat(a.exhausted()).as(context).isGreaterThan(a.remaining());
      } else {
        assertThat(a.remaining()).as(context).isEqualTo(limit - needed);
        assertThat(a.exhausted()).as(context).isZero();
      }
    }
  }

  /** Mostly near the boundary, sometimes anywhere below 1.5 x needed, sometimes exactly on it. */
  private static long limit(Random random, int round) {
    return switch (round % 5) {
      case 0 -> needed;
      case 1 -> needed - 1 - random.nextInt(40);
      case 2 -> needed + random.nextInt(40);
      default -> (long) (random.nextDouble() * needed * 1.5);
    };
  }

  private record Outcome(boolean trapped, long result, long remaining, long exhausted) {}

  private static Outcome run(Metered.Prepared prepared, long limit) {
    Metered m = prepared.instantiate().withGas(limit);
    long[] result = new long[1];
    boolean trapped = Traps.of(() -> result[0] = m.callForLong("run", ITERATIONS));
    return new Outcome(trapped, result[0], m.gas(), m.gasExhausted());
  }
}
