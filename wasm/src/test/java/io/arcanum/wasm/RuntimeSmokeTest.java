package io.arcanum.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.wasm.host.ChainQuerier;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.testing.InMemoryStorage;
import io.arcanum.wasm.testing.TestEnv;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RuntimeSmokeTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void executeWritesStorageAndQueryAnswers(Engine engine) {
    try (WasmVm vm = WasmVm.builder().engine(engine).build()) {
      ContractCode code = vm.upload(TestEnv.resource("runtime/echo.wasm"));
      assertThat(code.profile()).isEqualTo(ApiProfile.V1);
      InMemoryStorage storage = new InMemoryStorage();
      HostEnvironment host = HostEnvironment.of(storage, ChainQuerier.unsupported());
      CallResult result =
          vm.call(
              code,
              Invocation.of(
                  EntryPoint.EXECUTE,
                  TestEnv.env(code.codeHash()),
                  "{\"x\":1}".getBytes(StandardCharsets.UTF_8),
                  1_000_000),
              host);
      assertThat(result.status()).as(result.toString()).isEqualTo(CallResult.Status.OK);
      assertThat(storage.text("k")).isEqualTo("{\"x\":1}");
      assertThat(result.gasUsed()).isPositive();

      CallResult query =
          vm.call(
              code,
              Invocation.of(EntryPoint.QUERY, TestEnv.env(code.codeHash()), new byte[0], 1_000_000),
              host);
      assertThat(query.outputText()).isEqualTo("hi");
    }
  }
}
