package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With ample gas, instrumented modules compute exactly what the originals compute: recursion,
 * br_table, memory traffic with sign extension, memory.grow and globals, on both engines.
 */
class SemanticsPreservedTest {
  private static final long AMPLE = 1L << 50;

  static List<Arguments> calls() {
    Random random = new Random(20_260_524L);
    List<Arguments> calls = new ArrayList<>();
    for (int n : new int[] {0, 1, 2, 10, 20}) {
      calls.add(Arguments.of("fib", new long[] {n}));
    }
    for (int i = -1; i < 6; i++) {
      calls.add(Arguments.of("switch", new long[] {i}));
    }
    for (int i = 0; i < 6; i++) {
      calls.add(Arguments.of("memory_sum", new long[] {random.nextInt(2000)}));
      calls.add(
          Arguments.of(
              "gcd", new long[] {random.nextLong() >>> 1, random.nextInt(1_000_000) + 1L}));
    }
    calls.add(Arguments.of("memory_sum", new long[] {200}));
    calls.add(Arguments.of("grow_size", new long[] {0}));
    calls.add(Arguments.of("grow_size", new long[] {5}));
    calls.add(Arguments.of("grow_size", new long[] {-1}));
    List<Arguments> withEngines = new ArrayList<>();
    for (Arguments call : calls) {
      for (Engine engine : Engine.values()) {
        withEngines.add(Arguments.of(call.get()[0], call.get()[1], engine));
      }
    }
    return withEngines;
  }

  @ParameterizedTest(name = "{0}{1} on {2}")
  @MethodSource("calls")
  void sameResultsAsTheOriginal(String function, long[] args, Engine engine) {
    Metered original = Metered.of(Metered.resource("semantics"), engine);
    Metered instrumented = Metered.of(Metered.instrumented("semantics"), engine).withGas(AMPLE);

    long[] expected = original.call(function, args);
    long[] actual = instrumented.call(function, args);

    assertThat(actual).isEqualTo(expected);
    assertThat(instrumented.callForLong("calls")).isEqualTo(original.callForLong("calls"));
    assertThat(instrumented.instance().memory().pages())
        .isEqualTo(original.instance().memory().pages());
    assertThat(instrumented.instance().memory().readBytes(0, 4096))
        .isEqualTo(original.instance().memory().readBytes(0, 4096));
    assertThat(instrumented.gas()).isLessThan(AMPLE);
    assertThat(instrumented.stackHeight()).isZero();
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("callsOnTheCompiler")
  void chargedGasIsTheSameOnBothEngines(String function, long[] args, Engine ignored) {
    Metered interpreted = Metered.of(Metered.instrumented("semantics"), Engine.INTERPRETER);
    Metered compiled = Metered.of(Metered.instrumented("semantics"), Engine.COMPILER);
    interpreted.withGas(AMPLE).call(function, args);
    compiled.withGas(AMPLE).call(function, args);

    assertThat(compiled.gas()).isEqualTo(interpreted.gas());
  }

  static List<Arguments> callsOnTheCompiler() {
    return calls().stream().filter(a -> a.get()[2] == Engine.COMPILER).toList();
  }
}
