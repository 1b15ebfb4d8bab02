package io.arcanum.chain.compute;

import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.chain.state.KvStore;
import io.arcanum.enclave.api.BlockEnv;

/**
 * What the enclave's OCALLs of one ECALL reach: the state the call runs against (metered, so
 * contract state costs KV gas as in the SDK), the same state unmetered (for code bytes), the gas
 * meter, the block, and whether the call may write. A nested smart query runs in its own scope over
 * the same state.
 */
final class CallScope {
  private final ComputeState metered;
  private final ComputeState unmetered;
  private final GasMeter gas;
  private final BlockEnv block;
  private final boolean readOnly;
  private final CallScope parent;
  private volatile OutOfGasException outOfGas;

  CallScope(KvStore metered, KvStore unmetered, GasMeter gas, BlockEnv block, boolean readOnly) {
    this(metered, unmetered, gas, block, readOnly, null);
  }

  private CallScope(
      KvStore metered,
      KvStore unmetered,
      GasMeter gas,
      BlockEnv block,
      boolean readOnly,
      CallScope parent) {
    this.metered = new ComputeState(metered);
    this.unmetered = new ComputeState(unmetered);
    this.gas = gas;
    this.block = block;
    this.readOnly = readOnly;
    this.parent = parent;
  }

  /** A read-only scope over the same state and meter, for a query made from inside a call. */
  CallScope forQuery() {
    return new CallScope(metered.store(), unmetered.store(), gas, block, true, this);
  }

  ComputeState metered() {
    return metered;
  }

  ComputeState unmetered() {
    return unmetered;
  }

  GasMeter gas() {
    return gas;
  }

  BlockEnv block() {
    return block;
  }

  boolean readOnly() {
    return readOnly;
  }

  /**
   * Remembers that an OCALL ran the tx out of gas, so the ECALL fails with it even if the enclave
   * turned the host's exception into something else.
   */
  void ranOutOfGas(OutOfGasException e) {
    if (outOfGas == null) {
      outOfGas = e;
    }
    if (parent != null) {
      parent.ranOutOfGas(e);
    }
  }

  OutOfGasException outOfGas() {
    return outOfGas;
  }
}
