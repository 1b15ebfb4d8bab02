package io.arcanum.wasm.instrument;

/**
 * Options of the instrumentation. They are part of the contract's identity once instrumented: every
 * node must use the same values, or nodes disagree about which call traps.
 *
 * @param maxStackHeight the largest summed frame weight (1 + parameters + declared locals per
 *     active wasm call) a call may reach; a call that would exceed it traps with {@code
 *     arcanum_stack_exhausted = 1}. Between 1 and 2^30.
 */
public record InstrumentationOptions(int maxStackHeight) {
  /**
   * The default stack limit, 16 384 weight units. Secret runs contracts on wasm3 with a 60 KiB
   * stack (cosmwasm-abi.md §5.3): 7 680 eight-byte slots, and a wasm3 frame holds at least one slot
   * per parameter and local plus its return slots and operand temporaries, so every call chain that
   * fits on Secret weighs less than 7 680 units here. 16 384 leaves twice that while keeping the
   * JVM stack an instrumented module can use bounded (see docs/gas.md for the measured thread stack
   * size).
   */
  public static final int DEFAULT_MAX_STACK_HEIGHT = 16_384;

  /** The largest accepted limit; keeps {@code height + weight} from wrapping around in i32. */
  public static final int MAX_STACK_HEIGHT_LIMIT = 1 << 30;

  public InstrumentationOptions {
    if (maxStackHeight < 1 || maxStackHeight > MAX_STACK_HEIGHT_LIMIT) {
      throw new IllegalArgumentException(
          "maxStackHeight must be between 1 and " + MAX_STACK_HEIGHT_LIMIT + ": " + maxStackHeight);
    }
  }

  public static InstrumentationOptions defaults() {
    return new InstrumentationOptions(DEFAULT_MAX_STACK_HEIGHT);
  }
}
