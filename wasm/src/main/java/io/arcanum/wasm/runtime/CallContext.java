package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import io.arcanum.wasm.ApiProfile;
import io.arcanum.wasm.FailureKind;
import io.arcanum.wasm.VmLimits;
import io.arcanum.wasm.host.ContractStorage.StorageIterator;
import io.arcanum.wasm.host.HostEnvironment;
import io.arcanum.wasm.instrument.GasCosts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The state of one call that host functions share: instance, gas, permissions, iterators. */
final class CallContext {
  /** Stack units a host function plus its re-entrant allocate cost (host frames are JVM frames). */
  static final int HOST_REENTRY_WEIGHT = 32;

  final ApiProfile profile;
  final HostEnvironment host;
  final VmLimits limits;
  final boolean readOnly;
  final int queryDepth;
  private final List<StorageIterator> iterators = new ArrayList<>();
  private Instance instance;
  private GasMeter gas;

  CallContext(
      ApiProfile profile, HostEnvironment host, VmLimits limits, boolean readOnly, int queryDepth) {
    this.profile = profile;
    this.host = host;
    this.limits = limits;
    this.readOnly = readOnly;
    this.queryDepth = queryDepth;
  }

  void attach(Instance instance, GasMeter gas) {
    this.instance = instance;
    this.gas = gas;
  }

  Instance instance() {
    return instance;
  }

  GasMeter gas() {
    return gas;
  }

  /** Reads the Region at {@code pointer}. */
  byte[] read(long pointer, String what) {
    return Regions.read(instance, pointer, what);
  }

  /**
   * Returns {@code data} to the contract in a Region it allocates. The host's call back into wasm
   * counts against the injected call-depth bound (imports are not counted at their call sites), so
   * recursion through the host (wasm → import → allocate → import → …) ends deterministically.
   */
  long allocate(byte[] data, String what) {
    GlobalInstance height = instance.exports().global(GasCosts.STACK_HEIGHT_EXPORT);
    long before = height.getValue();
    long after = before + HOST_REENTRY_WEIGHT;
    if (after > limits.maxStackHeight()) {
      instance.exports().global(GasCosts.STACK_EXHAUSTED_EXPORT).setValue(1);
      throw new VmTrap(
          FailureKind.CALL_DEPTH_EXCEEDED,
          what + ": call depth limit exceeded re-entering allocate");
    }
    height.setValue(after);
    try {
      return Regions.allocateAndWrite(instance, data, what);
    } finally {
      height.setValue(before);
    }
  }

  /** Refuses writes in a read-only (query) call (cosmwasm-abi.md §2.3). */
  void requireWritable(String function) {
    if (readOnly) {
      throw VmTrap.host(function + ": unauthorized write, storage is read-only in a query");
    }
  }

  int addIterator(StorageIterator iterator) {
    iterators.add(iterator);
    return iterators.size();
  }

  StorageIterator iterator(long id, String function) {
    if (id < 1 || id > iterators.size()) {
      throw VmTrap.host(function + ": no iterator with id " + id);
    }
    return iterators.get((int) id - 1);
  }

  /** Runs host-implementation code, marking its own exceptions as infrastructure failures. */
  <T> T callHost(Supplier<T> action) {
    try {
      return action.get();
    } catch (VmTrap trap) {
      throw trap;
    } catch (RuntimeException e) {
      throw new HostFailure(e);
    }
  }

  void callHost(Runnable action) {
    callHost(
        () -> {
          action.run();
          return null;
        });
  }
}
