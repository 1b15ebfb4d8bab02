package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.Parser;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The instrumentation on what rustc actually emits (realistic.rs: an allocator that grows memory,
 * vtables behind call_indirect, a shadow stack, element and data segments, custom sections).
 */
class RealisticModuleTest {
  private static final long AMPLE = 1L << 50;
  private static byte[] original;
  private static byte[] instrumented;
  private static Metered.Prepared interpreter;
  private static Metered.Prepared compiler;
  private static Metered.Prepared originalCompiled;
  private static Metered.Prepared originalInterpreted;

  @BeforeAll
  static void prepare() {
    original = Metered.resource("realistic");
    instrumented = Instrumenter.instrument(original, InstrumentationOptions.defaults());
    interpreter = Metered.Prepared.of(instrumented, Engine.INTERPRETER);
    compiler = Metered.Prepared.of(instrumented, Engine.COMPILER);
    originalInterpreted = Metered.Prepared.of(original, Engine.INTERPRETER);
    originalCompiled = Metered.Prepared.of(original, Engine.COMPILER);
  }

  @Test
  void customSectionsSurviveByteForByte() {
    List<RawSections.Raw> before =
        RawSections.of(original).sections().stream().filter(s -> s.id() == 0).toList();
    List<RawSections.Raw> after =
        RawSections.of(instrumented).sections().stream().filter(s -> s.id() == 0).toList();

    assertThat(before).hasSize(2); // name, producers
    assertThat(after).isEqualTo(before);
    assertThat(Parser.parse(instrumented).nameSection().nameOfFunction(10)).isEqualTo("sort_sum");
  }

  @ParameterizedTest(name = "{0}({1}, {2})")
  @CsvSource({
    "sort_sum, 1000, 12345",
    "sort_sum, 0, 1",
    "shapes, 500, 0",
    "depth, 1000, 0",
    "words, 50, 0",
    "churn, 3, 0",
  })
  void sameResultsAndSameGasOnBothEngines(String function, long a, long b) {
    long[] args = function.equals("sort_sum") ? new long[] {a, b} : new long[] {a};
    long[] expected = BigStack.run(() -> originalInterpreted.instantiate().call(function, args));
    long[] expectedCompiled =
        BigStack.run(() -> originalCompiled.instantiate().call(function, args));
    assertThat(expectedCompiled).isEqualTo(expected);

    Metered i = interpreter.instantiate().withGas(AMPLE);
    Metered c = compiler.instantiate().withGas(AMPLE);
    assertThat(BigStack.run(() -> i.call(function, args))).isEqualTo(expected);
    assertThat(BigStack.run(() -> c.call(function, args))).isEqualTo(expected);

    assertThat(c.gas()).isEqualTo(i.gas()).isLessThan(AMPLE);
    assertThat(c.stackHeight()).isZero();
    assertThat(i.instance().memory().pages()).isEqualTo(c.instance().memory().pages());
  }

  @Test
  void growingMemoryIsCharged() {
    Metered m = compiler.instantiate().withGas(AMPLE);
    int pagesBefore = m.instance().memory().pages();
    m.call("churn", 3);
    int grown = m.instance().memory().pages() - pagesBefore;

    assertThat(grown).isGreaterThanOrEqualTo(16); // at least one 1 MiB vector
    assertThat(AMPLE - m.gas()).isGreaterThan(grown * GasCosts.GROW_COST_PER_PAGE);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void deepRecursionHitsTheBoundNotTheJvmStack(Engine engine) {
    Metered m = (engine == Engine.COMPILER ? compiler : interpreter).instantiate().withGas(AMPLE);

    boolean trapped = BigStack.run(() -> Traps.of(() -> m.call("depth", 1_000_000)));

    assertThat(trapped).isTrue();
    assertThat(m.stackExhausted()).isEqualTo(1);
    assertThat(m.gasExhausted()).isZero();
    assertThat(m.stackHeight()).isGreaterThan(InstrumentationOptions.DEFAULT_MAX_STACK_HEIGHT);
  }

  @Test
  void bothEnginesRunOutOfGasAtTheSamePoint() {
    Metered probe = compiler.instantiate().withGas(AMPLE);
    probe.call("words", 20);
    long needed = AMPLE - probe.gas();
    Random random = new Random(7);
    for (long limit :
        List.of(needed, needed - 1, needed / 2, (long) (needed * random.nextDouble()), 1L)) {
      Metered i = interpreter.instantiate().withGas(limit);
      Metered c = compiler.instantiate().withGas(limit);
      boolean trappedI = Traps.of(() -> i.call("words", 20));
      boolean trappedC = Traps.of(() -> c.call("words", 20));

      assertThat(trappedC).as("limit %d", limit).isEqualTo(trappedI).isEqualTo(limit < needed);
      assertThat(c.gas()).as("limit %d", limit).isEqualTo(i.gas());
      assertThat(c.gasExhausted()).as("limit %d", limit).isEqualTo(i.gasExhausted());
    }
  }
}
