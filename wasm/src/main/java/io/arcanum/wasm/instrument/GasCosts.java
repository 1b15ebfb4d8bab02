package io.arcanum.wasm.instrument;

/**
 * Secret's wasm gas schedule (cosmwasm-abi.md §6.2) and the names under which the instrumented
 * module exports its metering globals.
 */
public final class GasCosts {
  private GasCosts() {}

  /** Gas per instruction directly inside an instruction sequence (Secret 1.6+: flat 2). */
  public static final long COST_PER_INSTRUCTION = 2;

  /**
   * Gas per page requested by {@code memory.grow}, charged before the grow whether or not it
   * succeeds.
   */
  public static final long GROW_COST_PER_PAGE = 8192;

  /** Mutable i64: the remaining wasm gas; the host sets it before a call and reads it after. */
  public static final String GAS_LIMIT_EXPORT = "gas_limit";

  /**
   * Mutable i64: 0, or the cost that did not fit into {@code gas_limit} when the module trapped.
   */
  public static final String GAS_EXHAUSTED_EXPORT = "gas_limit_exhausted";

  /** Mutable i32: the summed frame weight of the wasm calls currently in progress. */
  public static final String STACK_HEIGHT_EXPORT = "arcanum_stack_height";

  /** Mutable i32: 1 once a call would have exceeded the stack limit (the module then trapped). */
  public static final String STACK_EXHAUSTED_EXPORT = "arcanum_stack_exhausted";
}
