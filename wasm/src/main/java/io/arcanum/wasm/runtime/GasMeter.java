package io.arcanum.wasm.runtime;

import com.dylibso.chicory.runtime.GlobalInstance;
import io.arcanum.wasm.FailureKind;

/**
 * The call's gas, kept in the instrumented module's exported globals so that wasm code and host
 * functions draw from one counter (cosmwasm-abi.md §6.2): {@code gas_limit} holds what remains and
 * {@code gas_limit_exhausted} the cost that did not fit.
 */
final class GasMeter {
  private final GlobalInstance remaining;
  private final GlobalInstance exhausted;
  private final long limit;
  private long refundable;

  GasMeter(GlobalInstance remaining, GlobalInstance exhausted, long limit) {
    this.remaining = remaining;
    this.exhausted = exhausted;
    this.limit = limit;
    remaining.setValue(limit);
    exhausted.setValue(0);
  }

  /** Charges {@code cost}, or records it as exhausted and traps if it does not fit. */
  void charge(long cost) {
    long left = remaining.getValue();
    if (Long.compareUnsigned(left, cost) < 0) {
      exhausted.setValue(cost);
      throw new VmTrap(
          FailureKind.OUT_OF_GAS, "out of gas: " + cost + " needed, " + left + " left");
    }
    remaining.setValue(left - cost);
  }

  /** Charges pseudo-gas that is given back after the call (db_write's per-byte charge). */
  void chargeRefundable(long cost) {
    charge(cost);
    refundable += cost;
  }

  long remaining() {
    return remaining.getValue();
  }

  boolean exhausted() {
    return exhausted.getValue() != 0;
  }

  /** Gas used so far, before refunds. */
  long used() {
    return limit - remaining.getValue();
  }

  /** Gas used, net of refunds; the whole limit once out of gas. */
  long usedNet() {
    return exhausted() ? limit : used() - refundable;
  }
}
