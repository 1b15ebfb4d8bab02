package io.arcanum.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.wasm.host.ChainQuerier;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.testing.InMemoryStorage;
import io.arcanum.wasm.testing.TestEnv;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A smart query that queries again re-enters the VM on the same thread, bounded in depth. */
class NestedQueryTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void recursionStopsAtTheDepthLimitAndChargesNestedGas(Engine engine) {
    try (WasmVm vm = WasmVm.builder().engine(engine).build()) {
      ContractCode code = vm.upload(TestEnv.resource("runtime/recursive_query.wasm"));
      List<Integer> depths = new ArrayList<>();
      List<String> answers = new ArrayList<>();
      AtomicReference<HostEnvironment> host = new AtomicReference<>();
      ChainQuerier querier =
          (request, depth, gasLimit) -> {
            depths.add(depth);
            CallResult nested =
                vm.call(
                    code,
                    new Invocation(
                        EntryPoint.QUERY, TestEnv.env(code.codeHash()), request, gasLimit, depth),
                    host.get());
            answers.add(nested.outputText());
            String answer =
                "{\"Ok\":{\"Ok\":\""
                    + java.util.Base64.getEncoder().encodeToString(nested.output())
                    + "\"}}";
            return new ChainQuerier.Answer(
                answer.getBytes(StandardCharsets.UTF_8), nested.gasUsed());
          };
      host.set(HostEnvironment.of(new InMemoryStorage(), querier));
      CallResult top =
          vm.call(
              code,
              Invocation.of(
                  EntryPoint.QUERY, TestEnv.env(code.codeHash()), new byte[0], 50_000_000),
              host.get());
      assertThat(top.outputText()).isEqualTo("hi");
      assertThat(depths).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
      assertThat(answers).allMatch("hi"::equals);

      CallResult leaf =
          vm.call(
              code,
              new Invocation(
                  EntryPoint.QUERY, TestEnv.env(code.codeHash()), new byte[0], 50_000_000, 10),
              HostEnvironment.of(new InMemoryStorage(), ChainQuerier.unsupported()));
      assertThat(top.gasUsed()).isGreaterThan(10 * leaf.gasUsed());
    }
  }
}
