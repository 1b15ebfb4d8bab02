package io.arcanum.wasm.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The static per-sequence costs, against the hand counts in gas_basics.wat. */
class SequenceCostsTest {
  @Test
  void costsPerSequenceInOpeningOrder() {
    long[][] costs = Instrumenter.sequenceCosts(Metered.resource("gas_basics"));

    assertThat(costs)
        .isDeepEqualTo(
            new long[][] {
              new long[] {10}, // straight
              new long[] {4, 6, 8}, // nested_block: body, outer, inner
              new long[] {8, 6, 2}, // if_else: body, then, else
              new long[] {4, 14}, // loop: body, loop body
              new long[] {4, 6, 10}, // br_out: body, $outer, $inner
              new long[] {4, 8, 8, 4, 6, 10}, // br_table: body, $b2, $b1, $b0, 3 nops, 5 nops
              new long[] {4}, // grow
              new long[] {6}, // $add1
              new long[] {4}, // call
              new long[] {4, 0}, // empty_block: the empty block costs 0 and gets no prologue
            });
  }

  @Test
  void costIsTwicePerInstruction() {
    assertThat(GasCosts.COST_PER_INSTRUCTION).isEqualTo(2);
    assertThat(GasCosts.GROW_COST_PER_PAGE).isEqualTo(8192);
  }
}
