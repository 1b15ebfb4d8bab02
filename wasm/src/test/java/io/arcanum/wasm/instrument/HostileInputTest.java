package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.wasm.Parser;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input fails with an {@link InstrumentationException} that says what is wrong, never
 * with an {@link ArrayIndexOutOfBoundsException}, an {@link OutOfMemoryError} or silently.
 */
class HostileInputTest {
  private static final int[] TYPE_VOID = {0x01, 0x04, 0x01, 0x60, 0x00, 0x00};
  private static final int[] ONE_FUNCTION = {0x03, 0x02, 0x01, 0x00};

  /** A module of one () -> () function with the given body (locals + expression). */
  private static byte[] withBody(int... body) {
    return module(TYPE_VOID, ONE_FUNCTION, code(body));
  }

  private static int[] code(int... body) {
    int[] section = new int[body.length + 4];
    section[0] = 0x0A;
    section[1] = body.length + 2;
    section[2] = 0x01;
    section[3] = body.length;
    System.arraycopy(body, 0, section, 4, body.length);
    return section;
  }

  private static byte[] module(int[]... sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ModuleInfo.HEADER);
    for (int[] section : sections) {
      for (int b : section) {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  static List<Arguments> malformed() {
    return List.of(
        Arguments.of(
            "6-byte i32.const",
            withBody(0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x1A, 0x0B),
            "function 0: malformed signed LEB128"),
        Arguments.of(
            "bogus section size",
            module(new int[] {0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F}),
            "malformed unsigned LEB128"),
        Arguments.of(
            "section past the end",
            module(new int[] {0x01, 0x10, 0x01, 0x60}),
            "runs past the end"),
        Arguments.of("no end", withBody(0x00, 0x41, 0x01, 0x1A), "function 0: body ends inside 1"),
        Arguments.of(
            "unclosed block", withBody(0x00, 0x02, 0x40, 0x01, 0x0B), "body ends inside 1"),
        Arguments.of("bytes after end", withBody(0x00, 0x0B, 0x01), "after the final end"),
        Arguments.of("else without if", withBody(0x00, 0x05, 0x0B), "else without a matching if"),
        Arguments.of(
            "else in a block",
            withBody(0x00, 0x02, 0x40, 0x05, 0x0B, 0x0B),
            "else without a matching if"),
        Arguments.of("call out of range", withBody(0x00, 0x10, 0x05, 0x0B), "call to function 5"),
        Arguments.of(
            "call_indirect type out of range",
            withBody(0x00, 0x41, 0x00, 0x11, 0x07, 0x00, 0x0B),
            "call_indirect with type 7"),
        Arguments.of("truncated memarg", withBody(0x00, 0x41, 0x00, 0x28, 0x02), "end of data"),
        Arguments.of(
            "truncated f64.const", withBody(0x00, 0x44, 0x00, 0x00, 0x00), "runs past the end"),
        Arguments.of(
            "br_table of 4 billion labels",
            withBody(0x00, 0x41, 0x00, 0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00),
            "end of data"),
        Arguments.of(
            "invalid block type", withBody(0x00, 0x02, 0x50, 0x0B, 0x0B), "invalid block type"),
        Arguments.of(
            "invalid local type", withBody(0x01, 0x01, 0x55, 0x0B), "invalid local value type"),
        Arguments.of(
            "bodies without a function section",
            module(TYPE_VOID, code(0x00, 0x0B)),
            "code section: 1 bodies but the function section declares 0"),
        Arguments.of(
            "functions without bodies", module(TYPE_VOID, ONE_FUNCTION), "no code section"),
        Arguments.of(
            "huge code count",
            module(TYPE_VOID, ONE_FUNCTION, new int[] {0x0A, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F}),
            "code section: count or index 4294967295 too large"),
        Arguments.of(
            "huge function count",
            module(TYPE_VOID, new int[] {0x03, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x07}),
            "function section: count 2147483647 exceeds the section size"),
        Arguments.of(
            "huge type count",
            module(new int[] {0x01, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x07}),
            "type section: unexpected end of data"),
        Arguments.of(
            "type index out of range",
            module(TYPE_VOID, new int[] {0x03, 0x02, 0x01, 0x03}),
            "function section: function 0 uses type 3 but there are 1 types"),
        Arguments.of("out of order", module(ONE_FUNCTION, TYPE_VOID), "duplicated or out of order"),
        Arguments.of("duplicate", module(TYPE_VOID, TYPE_VOID), "duplicated or out of order"),
        Arguments.of("unknown section", module(new int[] {0x0E, 0x00}), "unknown section id 14"),
        Arguments.of(
            "bad magic", new byte[] {0x00, 0x61, 0x73, 0x6E, 1, 0, 0, 0}, "not a wasm 1.0"),
        Arguments.of(
            "bad version", new byte[] {0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0}, "not a wasm 1.0"),
        Arguments.of("too short", new byte[] {0x00, 0x61}, "not a wasm 1.0"),
        Arguments.of(
            "memory index 1",
            module(
                TYPE_VOID,
                ONE_FUNCTION,
                new int[] {0x05, 0x03, 0x01, 0x00, 0x01},
                code(0x00, 0x41, 0x00, 0x40, 0x01, 0x1A, 0x0B)),
            "multi-memory"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedModulesFailWithAClearMessage(String what, byte[] wasm, String message) {
    assertThatThrownBy(() -> Instrumenter.instrument(wasm, InstrumentationOptions.defaults()))
        .isInstanceOf(InstrumentationException.class)
        .hasMessageContaining(message);
  }

  private static final String[] MODULES = {
    "gas_basics", "imports", "loop_heavy", "recursion", "semantics", "named"
  };

  @ParameterizedTest
  @ValueSource(strings = {"gas_basics", "imports", "loop_heavy", "recursion", "semantics", "named"})
  void everyTruncationFailsCleanlyOrIsAShorterValidModule(String name) {
    byte[] wasm = Metered.resource(name);
    for (int length = 0; length < wasm.length; length++) {
      byte[] prefix = Arrays.copyOf(wasm, length);
      assertThatCode(() -> instrumentOrReject(prefix))
          .as("%s truncated to %d bytes", name, length)
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
  void randomByteMutationsFailCleanly(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 2000; round++) {
      byte[] wasm = Metered.resource(MODULES[random.nextInt(MODULES.length)]).clone();
      int flips = 1 + random.nextInt(4);
      for (int i = 0; i < flips; i++) {
        int at = 8 + random.nextInt(wasm.length - 8);
        wasm[at] = random.nextInt(4) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
      }
      assertThatCode(() -> instrumentOrReject(wasm))
          .as("seed %d round %d", seed, round)
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {21, 22, 23, 24})
  void mutantsChicoryAcceptsStayValidWhenInstrumented(long seed) {
    Random random = new Random(seed);
    int accepted = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] wasm = Metered.resource(MODULES[random.nextInt(MODULES.length)]).clone();
      int at = 8 + random.nextInt(wasm.length - 8);
      wasm[at] = (byte) random.nextInt(256);
      try {
        Parser.parse(wasm);
      } catch (RuntimeException | AssertionError invalid) {
        continue; // Chicory's own assertions trip on some malformed bodies
      }
      byte[] instrumented;
      try {
        instrumented = Instrumenter.instrument(wasm, InstrumentationOptions.defaults());
      } catch (InstrumentationException refused) {
        continue;
      }
      accepted++;
      byte[] output = instrumented;
      assertThatCode(() -> Parser.parse(output))
          .as("seed %d round %d: byte %d set to 0x%02X", seed, round, at, wasm[at] & 0xFF)
          .doesNotThrowAnyException();
    }
    assertThat(accepted).as("mutants both accept").isGreaterThan(300);
  }

  /** Instruments, treating a clean {@link InstrumentationException} as an acceptable outcome. */
  private static void instrumentOrReject(byte[] wasm) {
    try {
      Instrumenter.instrument(wasm, InstrumentationOptions.defaults());
    } catch (InstrumentationException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("exception without a message", expected);
      }
    }
  }
}
