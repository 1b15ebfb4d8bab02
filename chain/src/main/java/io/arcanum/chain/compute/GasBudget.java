package io.arcanum.chain.compute;

import io.arcanum.chain.gas.GasMeter;
import io.arcanum.chain.gas.OutOfGasException;

/**
 * The SDK gas a contract call may still use, and the conversion to and from wasm gas
 * (cosmwasm-abi.md §6.4, Secret's {@code types/gas.go} and {@code keeper.consumeGas}).
 *
 * <p>A sub-message with a {@code gas_limit} below what is left runs on a tighter budget: Secret
 * gives it its own gas meter; here it shares the tx's meter and the budget remembers the consumed
 * total at which it is exhausted, so the limits handed to the enclave and the charge on failure are
 * the same as Secret's.
 */
final class GasBudget {
  /** Wasm gas per SDK gas. */
  static final long GAS_MULTIPLIER = 1000;

  /** The most wasm gas one call gets (Secret enforces it in the enclave against overflow). */
  static final long MAX_WASM_GAS = 10_000_000_000L;

  /** SDK gas charged for loading a contract instance, per invocation (Secret: InstanceCost). */
  static final long INSTANCE_COST = 20_000;

  private final GasMeter meter;
  private final long exhaustedAt;
  private final GasBudget parent;

  private GasBudget(GasMeter meter, long exhaustedAt, GasBudget parent) {
    this.meter = meter;
    this.exhaustedAt = exhaustedAt;
    this.parent = parent;
  }

  /** The whole meter. */
  static GasBudget of(GasMeter meter) {
    return new GasBudget(meter, Long.MAX_VALUE, null);
  }

  /**
   * A budget of at most {@code limit} more SDK gas, or this one if {@code limit} is not below what
   * is left (Secret: {@code limitGas := gasLimit < gasRemaining}).
   */
  GasBudget limitedTo(long limit) {
    if (limit >= remaining()) {
      return this;
    }
    return new GasBudget(meter, meter.consumed() + limit, this);
  }

  boolean isLimited() {
    return exhaustedAt != Long.MAX_VALUE;
  }

  GasMeter meter() {
    return meter;
  }

  /** SDK gas left in this budget and every budget around it. */
  long remaining() {
    long left = meter.remaining();
    if (isLimited()) {
      left = Math.min(left, Math.max(0, exhaustedAt - meter.consumed()));
    }
    return parent == null ? left : Math.min(left, parent.remaining());
  }

  /** Whether more than this budget has been used. */
  boolean exceeded() {
    return isLimited() && meter.consumed() > exhaustedAt;
  }

  /**
   * Sets the meter to exactly the budget's end: a sub-message that ran out of its own gas limit
   * costs its whole limit, no more, no less (Secret: {@code ConsumeGas(gasLimit)} after the panic).
   *
   * @throws OutOfGasException if the tx cannot pay for that much
   */
  void chargeExhausted() {
    long consumed = meter.consumed();
    if (consumed > exhaustedAt) {
      meter.refund(consumed - exhaustedAt);
    } else {
      meter.consume(exhaustedAt - consumed, "Sub-Message OutOfGas");
    }
  }

  void consume(long amount, String descriptor) {
    meter.consume(amount, descriptor);
  }

  /** The wasm gas limit of the next call: SDK gas left × 1000, at most {@link #MAX_WASM_GAS}. */
  long wasmLimit() {
    long left = remaining();
    return left >= MAX_WASM_GAS / GAS_MULTIPLIER ? MAX_WASM_GAS : left * GAS_MULTIPLIER;
  }

  /**
   * Charges a call's wasm gas: {@code used / 1000 + 1} SDK gas (Secret's {@code consumeGas}).
   *
   * @throws OutOfGasException past the tx's limit
   */
  void chargeWasm(long wasmUsed) {
    meter.consume(Math.max(0, wasmUsed) / GAS_MULTIPLIER + 1, "wasm contract");
  }

  /**
   * The call ran out of wasm gas: uses up what is left of the budget and returns the exception to
   * throw, so the tx fails with {@code sdk} 11 (a limited sub-message fails with its own limit).
   */
  OutOfGasException exhaust() {
    if (isLimited()) {
      meter.consume(remaining(), "wasm contract");
    } else if (!meter.isInfinite()) {
      try {
        meter.consume(meter.remaining() + 1, "wasm contract");
      } catch (OutOfGasException e) {
        return e;
      }
    }
    return new OutOfGasException("wasm contract", meter.limit(), meter.consumed());
  }
}
