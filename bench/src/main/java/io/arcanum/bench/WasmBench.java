package io.arcanum.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.arcanum.wasm.CallResult;
import io.arcanum.wasm.ContractCode;
import io.arcanum.wasm.Engine;
import io.arcanum.wasm.EntryPoint;
import io.arcanum.wasm.Invocation;
import io.arcanum.wasm.WasmVm;
import io.arcanum.wasm.env.BlockInfo;
import io.arcanum.wasm.env.ContractEnv;
import io.arcanum.wasm.host.ChainQuerier;
import io.arcanum.wasm.host.ContractStorage;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.instrument.InstrumentationOptions;
import io.arcanum.wasm.instrument.Instrumenter;
import io.arcanum.wasm.runtime.LazyPageMemory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The VM's costs: a token transfer execute per engine, a warm query (instantiate + tiny call), the
 * compile step per contract, and what gas instrumentation adds to compute-bound code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:-DontCompileHugeMethods", "--enable-native-access=ALL-UNNAMED"})
public class WasmBench {
  static final String ALICE = "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03";
  static final String BOB = "secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne";

  /** A token contract instantiated once, then transfers of 1 unit from Alice to Bob. */
  @State(Scope.Benchmark)
  public static class Token {
    @Param({"COMPILED", "INTERPRETED"})
    public Engine engine;

    WasmVm vm;
    ContractCode code;
    HostEnvironment host;
    byte[] transfer;
    byte[] balanceQuery;

    @Setup(Level.Trial)
    public void setUp() {
      vm = WasmVm.builder().engine(engine).build();
      code = vm.upload(resource("contracts/token/token.wasm"));
      host = HostEnvironment.of(new MapStorage(), ChainQuerier.unsupported());
      String init =
          "{\"name\":\"Bench\",\"symbol\":\"BNCH\",\"decimals\":6,\"initial_balances\":[{\"address\":\""
              + ALICE
              + "\",\"amount\":\"1000000000000\"}],\"prng_seed\":\"c2VlZA==\"}";
      check(vm.call(code, invocation(EntryPoint.INSTANTIATE, init, ALICE), host));
      transfer =
          ("{\"transfer\":{\"recipient\":\"" + BOB + "\",\"amount\":\"1\"}}")
              .getBytes(StandardCharsets.UTF_8);
      check(vm.call(code, invocation(EntryPoint.EXECUTE, transfer, ALICE), host));
    }

    Invocation invocation(EntryPoint entry, String msg, String sender) {
      return invocation(entry, msg.getBytes(StandardCharsets.UTF_8), sender);
    }

    Invocation invocation(EntryPoint entry, byte[] msg, String sender) {
      ContractEnv env =
          new ContractEnv(
              new BlockInfo(100, 1_700_000_000_000_000_000L, "secretdev-1", null),
              "secret1hqrdl6wstt8qzshwc6mrumpjk9338k0lpsefm3",
              code.codeHash(),
              new ContractEnv.Transaction(0, "00".repeat(32)),
              sender,
              List.of());
      return Invocation.of(entry, env, msg, 10_000_000_000L);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      vm.close();
    }
  }

  @Benchmark
  public CallResult tokenTransfer(Token token) {
    return token.vm.call(
        token.code, token.invocation(EntryPoint.EXECUTE, token.transfer, ALICE), token.host);
  }

  @Benchmark
  public CallResult tokenInfoQuery(Token token) {
    return token.vm.call(
        token.code, token.invocation(EntryPoint.QUERY, "{\"token_info\":{}}", ""), token.host);
  }

  /** The compile step of an upload: instrument, parse, compile to JVM bytecode. */
  @State(Scope.Benchmark)
  public static class Compile {
    byte[] wasm;

    @Setup(Level.Trial)
    public void setUp() {
      wasm = resource("contracts/token/token.wasm");
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 3)
  public Function<Instance, Machine> compileToken(Compile state) {
    byte[] instrumented = Instrumenter.instrument(state.wasm, InstrumentationOptions.defaults());
    WasmModule module = Parser.parse(instrumented);
    return MachineFactoryCompiler.compile(module);
  }

  /** What every call pays before running code: a fresh instance of the compiled token module. */
  @State(Scope.Benchmark)
  public static class Instantiate {
    /** Chicory's ByteArrayMemory (all pages up front) or the VM's LazyPageMemory. */
    @Param({"eager", "lazy"})
    public String memory;

    WasmModule module;
    Function<Instance, Machine> machine;
    ImportValues imports;

    @Setup(Level.Trial)
    public void setUp() {
      module =
          Parser.parse(
              Instrumenter.instrument(
                  resource("contracts/token/token.wasm"), InstrumentationOptions.defaults()));
      machine = MachineFactoryCompiler.compile(module);
      List<ImportFunction> functions = new java.util.ArrayList<>();
      for (int i = 0; i < module.importSection().importCount(); i++) {
        FunctionImport f = (FunctionImport) module.importSection().getImport(i);
        functions.add(
            new HostFunction(
                "env",
                f.name(),
                module.typeSection().getType(f.typeIndex()),
                (instance, args) -> {
                  throw new IllegalStateException("not called");
                }));
      }
      imports = ImportValues.builder().withFunctions(functions).build();
    }
  }

  @Benchmark
  public Instance instantiateToken(Instantiate state) {
    return Instance.builder(state.module)
        .withImportValues(state.imports)
        .withMachineFactory(state.machine)
        .withMemoryLimits(new MemoryLimits(17, 192))
        .withMemoryFactory(state.memory.equals("lazy") ? LazyPageMemory::new : ByteArrayMemory::new)
        .build();
  }

  /** The same compute-bound loop with and without gas and depth instrumentation. */
  @State(Scope.Benchmark)
  public static class Spin {
    @Param({"false", "true"})
    public boolean instrumented;

    Instance instance;

    @Setup(Level.Trial)
    public void setUp() {
      byte[] wasm = resource("wasm/spin.wasm");
      if (instrumented) {
        wasm = Instrumenter.instrument(wasm, InstrumentationOptions.defaults());
      }
      WasmModule module = Parser.parse(wasm);
      instance =
          Instance.builder(module)
              .withMachineFactory(MachineFactoryCompiler.compile(module))
              .build();
      if (instrumented) {
        instance.exports().global("gas_limit").setValue(Long.MAX_VALUE);
      }
    }
  }

  @Benchmark
  public long spin100k(Spin spin) {
    if (spin.instrumented) {
      spin.instance.exports().global("gas_limit").setValue(Long.MAX_VALUE);
    }
    return spin.instance.export("spin").apply(100_000)[0];
  }

  static void check(CallResult result) {
    if (!result.isOk()) {
      throw new IllegalStateException("benchmark setup call failed: " + result);
    }
  }

  static byte[] resource(String path) {
    try (InputStream in = WasmBench.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A plain map storage: the benchmark measures the VM, not a store. */
  static final class MapStorage implements ContractStorage {
    private final Map<ByteBuffer, byte[]> map = new HashMap<>();

    @Override
    public byte[] get(byte[] key) {
      return map.get(ByteBuffer.wrap(key));
    }

    @Override
    public void set(byte[] key, byte[] value) {
      map.put(ByteBuffer.wrap(key.clone()), value.clone());
    }

    @Override
    public void remove(byte[] key) {
      map.remove(ByteBuffer.wrap(key));
    }
  }
}
