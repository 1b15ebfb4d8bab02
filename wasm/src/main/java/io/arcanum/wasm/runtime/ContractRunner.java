package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.arcanum.wasm.ApiProfile;
import io.arcanum.wasm.CallResult;
import io.arcanum.wasm.EntryPoint;
import io.arcanum.wasm.FailureKind;
import io.arcanum.wasm.Invocation;
import io.arcanum.wasm.VmLimits;
import io.arcanum.wasm.env.EnvJson;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.instrument.GasCosts;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one entry-point call on a fresh instance (cosmwasm-abi.md §3.3): allocate and fill the
 * argument Regions, call the export, read the result Region, and turn every way a call can end into
 * a {@link CallResult} with the exact gas used. Storage writes reach the host's storage only when
 * the call succeeds ({@link WriteCache}). Only failures of the host environment's own
 * implementation escape as exceptions (they are not the contract's doing).
 */
public final class ContractRunner {
  private final VmLimits limits;

  public ContractRunner(VmLimits limits) {
    this.limits = limits;
  }

  public CallResult call(CompiledContract contract, Invocation invocation, HostEnvironment host) {
    ApiProfile profile = contract.code().profile();
    EntryPoint entry = invocation.entry();
    String export = entry.exportName(profile).orElse(null);
    if (export == null || !contract.code().exports(export)) {
      return CallResult.failed(
          FailureKind.MISSING_ENTRY_POINT,
          "the contract does not export '"
              + (export == null ? entry : export)
              + "' ("
              + profile
              + ")",
          0);
    }
    WriteCache writes = new WriteCache(host.storage());
    HostEnvironment cached =
        new HostEnvironment(writes, host.querier(), host.addresses(), host.crypto(), host.debug());
    CallContext context =
        new CallContext(profile, cached, limits, !entry.mayWrite(), invocation.queryDepth());
    Instance instance;
    try {
      instance =
          Instance.builder(contract.module())
              .withImportValues(HostImports.create(context, contract.importNames()))
              .withMemoryLimits(new MemoryLimits(contract.initialPages(), limits.maxMemoryPages()))
              .withMemoryFactory(LazyPageMemory::new)
              .withMachineFactory(
                  contract.machineFactory() == null
                      ? com.dylibso.chicory.runtime.InterpreterMachine::new
                      : contract.machineFactory())
              .build();
    } catch (ChicoryException e) {
      return CallResult.failed(FailureKind.TRAP, "instantiation failed: " + e.getMessage(), 0);
    }
    GasMeter gas =
        new GasMeter(
            instance.exports().global(GasCosts.GAS_LIMIT_EXPORT),
            instance.exports().global(GasCosts.GAS_EXHAUSTED_EXPORT),
            invocation.gasLimit());
    context.attach(instance, gas);
    try {
      List<byte[]> args = arguments(contract, invocation);
      long[] pointers = new long[args.size()];
      for (int i = 0; i < pointers.length; i++) {
        pointers[i] = Regions.allocateAndWrite(instance, args.get(i), "argument " + (i + 1));
      }
      long result = instance.export(export).apply(pointers)[0];
      byte[] bytes = Regions.read(instance, result, "result of " + export);
      CallResult outcome =
          ResultEnvelope.parse(bytes, entry == EntryPoint.QUERY, profile, gas.usedNet());
      if (outcome.isOk()) {
        context.callHost(writes::flush);
      }
      return outcome;
    } catch (HostFailure e) {
      throw e.unwrap();
    } catch (RuntimeException | StackOverflowError e) {
      return failure(instance, gas, e);
    }
  }

  private static List<byte[]> arguments(CompiledContract contract, Invocation invocation) {
    ApiProfile profile = contract.code().profile();
    EntryPoint entry = invocation.entry();
    boolean random = contract.code().capabilities().contains("random");
    List<byte[]> args = new ArrayList<>(3);
    byte[] env = EnvJson.env(profile, entry, invocation.env(), random);
    if (env != null) {
      args.add(env);
    }
    byte[] info = EnvJson.info(profile, entry, invocation.env());
    if (info != null) {
      args.add(info);
    }
    args.add(invocation.msg());
    return args;
  }

  private static CallResult failure(Instance instance, GasMeter gas, Throwable error) {
    HostFailure hostFailure = find(error, HostFailure.class);
    if (hostFailure != null) {
      throw hostFailure.unwrap();
    }
    long used = gas.usedNet();
    if (gas.exhausted()) {
      return CallResult.failed(FailureKind.OUT_OF_GAS, "out of gas", used);
    }
    GlobalInstance stack = instance.exports().global(GasCosts.STACK_EXHAUSTED_EXPORT);
    if (stack.getValue() != 0 || error instanceof StackOverflowError) {
      return CallResult.failed(FailureKind.CALL_DEPTH_EXCEEDED, "call depth limit exceeded", used);
    }
    VmTrap trap = find(error, VmTrap.class);
    if (trap != null) {
      return CallResult.failed(trap.kind(), trap.getMessage(), used);
    }
    if (error instanceof ChicoryException || error instanceof ArithmeticException) {
      return CallResult.failed(FailureKind.TRAP, "wasm trap: " + canonicalTrap(error), used);
    }
    if (error instanceof RuntimeException runtime) {
      throw runtime; // a VM bug, not the contract's doing: do not hide it as a contract error
    }
    throw (Error) error;
  }

  /**
   * The trap's kind without engine-specific detail: the interpreter and the compiler word the same
   * trap differently after a colon ("out of bounds memory access: attempted to access ..."), and
   * the message is part of the deterministic result.
   */
  static String canonicalTrap(Throwable error) {
    String message = String.valueOf(error.getMessage()).toLowerCase(java.util.Locale.ROOT);
    int colon = message.indexOf(':');
    String kind = (colon < 0 ? message : message.substring(0, colon)).strip();
    if (kind.contains("unreachable")) {
      return "unreachable";
    }
    if (error instanceof ArithmeticException) {
      return "integer divide by zero";
    }
    return kind;
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
