package io.arcanum.wasm.instrument;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/** The two Chicory execution engines every metering result must agree across. */
enum Engine {
  INTERPRETER {
    @Override
    Function<Instance, Machine> machineFactory(WasmModule module) {
      return null; // Chicory's default
    }
  },
  COMPILER {
    @Override
    Function<Instance, Machine> machineFactory(WasmModule module) {
      return MachineFactoryCompiler.compile(module);
    }
  };

  /** The machine factory for {@code module}, or null for the interpreter. */
  abstract Function<Instance, Machine> machineFactory(WasmModule module);
}
