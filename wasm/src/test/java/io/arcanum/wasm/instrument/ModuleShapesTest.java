package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Modules of every shape come out valid: missing sections are created in section order, every
 * section the instrumentation does not extend is kept byte for byte, and nothing changes index.
 */
class ModuleShapesTest {
  private static final List<Integer> EXTENDED =
      List.of(1, 3, 6, 7, 10); // type func global export code

  private static byte[] instrument(byte[] wasm) {
    return Instrumenter.instrument(wasm, InstrumentationOptions.defaults());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "empty",
        "no_exports",
        "types_only",
        "named",
        "gas_basics",
        "imports",
        "recursion",
        "semantics",
        "loop_heavy",
        "realistic"
      })
  void otherSectionsAreKeptByteForByteAndTheFourGlobalsAreExported(String name) {
    byte[] original = Metered.resource(name);
    byte[] instrumented = instrument(original);

    List<RawSections.Raw> kept =
        RawSections.of(original).sections().stream()
            .filter(s -> !EXTENDED.contains(s.id()))
            .toList();
    List<RawSections.Raw> keptAfter =
        RawSections.of(instrumented).sections().stream()
            .filter(s -> !EXTENDED.contains(s.id()))
            .toList();
    assertThat(keptAfter).containsExactlyElementsOf(kept);

    WasmModule module = Parser.parse(instrumented);
    WasmModule before = Parser.parse(original);
    int exports = module.exportSection().exportCount();
    assertThat(exports).isEqualTo(before.exportSection().exportCount() + 4);
    int globalsBefore =
        before.globalSection().globalCount() + countImports(before, ExternalType.GLOBAL);
    for (int i = 0; i < 4; i++) {
      var export = module.exportSection().getExport(exports - 4 + i);
      assertThat(export.exportType()).isEqualTo(ExternalType.GLOBAL);
      assertThat(export.index()).isEqualTo(globalsBefore + i);
    }
    assertThat(
            IntStream.range(exports - 4, exports)
                .mapToObj(i -> module.exportSection().getExport(i).name()))
        .containsExactly(
            GasCosts.GAS_LIMIT_EXPORT,
            GasCosts.GAS_EXHAUSTED_EXPORT,
            GasCosts.STACK_HEIGHT_EXPORT,
            GasCosts.STACK_EXHAUSTED_EXPORT);
  }

  private static int countImports(WasmModule module, ExternalType type) {
    var imports = module.importSection();
    return (int)
        IntStream.range(0, imports.importCount())
            .filter(i -> imports.getImport(i).importType() == type)
            .count();
  }

  @ParameterizedTest
  @ValueSource(strings = {"realistic", "gas_basics"})
  void theOutputDependsOnlyOnTheInputAndTheOptions(String name) {
    byte[] wasm = Metered.resource(name);

    assertThat(instrument(wasm.clone())).isEqualTo(instrument(wasm.clone()));
    assertThat(Instrumenter.instrument(wasm, new InstrumentationOptions(1000)))
        .isNotEqualTo(instrument(wasm));
  }

  @Test
  void anEmptyModuleGainsGlobalAndExportSectionsOnly() {
    byte[] instrumented = instrument(Metered.resource("empty"));

    assertThat(RawSections.of(instrumented).ids()).containsExactly(6, 7);
    Metered m = Metered.of(instrumented, Engine.INTERPRETER).withGas(77);
    assertThat(m.gas()).isEqualTo(77);
    assertThat(m.gasExhausted()).isZero();
  }

  @Test
  void createdSectionsGoInSectionOrder() {
    // no_exports: type, function, code. The global and export sections belong between function and
    // code; custom sections before, between and after stay where they were.
    List<RawSections.Raw> sections =
        new ArrayList<>(RawSections.of(Metered.resource("no_exports")).sections());
    sections.add(0, RawSections.custom("first", new byte[] {1}));
    sections.add(3, RawSections.custom("middle", new byte[] {2, 2}));
    sections.add(RawSections.custom("last", new byte[] {3, 3, 3}));
    byte[] wasm = RawSections.assemble(sections);
    assertThat(RawSections.of(wasm).ids()).containsExactly(0, 1, 3, 0, 10, 0);

    byte[] instrumented = instrument(wasm);

    assertThat(RawSections.of(instrumented).ids()).containsExactly(0, 1, 3, 0, 6, 7, 10, 0);
    WasmModule module = Parser.parse(instrumented);
    assertThat(module.customSections()).hasSize(3);
    assertThat(Instrumenter.sequenceCosts(instrumented)).hasNumberOfRows(1);
  }

  @Test
  void modulesWithoutMemoryGrowGetNoExtraFunctionOrType() {
    byte[] original = Metered.resource("recursion");
    WasmModule module = Parser.parse(instrument(original));
    WasmModule before = Parser.parse(original);

    assertThat(module.functionSection().functionCount())
        .isEqualTo(before.functionSection().functionCount());
    assertThat(module.typeSection().typeCount()).isEqualTo(before.typeSection().typeCount());
  }

  @Test
  void memoryGrowAddsOneFunctionAtTheEndOfTheIndexSpaceAndOneType() {
    byte[] original = Metered.resource("imports");
    WasmModule module = Parser.parse(instrument(original));
    WasmModule before = Parser.parse(original);

    int defined = before.functionSection().functionCount();
    assertThat(module.functionSection().functionCount()).isEqualTo(defined + 1);
    int types = before.typeSection().typeCount();
    assertThat(module.typeSection().typeCount()).isEqualTo(types + 1);
    assertThat(module.functionSection().getFunctionType(defined)).isEqualTo(types);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theNameSectionStaysValid(Engine engine) {
    byte[] original = Metered.resource("named");
    byte[] instrumented = instrument(original);

    var names = Parser.parse(instrumented).nameSection();
    assertThat(names.nameOfFunction(0)).isEqualTo("increment");
    assertThat(names.nameOfFunction(1)).isEqualTo("twice");
    assertThat(names.nameOfLocal(0, 1)).isEqualTo("old");
    Metered m = Metered.of(instrumented, engine).withGas(10_000);
    assertThat(m.callForLong("increment", 5)).isZero(); // old value 0, doubled
    assertThat(m.callForLong("increment", 5)).isEqualTo(10);
    assertThat(m.callForLong("grow", 1)).isEqualTo(1);
    assertThat(m.instance().memory().readBytes(0, 5)).asString().isEqualTo("named");
    // increment: 7 instructions = 14, plus twice's 3 = 6, twice over; grow 4 + 8192
    assertThat(m.gas()).isEqualTo(10_000 - 2 * (14 + 6) - (4 + 8192));
    // a second page no longer fits: the body's 4 is charged, then the grow charge traps
    assertThat(Traps.of(() -> m.call("grow", 1))).isTrue();
    assertThat(m.gasExhausted()).isEqualTo(8192);
    assertThat(m.gas()).isEqualTo(10_000 - 2 * (14 + 6) - (4 + 8192) - 4);
    assertThat(m.instance().memory().pages()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDataCountSectionIsKept(Engine engine) {
    // named.wasm has one data segment: add the (optional) data count section before the code
    List<RawSections.Raw> sections =
        new ArrayList<>(RawSections.of(Metered.resource("named")).sections());
    int code = sections.stream().map(RawSections.Raw::id).toList().indexOf(10);
    RawSections.Raw dataCount = new RawSections.Raw(12, new byte[] {12, 1, 1});
    sections.add(code, dataCount);

    byte[] instrumented = instrument(RawSections.assemble(sections));

    assertThat(RawSections.of(instrumented).sections()).contains(dataCount);
    assertThat(Parser.parse(instrumented).dataCountSection()).isPresent();
    Metered m = Metered.of(instrumented, engine).withGas(1000);
    assertThat(m.callForLong("increment", 3)).isZero();
  }
}
