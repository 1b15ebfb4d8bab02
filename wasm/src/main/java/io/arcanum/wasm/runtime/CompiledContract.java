package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import io.arcanum.wasm.ContractCode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A contract ready to instantiate: its instrumented module parsed once and, in compiled mode, the
 * machine factory Chicory's compiler produced for it. Shared across calls and threads; every call
 * builds its own {@link Instance}.
 *
 * @param code the validated code
 * @param module the instrumented module
 * @param machineFactory the compiled machine, or {@code null} to interpret
 * @param importNames the host functions the module imports
 * @param initialPages initial memory pages
 */
public record CompiledContract(
    ContractCode code,
    WasmModule module,
    Function<Instance, Machine> machineFactory,
    Set<String> importNames,
    int initialPages) {

  public static CompiledContract of(
      ContractCode code, WasmModule module, Function<Instance, Machine> machineFactory) {
    Set<String> imports = new HashSet<>();
    for (int i = 0; i < module.importSection().importCount(); i++) {
      if (module.importSection().getImport(i) instanceof FunctionImport f) {
        imports.add(f.name());
      }
    }
    int pages = module.memorySection().get().getMemory(0).limits().initialPages();
    return new CompiledContract(code, module, machineFactory, Set.copyOf(imports), pages);
  }
}
