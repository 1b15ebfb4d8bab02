package io.arcanum.wasm;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.instrument.InstrumentationException;
import io.arcanum.wasm.instrument.InstrumentationOptions;
import io.arcanum.wasm.instrument.Instrumenter;
import io.arcanum.wasm.runtime.CompiledContract;
import io.arcanum.wasm.runtime.ContractRunner;
import io.arcanum.wasm.runtime.DiskCompilerCache;
import io.arcanum.wasm.runtime.VmThreads;
import io.arcanum.wasm.validate.ContractValidator;
import io.arcanum.wasm.validate.ValidationRule;
import io.arcanum.wasm.validate.WasmValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * The CosmWasm VM. {@link #upload} validates a module, instruments it for gas and call depth and
 * compiles it, once per code hash (kept in an LRU cache, optionally backed by a disk cache of
 * Chicory's compiler output). {@link #call} runs an entry point on a fresh instance on a VM thread
 * and returns the result with the exact gas used. Thread-safe.
 *
 * <pre>{@code
 * try (WasmVm vm = WasmVm.builder().build()) {
 *   ContractCode code = vm.upload(wasmOrGzip);
 *   CallResult result = vm.call(code, Invocation.of(EntryPoint.EXECUTE, env, msg, 1_000_000), host);
 * }
 * }</pre>
 */
public final class WasmVm implements AutoCloseable {
  private final VmLimits limits;
  private final Engine engine;
  private final ContractValidator validator;
  private final ContractRunner runner;
  private final Cache<String, CompiledContract> compiled;
  private final DiskCompilerCache diskCache;
  private final VmThreads threads;

  private static final System.Logger LOG = System.getLogger(WasmVm.class.getName());

  private WasmVm(Builder builder) {
    warnIfHugeMethodsStayInterpreted(builder.engine);
    this.limits = builder.limits;
    this.engine = builder.engine;
    this.validator = new ContractValidator(limits);
    this.runner = new ContractRunner(limits);
    this.compiled = Caffeine.newBuilder().maximumSize(builder.cacheSize).build();
    try {
      this.diskCache = builder.diskCache == null ? null : new DiskCompilerCache(builder.diskCache);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the compiled-module cache directory", e);
    }
    this.threads = new VmThreads(builder.threads);
  }

  public static Builder builder() {
    return new Builder();
  }

  public VmLimits limits() {
    return limits;
  }

  public Engine engine() {
    return engine;
  }

  /**
   * Validates an upload (raw or gzipped wasm) and prepares it for execution.
   *
   * @throws WasmValidationException naming the rule and the offending item
   */
  public ContractCode upload(byte[] wasmOrGzip) {
    ContractCode code = validator.validate(wasmOrGzip);
    compile(code);
    return code;
  }

  /** The compiled form of {@code code}, compiling it if it is not cached. */
  public CompiledContract compile(ContractCode code) {
    return compiled.get(code.codeHash(), hash -> compileNow(code));
  }

  /** How many compiled contracts the in-memory cache holds now (at most the configured size). */
  public long cachedContracts() {
    compiled.cleanUp();
    return compiled.estimatedSize();
  }

  /**
   * Calls an entry point. Contract failures of every kind come back as a result; only a failure of
   * {@code host}'s own implementation is rethrown.
   */
  public CallResult call(ContractCode code, Invocation invocation, HostEnvironment host) {
    Objects.requireNonNull(host, "host");
    CompiledContract contract = compile(code);
    return threads.run(() -> runner.call(contract, invocation, host));
  }

  private CompiledContract compileNow(ContractCode code) {
    byte[] instrumented;
    try {
      instrumented =
          Instrumenter.instrument(
              code.wasmUnsafe(), new InstrumentationOptions(limits.maxStackHeight()));
    } catch (InstrumentationException e) {
      throw new WasmValidationException(ValidationRule.UNSUPPORTED_INSTRUCTION, e.getMessage(), e);
    }
    WasmModule module;
    try {
      module = Parser.parse(instrumented);
    } catch (ChicoryException e) {
      throw new IllegalStateException("instrumentation produced an invalid module", e);
    }
    Function<Instance, Machine> machine = null;
    if (engine == Engine.COMPILED) {
      MachineFactoryCompiler.Builder compiler =
          MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.WARN);
      if (diskCache != null) {
        compiler.withCache(diskCache);
      }
      machine = compiler.compile();
    }
    return CompiledContract.of(code, module, machine);
  }

  /**
   * HotSpot does not JIT-compile methods over 8 000 bytes of bytecode unless started with {@code
   * -XX:-DontCompileHugeMethods}; gas instrumentation roughly doubles each function, so without the
   * flag large contract functions run interpreted by the JVM, many times slower (docs/gas.md).
   */
  private static void warnIfHugeMethodsStayInterpreted(Engine engine) {
    if (engine != Engine.COMPILED) {
      return;
    }
    try {
      var bean =
          java.lang.management.ManagementFactory.getPlatformMXBean(
              com.sun.management.HotSpotDiagnosticMXBean.class);
      if (bean != null && "true".equals(bean.getVMOption("DontCompileHugeMethods").getValue())) {
        LOG.log(
            System.Logger.Level.WARNING,
            "JVM started without -XX:-DontCompileHugeMethods: large contract functions will not be"
                + " JIT-compiled and run many times slower");
      }
    } catch (RuntimeException | LinkageError notHotSpot) {
      // Another JVM: nothing to check.
    }
  }

  @Override
  public void close() {
    threads.close();
    compiled.invalidateAll();
  }

  /** Options; every one has a default. */
  public static final class Builder {
    private VmLimits limits = VmLimits.secretDefaults();
    private Engine engine = Engine.COMPILED;
    private long cacheSize = 256;
    private Path diskCache;
    private int threads = Math.max(2, Runtime.getRuntime().availableProcessors());

    private Builder() {}

    public Builder limits(VmLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    public Builder engine(Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * Compiled contracts kept in memory, default 256. Eviction is Caffeine's W-TinyLFU: recency
     * refined by frequency, so a contract called often outlives one compiled once.
     */
    public Builder cacheSize(long entries) {
      if (entries <= 0) {
        throw new IllegalArgumentException("cache size must be positive: " + entries);
      }
      this.cacheSize = entries;
      return this;
    }

    /** A directory for Chicory's compiler output, reused across restarts. */
    public Builder diskCache(Path directory) {
      this.diskCache = directory;
      return this;
    }

    /** VM threads, default the number of processors (at least 2). */
    public Builder threads(int threads) {
      if (threads <= 0) {
        throw new IllegalArgumentException("threads must be positive: " + threads);
      }
      this.threads = threads;
      return this;
    }

    public WasmVm build() {
      return new WasmVm(this);
    }
  }
}
