package io.arcanum.wasm;

/** How the VM executes wasm. Both give identical results, gas and state writes. */
public enum Engine {
  /** Chicory's runtime compiler: wasm to JVM bytecode once per code hash. The default. */
  COMPILED,
  /** Chicory's interpreter: no compile step, about 100 times slower; for tests and comparison. */
  INTERPRETED
}
