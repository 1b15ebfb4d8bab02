package io.arcanum.wasm.instrument;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Frame weights for the call-depth bound. A defined function weighs {@code 1 + parameters +
 * declared locals}: one unit for the frame itself and one per value slot, so both deep chains of
 * small frames and shallow chains of huge frames are bounded. A {@code call_indirect} of type
 * {@code t} weighs the most any defined function whose type is structurally equal to {@code t}
 * weighs (those are the only defined functions the call can reach without a signature trap), and at
 * least {@code 1 + parameters of t}. Weights are capped at {@code limit + 1}: any larger weight
 * traps just the same.
 */
final class FrameWeights {
  private final long[] functionWeights;
  private final long[] indirectWeights;

  /** Per defined function: the offset where its expression starts, after the local declarations. */
  private final int[] expressionStarts;

  private final long[] slots;

  private FrameWeights(
      long[] functionWeights, long[] indirectWeights, int[] expressionStarts, long[] slots) {
    this.slots = slots;
    this.functionWeights = functionWeights;
    this.indirectWeights = indirectWeights;
    this.expressionStarts = expressionStarts;
  }

  static FrameWeights compute(ModuleInfo info, long limit) {
    int defined = info.definedFunctions();
    long[] weights = new long[defined];
    int[] expressionStarts = new int[defined];
    long[] slots = new long[defined];
    long cap = limit + 1;
    for (int i = 0; i < defined; i++) {
      ByteCursor in = new ByteCursor(info.module, info.bodyStarts[i], info.bodyEnds[i]);
      long locals;
      try {
        locals = readLocals(in);
      } catch (UnsupportedInstructionException e) {
        throw e;
      } catch (InstrumentationException e) {
        throw new InstrumentationException(
            "function " + (info.importedFunctions + i) + ": " + e.getMessage(), e);
      }
      expressionStarts[i] = in.position();
      long params = info.typeParamCounts.get(info.definedFunctionTypes[i]);
      slots[i] = params + locals;
      weights[i] = Math.min(cap, 1 + params + locals);
    }
    Map<ByteBuffer, Long> heaviestBySignature = new HashMap<>();
    for (int i = 0; i < defined; i++) {
      ByteBuffer signature = ByteBuffer.wrap(info.types.get(info.definedFunctionTypes[i]));
      heaviestBySignature.merge(signature, weights[i], Math::max);
    }
    int typeCount = info.types.size();
    long[] indirect = new long[typeCount];
    for (int t = 0; t < typeCount; t++) {
      long own = Math.min(cap, 1 + info.typeParamCounts.get(t));
      long heaviest = heaviestBySignature.getOrDefault(ByteBuffer.wrap(info.types.get(t)), 0L);
      indirect[t] = Math.max(own, heaviest);
    }
    return new FrameWeights(weights, indirect, expressionStarts, slots);
  }

  /**
   * Reads the local declarations at the start of a body and returns how many locals they declare.
   */
  private static long readLocals(ByteCursor in) {
    int groups = in.readIndex();
    long total = 0;
    for (int g = 0; g < groups; g++) {
      total += in.readU32();
      ModuleInfo.checkValueType(in, "local");
    }
    return total;
  }

  /** The weight of defined function {@code definedIndex} (0 = first non-imported function). */
  long function(int definedIndex) {
    return functionWeights[definedIndex];
  }

  long indirect(int typeIndex) {
    return indirectWeights[typeIndex];
  }

  /** Parameters plus declared locals: the index the first appended local gets. */
  long localSlots(int definedIndex) {
    return slots[definedIndex];
  }

  int expressionStart(int definedIndex) {
    return expressionStarts[definedIndex];
  }
}
