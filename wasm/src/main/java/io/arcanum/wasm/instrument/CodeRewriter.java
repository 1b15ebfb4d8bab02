package io.arcanum.wasm.instrument;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Rewrites one function body. A first pass walks the instructions, counts the instructions directly
 * in each sequence and records where to insert what; a second pass copies the original bytes
 * verbatim with the insertions spliced in. Insertion points are recorded in increasing offset order
 * (a sequence's prologue before any call guard at the same offset), so the copy is one sweep.
 */
final class CodeRewriter {
  private static final int PROLOGUE = 0;
  private static final int BEFORE_CALL = 1;
  private static final int AFTER_CALL = 2;
  private static final int BEFORE_GROW = 3;

  // Sequence kinds on the open-sequence stack.
  private static final int BODY = 0;
  private static final int BLOCK = 1;
  private static final int THEN = 2;
  private static final int ELSE = 3;

  private final ModuleInfo info;
  private final FrameWeights weights;
  private final InjectedCode injected;

  // Insertion plan for the current body: offset, kind, value (cost or weight).
  private int[] positions = new int[64];
  private int[] kinds = new int[64];
  private long[] values = new long[64];
  private int planned;
  private boolean growsMemory;

  CodeRewriter(ModuleInfo info, FrameWeights weights, InjectedCode injected) {
    this.info = info;
    this.weights = weights;
    this.injected = injected;
  }

  /** True once any body rewritten so far contains {@code memory.grow}. */
  boolean growsMemory() {
    return growsMemory;
  }

  /** The rewritten body (local declarations and expression) of defined function {@code i}. */
  byte[] rewrite(int definedIndex) {
    plan(definedIndex);
    byte[] module = info.module;
    int start = info.bodyStarts[definedIndex];
    int end = info.bodyEnds[definedIndex];
    ByteArrayOutputStream out = new ByteArrayOutputStream((end - start) * 2 + 32);
    // The local declarations gain two scratch locals (an i64 for the gas prologue, an i32 for the
    // call guard) so each check reads its global once: see InjectedCode.
    int expression = weights.expressionStart(definedIndex);
    ByteCursor header = new ByteCursor(module, start, expression);
    int groups = header.readIndex();
    Leb128.writeUnsigned(out, groups + 2L);
    out.write(module, header.position(), expression - header.position());
    out.write(1);
    out.write(InjectedCode.I64);
    out.write(1);
    out.write(InjectedCode.I32);
    long gasScratch = weights.localSlots(definedIndex);
    long heightScratch = gasScratch + 1;
    int copied = expression;
    for (int i = 0; i < planned; i++) {
      out.write(module, copied, positions[i] - copied);
      copied = positions[i];
      switch (kinds[i]) {
        case PROLOGUE -> {
          if (values[i] != 0) {
            injected.gasPrologue(out, values[i], gasScratch);
          }
        }
        case BEFORE_CALL -> injected.beforeCall(out, values[i], heightScratch);
        case AFTER_CALL -> injected.afterCall(out, values[i]);
        case BEFORE_GROW -> injected.beforeGrow(out);
        default -> throw new IllegalStateException();
      }
    }
    out.write(module, copied, end - copied);
    return out.toByteArray();
  }

  /** The gas cost of each instruction sequence of defined function {@code i}, in opening order. */
  long[] sequenceCosts(int definedIndex) {
    plan(definedIndex);
    long[] costs = new long[planned];
    int n = 0;
    for (int i = 0; i < planned; i++) {
      if (kinds[i] == PROLOGUE) {
        costs[n++] = values[i];
      }
    }
    return Arrays.copyOf(costs, n);
  }

  private void plan(int definedIndex) {
    int functionIndex = info.importedFunctions + definedIndex;
    planned = 0;
    ByteCursor in =
        new ByteCursor(
            info.module, weights.expressionStart(definedIndex), info.bodyEnds[definedIndex]);
    InstructionReader reader = new InstructionReader(in, functionIndex);
    // Open sequences: their plan entry (for the prologue), instruction count and kind.
    int[] openEntry = new int[16];
    long[] openCount = new long[16];
    int[] openKind = new int[16];
    openEntry[0] = add(in.position(), PROLOGUE, 0);
    openKind[0] = BODY;
    int depth = 1;
    try {
      while (depth > 0) {
        if (!reader.hasNext()) {
          throw new InstrumentationException(
              "body ends inside " + depth + " open instruction sequence(s) (missing end)");
        }
        int opcode = reader.next();
        if (opcode == OpcodeTable.END || opcode == OpcodeTable.ELSE) {
          depth--;
          values[openEntry[depth]] = GasCosts.COST_PER_INSTRUCTION * openCount[depth];
          if (opcode == OpcodeTable.ELSE) {
            if (openKind[depth] != THEN) {
              throw new InstrumentationException(
                  "else without a matching if at offset " + reader.start());
            }
            openEntry[depth] = add(reader.end(), PROLOGUE, 0);
            openCount[depth] = 0;
            openKind[depth] = ELSE;
            depth++;
          }
          continue;
        }
        openCount[depth - 1]++;
        switch (opcode) {
          case OpcodeTable.BLOCK, OpcodeTable.LOOP, OpcodeTable.IF -> {
            if (depth == openEntry.length) {
              openEntry = Arrays.copyOf(openEntry, depth * 2);
              openCount = Arrays.copyOf(openCount, depth * 2);
              openKind = Arrays.copyOf(openKind, depth * 2);
            }
            openEntry[depth] = add(reader.end(), PROLOGUE, 0);
            openCount[depth] = 0;
            openKind[depth] = opcode == OpcodeTable.IF ? THEN : BLOCK;
            depth++;
          }
          case OpcodeTable.CALL -> guardCall(reader, callWeight(reader.index()));
          case OpcodeTable.CALL_INDIRECT_OP -> guardCall(reader, indirectWeight(reader.index()));
          case OpcodeTable.MEMORY_GROW -> {
            add(reader.start(), BEFORE_GROW, 0);
            growsMemory = true;
          }
          default -> {}
        }
      }
      if (reader.hasNext()) {
        throw new InstrumentationException(
            in.remaining() + " bytes after the final end at offset " + in.position());
      }
    } catch (UnsupportedInstructionException e) {
      throw e;
    } catch (InstrumentationException e) {
      throw new InstrumentationException("function " + functionIndex + ": " + e.getMessage(), e);
    }
  }

  /** The weight of a call to function {@code index}, or -1 for an import (not guarded). */
  private long callWeight(int index) {
    if (index < info.importedFunctions) {
      return -1;
    }
    int defined = index - info.importedFunctions;
    if (defined >= info.definedFunctions()) {
      throw new InstrumentationException(
          "call to function "
              + index
              + " but there are "
              + (info.importedFunctions + info.definedFunctions())
              + " functions");
    }
    return weights.function(defined);
  }

  private long indirectWeight(int typeIndex) {
    if (typeIndex >= info.types.size()) {
      throw new InstrumentationException(
          "call_indirect with type "
              + typeIndex
              + " but there are "
              + info.types.size()
              + " types");
    }
    return weights.indirect(typeIndex);
  }

  private void guardCall(InstructionReader reader, long weight) {
    if (weight >= 0) {
      add(reader.start(), BEFORE_CALL, weight);
      add(reader.end(), AFTER_CALL, weight);
    }
  }

  private int add(int position, int kind, long value) {
    if (planned == positions.length) {
      positions = Arrays.copyOf(positions, planned * 2);
      kinds = Arrays.copyOf(kinds, planned * 2);
      values = Arrays.copyOf(values, planned * 2);
    }
    positions[planned] = position;
    kinds[planned] = kind;
    values[planned] = value;
    return planned++;
  }
}
