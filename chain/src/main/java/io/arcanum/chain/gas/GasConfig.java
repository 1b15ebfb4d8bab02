package io.arcanum.chain.gas;

/**
 * Gas prices of state access, as the Cosmos SDK's {@code storetypes.KVGasConfig()} (v0.50): the
 * same numbers make gas estimates from secret.js's simulate fit this chain.
 */
public record GasConfig(
    long hasCost,
    long deleteCost,
    long readCostFlat,
    long readCostPerByte,
    long writeCostFlat,
    long writeCostPerByte,
    long iterNextCostFlat) {

  /** The SDK's KV store prices. */
  public static final GasConfig KV = new GasConfig(1000, 1000, 1000, 3, 2000, 30, 30);
}
