package io.arcanum.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.wasm.host.ChainQuerier;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.testing.InMemoryStorage;
import io.arcanum.wasm.testing.TestEnv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each host function charges exactly Secret's cost (cosmwasm-abi.md §6.3), measured as the gas
 * difference between calling the import and calling a one-instruction stand-in of the same
 * signature (wasm/src/test/wat/runtime/host_costs.wat).
 */
class HostCostTest {

  private static long gas(WasmVm vm, ContractCode code, int selector) {
    CallResult result =
        vm.call(
            code,
            Invocation.of(
                EntryPoint.EXECUTE,
                TestEnv.env(code.codeHash()),
                new byte[] {(byte) selector},
                1_000_000_000),
            HostEnvironment.of(new InMemoryStorage(), ChainQuerier.unsupported()));
    assertThat(result.isOk()).as(result.toString()).isTrue();
    return result.gasUsed();
  }

  @ParameterizedTest(name = "{0} costs {2}")
  @CsvSource({
    "secp256k1_verify, 0, 98304",
    "secp256k1_recover_pubkey, 1, 98304",
    "ed25519_verify, 2, 73728",
    // 32 zero bytes decode as 8 empty sections per argument: 5 000 + 8 × 70 000
    "ed25519_batch_verify, 3, 565000",
    "secp256k1_sign, 4, 100000",
    "ed25519_sign, 5, 75000",
    "dcap_quote_verify, 6, 100000",
    "addr_validate, 7, 8192",
    "check_gas, 8, 8192",
    // 2 000 + 5 000 per value byte, the per-byte part refunded after the call
    "db_write, 9, 2000",
    "db_remove, 10, 0",
    "db_read, 11, 1000"
  })
  void chargesSecretsCost(String function, int index, long cost) {
    for (Engine engine : Engine.values()) {
      try (WasmVm vm = WasmVm.builder().engine(engine).build()) {
        ContractCode code = vm.upload(TestEnv.resource("runtime/host_costs.wasm"));
        long withImport = gas(vm, code, 2 * index);
        long withStandIn = gas(vm, code, 2 * index + 1);
        assertThat(withImport - withStandIn + 2).as(function + " on " + engine).isEqualTo(cost);
      }
    }
  }
}
