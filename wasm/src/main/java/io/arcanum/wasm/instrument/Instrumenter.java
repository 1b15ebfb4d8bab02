package io.arcanum.wasm.instrument;

import java.util.Set;

/**
 * Secret's deterministic gas metering plus a deterministic call-depth bound, applied to a wasm
 * module once per code hash (cosmwasm-abi.md §6.2; details in docs/gas.md).
 *
 * <p>The output exports four mutable globals: {@value GasCosts#GAS_LIMIT_EXPORT} (i64, remaining
 * gas, set by the host before a call), {@value GasCosts#GAS_EXHAUSTED_EXPORT} (i64, non-zero after
 * an out-of-gas trap: the cost that did not fit), {@value GasCosts#STACK_HEIGHT_EXPORT} (i32) and
 * {@value GasCosts#STACK_EXHAUSTED_EXPORT} (i32, 1 after a call-depth trap). Both exhaustions trap
 * through {@code unreachable}; the host tells them from an ordinary {@code unreachable} by reading
 * the globals.
 */
public final class Instrumenter {
  private static final Set<String> RESERVED = Set.of(ModuleRewriter.exportNames());

  private Instrumenter() {}

  /**
   * Instruments a module that the caller has already validated as wasm MVP + sign-extension.
   *
   * @throws UnsupportedInstructionException for any instruction, type or section outside MVP +
   *     sign-extension, naming the opcode and the function index
   * @throws InstrumentationException if the module is malformed or already exports one of the
   *     reserved names
   */
  public static byte[] instrument(byte[] wasm, InstrumentationOptions options) {
    ModuleInfo info = ModuleInfo.parse(wasm, RESERVED);
    FrameWeights weights = FrameWeights.compute(info, options.maxStackHeight());
    return new ModuleRewriter(info, weights, options).rewrite();
  }

  /**
   * The gas each instruction sequence of each defined function charges on entry, in the order the
   * sequences open: {@code [f][0]} is the body of the {@code f}-th defined (non-imported) function,
   * followed by its block, loop and if bodies and else arms as they appear. Zero-cost sequences
   * (empty blocks, which get no prologue) are included as 0.
   */
  public static long[][] sequenceCosts(byte[] wasm) {
    ModuleInfo info = ModuleInfo.parse(wasm, Set.of());
    FrameWeights weights =
        FrameWeights.compute(info, InstrumentationOptions.MAX_STACK_HEIGHT_LIMIT);
    return new ModuleRewriter(info, weights, InstrumentationOptions.defaults()).sequenceCosts();
  }

  /**
   * The frame weight {@code 1 + parameters + declared locals} of each defined function, as used by
   * the call-depth bound (before capping at the limit + 1).
   */
  public static long[] frameWeights(byte[] wasm) {
    ModuleInfo info = ModuleInfo.parse(wasm, Set.of());
    FrameWeights weights = FrameWeights.compute(info, Long.MAX_VALUE - 1);
    long[] result = new long[info.definedFunctions()];
    for (int i = 0; i < result.length; i++) {
      result[i] = weights.function(i);
    }
    return result;
  }
}
