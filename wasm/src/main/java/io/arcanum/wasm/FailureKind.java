package io.arcanum.wasm;

/** Why a call failed without a result from the contract. Each is a contract error on chain. */
public enum FailureKind {
  /** The gas limit ran out, in wasm code or in a host function's charge. */
  OUT_OF_GAS,
  /** The injected call-depth bound was hit (never a JVM stack overflow). */
  CALL_DEPTH_EXCEEDED,
  /** A wasm trap: unreachable (a Rust panic), out-of-bounds memory, division by zero, ... */
  TRAP,
  /** A host function refused the call: bad Region, write in a query, iterator unavailable, ... */
  HOST_ERROR,
  /** The entry point returned something that is not a valid result envelope. */
  MALFORMED_RESULT,
  /** The contract does not export the requested entry point. */
  MISSING_ENTRY_POINT
}
