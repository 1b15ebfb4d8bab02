package io.arcanum.wasm.runtime;

/**
 * Wasm gas charged by host functions, from Secret's table (cosmwasm-abi.md §6.3). Iteration and the
 * upstream-only imports are not in Secret's table; Arcanum charges them like a storage read.
 */
final class HostCosts {
  static final long DB_READ = 1_000;
  static final long DB_WRITE = 2_000;
  static final long DB_WRITE_PER_VALUE_BYTE = 5_000; // pseudo-gas, refunded after the call
  static final long DB_REMOVE = 0; // charged chain-side
  static final long DB_SCAN = 1_000;
  static final long DB_NEXT = 1_000;
  static final long ADDRESS = 8_192;
  static final long SECP256K1_VERIFY = 98_304;
  static final long SECP256K1_RECOVER = 98_304;
  static final long ED25519_VERIFY = 73_728;
  static final long ED25519_BATCH_BASE = 5_000;
  static final long ED25519_BATCH_PER_SIGNATURE = 70_000;
  static final long SECP256K1_SIGN = 100_000;
  static final long ED25519_SIGN = 75_000;
  static final long CHECK_GAS = 8_192;
  static final long GAS_EVAPORATE_MIN = 8_000;
  static final long GAS_EVAPORATE_PER_UNIT = 1_000;
  static final long DCAP_QUOTE_VERIFY = 100_000;

  /** 1 SDK gas = 1 000 wasm gas (§6.4). */
  static final long GAS_MULTIPLIER = 1_000;

  private HostCosts() {}
}
