package io.arcanum.wasm.instrument;

import com.dylibso.chicory.wasm.ChicoryException;

/** Test helper: whether running wasm trapped. */
final class Traps {
  private Traps() {}

  /** True if {@code body} threw a Chicory trap; other failures propagate. */
  static boolean of(Runnable body) {
    try {
      body.run();
      return false;
    } catch (ChicoryException e) {
      return true;
    }
  }
}
