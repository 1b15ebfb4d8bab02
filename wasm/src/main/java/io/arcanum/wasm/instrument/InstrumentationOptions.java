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
   * The default stack limit, 16 384 weight units. Secret bounds a contract's wasm stack at 60 KiB
   * (cosmwasm-abi.md §5.3); with wasm3's 4-byte slots that is 15 360 slots, and a wasm3 frame takes
   * at least one slot per i32 parameter and local (two per i64). 16 384 units is of the same order,
   * so ordinary contracts, whose call chains stay far below either bound, behave the same; the
   * limits are not identical (docs/gas.md says where they differ). It also keeps the JVM stack an
   * instrumented module can use small: see {@link #recommendedThreadStackBytes()}.
   */
  public static final int DEFAULT_MAX_STACK_HEIGHT = 16_384;

  /**
   * JVM thread stack to reserve per weight unit. Measured worst case (a chain of weight-1 frames,
   * direct or through call_indirect, on Chicory 1.7.5's interpreter with a cold JIT): about 1 KiB
   * per unit; the compiler needs about 0.2 KiB. Four times the interpreter's figure leaves room for
   * host frames and other JVMs.
   */
  public static final long THREAD_STACK_BYTES_PER_UNIT = 4096;

  /** The largest accepted limit; keeps {@code height + weight} from wrapping around in i32. */
  public static final int MAX_STACK_HEIGHT_LIMIT = 1 << 30;

  public InstrumentationOptions {
    if (maxStackHeight < 1 || maxStackHeight > MAX_STACK_HEIGHT_LIMIT) {
      throw new IllegalArgumentException(
          "maxStackHeight must be between 1 and " + MAX_STACK_HEIGHT_LIMIT + ": " + maxStackHeight);
    }
  }

  /**
   * The thread stack size the VM should give the thread that runs a module instrumented with these
   * options, so that the deterministic bound always trips before a JVM {@link StackOverflowError}
   * (64 MiB for the default limit). At least 1 MiB.
   */
  public long recommendedThreadStackBytes() {
    return Math.max(1L << 20, maxStackHeight * THREAD_STACK_BYTES_PER_UNIT);
  }

  public static InstrumentationOptions defaults() {
    return new InstrumentationOptions(DEFAULT_MAX_STACK_HEIGHT);
  }
}
