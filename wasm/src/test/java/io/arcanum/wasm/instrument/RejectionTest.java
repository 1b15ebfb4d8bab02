package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything outside MVP + sign-extension is refused with a message naming the instruction, its
 * encoding and the function, as are modules that already export a reserved name.
 */
class RejectionTest {

  @ParameterizedTest(name = "{0}: {1} ({2}) in function {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "reject_simd              | SIMD instruction           | 0xFD 0x0C | 1  | SIMD",
        "reject_memory_copy       | memory.copy                | 0xFC 0x0A | 2  | bulk memory",
        "reject_trunc_sat         | i32.trunc_sat_f32_s        | 0xFC 0x00 | 0  | non-trapping",
        "reject_tail_call         | return_call                | 0x12      | 0  | tail calls",
        "reject_ref_null          | ref.null                   | 0xD0      | 0  | reference types",
        "reject_multi_value_block | block type by type index 1 | 0x02      | 0  | multi-value",
      })
  void unsupportedInstructionsNameOpcodeAndFunction(
      String module, String name, String opcode, int function, String feature) {
    assertThatThrownBy(
            () ->
                Instrumenter.instrument(
                    Metered.resource(module), InstrumentationOptions.defaults()))
        .isInstanceOfSatisfying(
            UnsupportedInstructionException.class,
            e -> {
              assertThat(e.opcode()).isEqualTo(opcode);
              assertThat(e.functionIndex()).isEqualTo(function);
              assertThat(e.getMessage())
                  .contains("function " + function + ":", name, opcode, feature, "MVP");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "reject_externref_table, table of non-funcref type, 0x6F",
    "reject_two_tables, second table, 0x70"
  })
  void tablesOutsideMvpAreRefused(String module, String name, String opcode) {
    assertThatThrownBy(
            () ->
                Instrumenter.instrument(
                    Metered.resource(module), InstrumentationOptions.defaults()))
        .isInstanceOfSatisfying(
            UnsupportedInstructionException.class,
            e -> {
              assertThat(e.opcode()).isEqualTo(opcode);
              assertThat(e.functionIndex()).isEqualTo(-1);
              assertThat(e.getMessage()).contains(name, "reference types");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"reject_exceptions"})
  void exceptionHandlingIsRefusedAtItsTagSection(String module) {
    assertThatThrownBy(
            () ->
                Instrumenter.instrument(
                    Metered.resource(module), InstrumentationOptions.defaults()))
        .isInstanceOf(UnsupportedInstructionException.class)
        .hasMessageContaining("tag section")
        .hasMessageContaining("exception handling");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        GasCosts.GAS_LIMIT_EXPORT,
        GasCosts.GAS_EXHAUSTED_EXPORT,
        GasCosts.STACK_HEIGHT_EXPORT,
        GasCosts.STACK_EXHAUSTED_EXPORT
      })
  void reservedExportNamesAreRefused(String name) {
    // reject_reserved_export.wasm exports "gas_limit"; rename it in place to each reserved name
    byte[] wasm = withExportName(Metered.resource("reject_reserved_export"), name);

    assertThatThrownBy(() -> Instrumenter.instrument(wasm, InstrumentationOptions.defaults()))
        .isInstanceOf(InstrumentationException.class)
        .isNotInstanceOf(UnsupportedInstructionException.class)
        .hasMessageContaining("\"" + name + "\"")
        .hasMessageContaining("reserves");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gas_basics", "realistic"})
  void instrumentingTwiceIsRefused(String name) {
    byte[] once = Metered.instrumented(name);

    assertThatThrownBy(() -> Instrumenter.instrument(once, InstrumentationOptions.defaults()))
        .isInstanceOf(InstrumentationException.class)
        .hasMessageContaining("already exports \"gas_limit\"");
  }

  /** The module with its only export (named "gas_limit") renamed; sizes are patched. */
  private static byte[] withExportName(byte[] wasm, String name) {
    String old = GasCosts.GAS_LIMIT_EXPORT;
    int at = indexOf(wasm, old.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    int delta = name.length() - old.length();
    byte[] out = new byte[wasm.length + delta];
    System.arraycopy(wasm, 0, out, 0, at);
    System.arraycopy(
        name.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, at, name.length());
    System.arraycopy(
        wasm, at + old.length(), out, at + name.length(), wasm.length - at - old.length());
    // export section layout: 07 size count len name...; all values here are one-byte LEB128
    out[at - 1] = (byte) name.length();
    out[at - 3] = (byte) (out[at - 3] + delta);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
