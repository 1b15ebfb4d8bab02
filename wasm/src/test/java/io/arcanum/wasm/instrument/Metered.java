package io.arcanum.wasm.instrument;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Test helper: one instance of a (usually instrumented) module on one engine. */
final class Metered {
  private final Instance instance;

  /** A parsed module plus its compiled machine factory, reusable across instances. */
  record Prepared(WasmModule module, Function<Instance, Machine> factory) {
    static Prepared of(byte[] wasm, Engine engine) {
      WasmModule module = Parser.parse(wasm);
      return new Prepared(module, engine.machineFactory(module));
    }

    Metered instantiate(ImportValues imports) {
      Instance.Builder builder = Instance.builder(module).withImportValues(imports);
      if (factory != null) {
        builder.withMachineFactory(factory);
      }
      return new Metered(builder.build());
    }

    Metered instantiate() {
      return instantiate(ImportValues.empty());
    }
  }

  private Metered(Instance instance) {
    this.instance = instance;
  }

  static Metered of(byte[] wasm, Engine engine) {
    return Prepared.of(wasm, engine).instantiate();
  }

  static Metered of(byte[] wasm, Engine engine, ImportValues imports) {
    return Prepared.of(wasm, engine).instantiate(imports);
  }

  /** The committed test module {@code instrument/<name>.wasm}. */
  static byte[] resource(String name) {
    try (InputStream in = Metered.class.getResourceAsStream("/instrument/" + name + ".wasm")) {
      if (in == null) {
        throw new IllegalArgumentException("no test module " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] instrumented(String name) {
    return Instrumenter.instrument(resource(name), InstrumentationOptions.defaults());
  }

  Instance instance() {
    return instance;
  }

  long[] call(String function, long... args) {
    return instance.export(function).apply(args);
  }

  long callForLong(String function, long... args) {
    return call(function, args)[0];
  }

  Metered withGas(long gas) {
    global(GasCosts.GAS_LIMIT_EXPORT).setValue(gas);
    return this;
  }

  long gas() {
    return global(GasCosts.GAS_LIMIT_EXPORT).getValue();
  }

  long gasExhausted() {
    return global(GasCosts.GAS_EXHAUSTED_EXPORT).getValue();
  }

  int stackHeight() {
    return (int) global(GasCosts.STACK_HEIGHT_EXPORT).getValue();
  }

  int stackExhausted() {
    return (int) global(GasCosts.STACK_EXHAUSTED_EXPORT).getValue();
  }

  private GlobalInstance global(String name) {
    return instance.exports().global(name);
  }
}
