package io.arcanum.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.wasm.host.ChainQuerier;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.testing.InMemoryStorage;
import io.arcanum.wasm.testing.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WasmVmTest {
  private static final byte[] ECHO = TestEnv.resource("runtime/echo.wasm");

  private static Invocation invocation(ContractCode code, EntryPoint entry, String msg) {
    return Invocation.of(
        entry, TestEnv.env(code.codeHash()), msg.getBytes(StandardCharsets.UTF_8), 1_000_000);
  }

  private static HostEnvironment emptyHost() {
    return HostEnvironment.of(new InMemoryStorage(), ChainQuerier.unsupported());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void executeWritesStorageAndQueryAnswers(Engine engine) {
    try (WasmVm vm = WasmVm.builder().engine(engine).build()) {
      ContractCode code = vm.upload(ECHO);
      assertThat(code.profile()).isEqualTo(ApiProfile.V1);
      InMemoryStorage storage = new InMemoryStorage();
      HostEnvironment host = HostEnvironment.of(storage, ChainQuerier.unsupported());
      CallResult result = vm.call(code, invocation(code, EntryPoint.EXECUTE, "{\"x\":1}"), host);
      assertThat(result.status()).as(result.toString()).isEqualTo(CallResult.Status.OK);
      assertThat(storage.text("k")).isEqualTo("{\"x\":1}");
      assertThat(result.gasUsed()).isPositive();
      assertThat(vm.call(code, invocation(code, EntryPoint.QUERY, ""), host).outputText())
          .isEqualTo("hi");
    }
  }

  private static CallResult execute(
      WasmVm vm, ContractCode code, byte[] msg, long gas, InMemoryStorage storage) {
    return vm.call(
        code,
        Invocation.of(EntryPoint.EXECUTE, TestEnv.env(code.codeHash()), msg, gas),
        HostEnvironment.of(storage, ChainQuerier.unsupported()));
  }

  /**
   * echo's execute writes, then enters a block that costs 4 gas, then traps if asked: a call that
   * runs out of gas or traps after its write must leave the storage as it was.
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCallThatFailsAfterWritingLeavesStorageUntouched(Engine engine) {
    try (WasmVm vm = WasmVm.builder().engine(engine).build()) {
      ContractCode code = vm.upload(ECHO);
      // gasUsed is net of db_write's refunded pseudo-gas (5 000 per value byte), which the limit
      // must still cover while the call runs (cosmwasm-abi.md §6.3).
      long needed =
          execute(vm, code, new byte[] {7}, 1_000_000, new InMemoryStorage()).gasUsed() + 5_000;
      InMemoryStorage ok = new InMemoryStorage();
      assertThat(execute(vm, code, new byte[] {7}, needed, ok).isOk()).isTrue();
      assertThat(ok.text("k")).isEqualTo("\u0007");
      for (long gas = needed - 4; gas < needed; gas++) {
        InMemoryStorage storage = new InMemoryStorage();
        CallResult result = execute(vm, code, new byte[] {7}, gas, storage);
        assertThat(result.failure()).isEqualTo(FailureKind.OUT_OF_GAS);
        assertThat(storage.size()).isZero();
      }
      InMemoryStorage trapped = new InMemoryStorage();
      CallResult trap = execute(vm, code, new byte[] {(byte) 0xFF}, 1_000_000, trapped);
      assertThat(trap.failure()).isEqualTo(FailureKind.TRAP);
      assertThat(trap.error()).contains("unreachable");
      assertThat(trapped.size()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void upstreamContractsAbortWithTheirPanicMessageAndAnswerInLowerCase(Engine engine) {
    try (WasmVm vm = WasmVm.builder().engine(engine).build()) {
      ContractCode code = vm.upload(TestEnv.resource("runtime/upstream_abort.wasm"));
      CallResult aborted = vm.call(code, invocation(code, EntryPoint.EXECUTE, "{}"), emptyHost());
      assertThat(aborted.failure()).isEqualTo(FailureKind.TRAP);
      assertThat(aborted.error()).isEqualTo("contract aborted: panicked at 'boom'");
      assertThat(aborted.gasUsed()).isPositive();
      assertThat(vm.call(code, invocation(code, EntryPoint.QUERY, "{}"), emptyHost()).outputText())
          .isEqualTo("hi");
    }
  }

  @Test
  void aMissingEntryPointIsAFailureThatUsesNoGas() {
    try (WasmVm vm = WasmVm.builder().build()) {
      ContractCode code = vm.upload(ECHO);
      CallResult result = vm.call(code, invocation(code, EntryPoint.MIGRATE, "{}"), emptyHost());
      assertThat(result.failure()).isEqualTo(FailureKind.MISSING_ENTRY_POINT);
      assertThat(result.error()).contains("'migrate'");
      assertThat(result.gasUsed()).isZero();
    }
  }

  @Test
  void theSameCodeCompilesOnce() {
    try (WasmVm vm = WasmVm.builder().build()) {
      ContractCode code = vm.upload(ECHO);
      assertThat(vm.compile(code)).isSameAs(vm.compile(vm.upload(ECHO)));
    }
  }

  @Test
  void theCompiledCacheStaysWithinItsBoundAndEvictedCodeStillRuns() {
    List<String> modules =
        List.of(
            "echo",
            "recursive_query",
            "iterate_v1",
            "iterate_v010",
            "upstream_abort",
            "host_costs");
    try (WasmVm vm = WasmVm.builder().cacheSize(2).build()) {
      List<ContractCode> codes = new ArrayList<>();
      for (String module : modules) {
        codes.add(vm.upload(TestEnv.resource("runtime/" + module + ".wasm")));
        assertThat(vm.cachedContracts()).isLessThanOrEqualTo(2);
      }
      ContractCode echo = codes.get(0);
      assertThat(vm.call(echo, invocation(echo, EntryPoint.QUERY, ""), emptyHost()).outputText())
          .isEqualTo("hi");
      assertThat(vm.cachedContracts()).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void compiledModulesPersistInTheDiskCache(@TempDir Path dir) throws Exception {
    try (WasmVm vm = WasmVm.builder().diskCache(dir).build()) {
      vm.upload(ECHO);
    }
    long entries;
    try (var files = Files.list(dir)) {
      entries = files.filter(f -> f.toString().endsWith(".bin")).count();
    }
    assertThat(entries).isPositive();
    try (WasmVm restarted = WasmVm.builder().diskCache(dir).build()) {
      ContractCode code = restarted.upload(ECHO);
      CallResult result = restarted.call(code, invocation(code, EntryPoint.QUERY, ""), emptyHost());
      assertThat(result.outputText()).isEqualTo("hi");
    }
  }

  @Test
  void aFailingHostImplementationIsRethrownNotTurnedIntoAContractError() {
    try (WasmVm vm = WasmVm.builder().build()) {
      ContractCode code = vm.upload(ECHO);
      InMemoryStorage broken =
          new InMemoryStorage() {
            @Override
            public void set(byte[] key, byte[] value) {
              throw new IllegalStateException("disk full");
            }
          };
      assertThatThrownBy(
              () ->
                  vm.call(
                      code,
                      invocation(code, EntryPoint.EXECUTE, "{}"),
                      HostEnvironment.of(broken, ChainQuerier.unsupported())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("disk full");
    }
  }

  @Test
  void aZeroGasLimitRunsOutBeforeAnyCodeRuns() {
    try (WasmVm vm = WasmVm.builder().build()) {
      ContractCode code = vm.upload(ECHO);
      CallResult result =
          vm.call(
              code,
              Invocation.of(EntryPoint.EXECUTE, TestEnv.env(code.codeHash()), new byte[0], 0),
              emptyHost());
      assertThat(result.failure()).isEqualTo(FailureKind.OUT_OF_GAS);
      assertThat(result.gasUsed()).isZero();
    }
  }
}
