/**
 * Deterministic gas metering (Secret's scheme, cosmwasm-abi.md §6.2) and call-depth bounding of
 * wasm modules, by rewriting the binary once per code hash. Entry point: {@link
 * io.arcanum.wasm.instrument.Instrumenter#instrument}. The exact bytes inserted, the costs, the
 * stack weights and the thread stack the VM must provide are described in docs/gas.md.
 */
package io.arcanum.wasm.instrument;
