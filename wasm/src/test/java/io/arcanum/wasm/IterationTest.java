package io.arcanum.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.wasm.host.ChainQuerier;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.testing.InMemoryStorage;
import io.arcanum.wasm.testing.TestEnv;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * db_scan/db_next in both layouts (cosmwasm-abi.md §2.1, §3.5) and db_next_key, available only when
 * the chain enables the iterator capability; Secret does not, so by default they trap.
 */
class IterationTest {
  private static final VmLimits WITH_ITERATOR =
      VmLimits.secretDefaults().withCapabilities(Set.of("iterator"));
  private static final List<String[]> ENTRIES =
      List.of(new String[] {"a", "1"}, new String[] {"b", ""}, new String[] {"c", "333"});

  private static InMemoryStorage store() {
    InMemoryStorage storage = new InMemoryStorage();
    for (String[] e : ENTRIES) {
      storage.set(bytes(e[0]), bytes(e[1]));
    }
    return storage;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void be32(ByteArrayOutputStream out, int n) {
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
  }

  private static byte[] run(VmLimits limits, String wasm, Engine engine, int order, int mode) {
    try (WasmVm vm = WasmVm.builder().limits(limits).engine(engine).build()) {
      ContractCode code = vm.upload(TestEnv.resource("runtime/" + wasm));
      InMemoryStorage storage = store();
      CallResult result =
          vm.call(
              code,
              Invocation.of(
                  EntryPoint.EXECUTE,
                  TestEnv.env(code.codeHash()),
                  new byte[] {(byte) order, (byte) mode},
                  10_000_000),
              HostEnvironment.of(storage, ChainQuerier.unsupported()));
      assertThat(result.isOk()).as(result.toString()).isTrue();
      return storage.get(bytes("~out"));
    }
  }

  @ParameterizedTest
  @CsvSource({"COMPILED, 1", "COMPILED, 2", "INTERPRETED, 1", "INTERPRETED, 2"})
  void v1ScanReturnsSectionsInOrderThenTheEmptyKey(Engine engine, int order) {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < ENTRIES.size(); i++) {
      String[] e = ENTRIES.get(order == 1 ? i : ENTRIES.size() - 1 - i);
      expected.writeBytes(bytes(e[0]));
      be32(expected, e[0].length());
      expected.writeBytes(bytes(e[1]));
      be32(expected, e[1].length());
    }
    expected.writeBytes(new byte[8]);
    assertThat(run(WITH_ITERATOR, "iterate_v1.wasm", engine, order, 0))
        .isEqualTo(expected.toByteArray());
  }

  @ParameterizedTest
  @CsvSource({"COMPILED, 1", "COMPILED, 2"})
  void dbNextKeyReturnsKeysUntilZero(Engine engine, int order) {
    assertThat(new String(run(WITH_ITERATOR, "iterate_v1.wasm", engine, order, 1)))
        .isEqualTo(order == 1 ? "abc" : "cba");
  }

  @ParameterizedTest
  @CsvSource({"COMPILED, 1", "INTERPRETED, 2"})
  void v010ScanUsesValueKeyLengthLayout(Engine engine, int order) {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < ENTRIES.size(); i++) {
      String[] e = ENTRIES.get(order == 1 ? i : ENTRIES.size() - 1 - i);
      expected.writeBytes(bytes(e[1]));
      expected.writeBytes(bytes(e[0]));
      be32(expected, e[0].length());
    }
    be32(expected, 0);
    assertThat(run(WITH_ITERATOR, "iterate_v010.wasm", engine, order, 0))
        .isEqualTo(expected.toByteArray());
  }

  @ParameterizedTest
  @CsvSource({"iterate_v1.wasm", "iterate_v010.wasm"})
  void withoutTheCapabilityIterationTrapsAsOnSecret(String wasm) {
    try (WasmVm vm = WasmVm.builder().build()) {
      ContractCode code = vm.upload(TestEnv.resource("runtime/" + wasm));
      InMemoryStorage storage = store();
      CallResult result =
          vm.call(
              code,
              Invocation.of(
                  EntryPoint.EXECUTE, TestEnv.env(code.codeHash()), new byte[] {1, 0}, 10_000_000),
              HostEnvironment.of(storage, ChainQuerier.unsupported()));
      assertThat(result.failure()).isEqualTo(FailureKind.HOST_ERROR);
      assertThat(result.error()).contains("db_scan is not available").contains("iterator");
      assertThat(storage.get(bytes("~out"))).isNull();
    }
  }
}
