package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import com.dylibso.chicory.wasm.types.Value;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gas charged by small programs, computed by hand from the rule in cosmwasm-abi.md §6.2 (the
 * arithmetic is in the comments of gas_basics.wat and repeated here), on both engines.
 */
class InstrumentedGasTest {
  private static final long LIMIT = 1_000_000;

  static List<Arguments> cases() {
    return List.of(
        // name, args, expected result, expected gas
        Arguments.of("straight", new long[] {}, 12, 10), // 5 instructions
        Arguments.of("nested_block", new long[] {}, 6, 18), // 4 + 6 + 8
        Arguments.of("if_else", new long[] {1}, 33, 14), // body 8 + then 6
        Arguments.of("if_else", new long[] {0}, 60, 10), // body 8 + else 2
        Arguments.of("loop", new long[] {0}, 1, 18), // 4 + 14 x 1 (runs once)
        Arguments.of("loop", new long[] {1}, 1, 18), // 4 + 14 x 1
        Arguments.of("loop", new long[] {5}, 5, 74), // 4 + 14 x 5
        Arguments.of("loop", new long[] {100}, 100, 1404), // 4 + 14 x 100
        Arguments.of("br_out", new long[] {}, 7, 20), // 4 + 6 + 10
        Arguments.of("br_table", new long[] {0}, 100, 30), // 24 + 6
        Arguments.of("br_table", new long[] {1}, 200, 34), // 24 + 10
        Arguments.of("br_table", new long[] {2}, 300, 24), // 24
        Arguments.of("br_table", new long[] {7}, 300, 24), // default label
        Arguments.of("grow", new long[] {0}, 1, 4), // 4 + 0 pages
        Arguments.of("grow", new long[] {1}, 1, 4 + 8192), // 4 + 1 page
        Arguments.of("grow", new long[] {3}, 1, 4 + 3 * 8192), // 4 + 3 pages = 24580
        Arguments.of("call", new long[] {}, 42, 10), // 4 + callee 6
        Arguments.of("empty_block", new long[] {}, 0, 4)); // empty block has no prologue
  }

  @ParameterizedTest(name = "{0}{1} on {4}")
  @MethodSource("casesOnBothEngines")
  void chargesTheHandComputedGas(
      String function, long[] args, long result, long gas, Engine engine) {
    Metered m = Metered.of(Metered.instrumented("gas_basics"), engine).withGas(LIMIT);

    assertThat(m.callForLong(function, args)).isEqualTo(result);
    assertThat(LIMIT - m.gas()).isEqualTo(gas);
    assertThat(m.gasExhausted()).isZero();
    assertThat(m.stackHeight()).isZero();
  }

  static List<Arguments> casesOnBothEngines() {
    return cases().stream()
        .flatMap(
            a ->
                java.util.Arrays.stream(Engine.values())
                    .map(e -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], a.get()[3], e)))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void growChargesEvenWhenTheGrowFails(Engine engine) {
    // 70 000 pages exceed wasm32's 65 536: memory.grow returns -1, but the charge is made first.
    Metered m = Metered.of(Metered.instrumented("gas_basics"), engine).withGas(1L << 40);

    assertThat((int) m.callForLong("grow", 70_000)).isEqualTo(-1);
    assertThat((1L << 40) - m.gas()).isEqualTo(4 + 70_000L * 8192);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void growReadsPagesUnsigned(Engine engine) {
    // -1 as pages is 4 294 967 295 pages: 2^32 - 1 times 8192, which no limit below covers.
    Metered m = Metered.of(Metered.instrumented("gas_basics"), engine).withGas(1L << 44);

    assertThat(Traps.of(() -> m.call("grow", -1))).isTrue();
    assertThat(m.gasExhausted()).isEqualTo(0xFFFF_FFFFL * 8192);
    assertThat(m.gas()).isEqualTo((1L << 44) - 4); // the body's 4 was charged, the grow was not
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importsShiftIndicesAndAreNotGuarded(Engine engine) {
    ImportValues imports =
        ImportValues.builder()
            .addFunction(
                new HostFunction(
                    "env",
                    "host_add",
                    FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32)),
                    (inst, args) -> new long[] {args[0] + args[1]}),
                new HostFunction(
                    "env", "host_nop", FunctionType.of(List.of(), List.of()), (inst, args) -> null))
            .addGlobal(new ImportGlobal("env", "base", new GlobalInstance(Value.i32(1000))))
            .build();
    Metered m = Metered.of(Metered.instrumented("imports"), engine, imports).withGas(LIMIT);

    // bump twice: counter 3 then 6, each plus base 1000: 1003 + 1006, plus old size 1 from the grow
    assertThat(m.callForLong("run", 2)).isEqualTo(1003 + 1006 + 1);
    // run 12 + bump 16 x 2 + 2 pages x 8192
    assertThat(LIMIT - m.gas()).isEqualTo(12 + 2 * 16 + 2 * 8192);
    assertThat(m.stackHeight()).isZero();
  }
}
