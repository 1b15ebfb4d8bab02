/** The CosmWasm VM: validation, gas instrumentation, Region memory and host functions. */
package io.arcanum.wasm;
