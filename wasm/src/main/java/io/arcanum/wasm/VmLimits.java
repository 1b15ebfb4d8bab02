package io.arcanum.wasm;

import java.util.Set;

/**
 * Upload and execution limits. {@link #secretDefaults()} are Secret Network's values where Secret
 * has one (cosmwasm-abi.md §3.6, §5.3); where Secret sets none (function, parameter, import and
 * local counts) the defaults are generous bounds that every contract in the conformance corpus (§7)
 * satisfies but a hostile module cannot exceed to exhaust the compiler.
 *
 * @param maxWasmBytes largest module accepted, after gunzip (Secret: 2 MiB)
 * @param maxGzipBytes largest compressed upload accepted
 * @param maxMemoryPages initial memory limit at upload and the runtime cap (Secret: 192 = 12 MiB)
 * @param maxFunctions defined plus imported functions (upstream 3.x: 20 000)
 * @param maxParams parameters of any function type (upstream 3.x: 100)
 * @param maxImports imported functions (upstream: 100)
 * @param maxLocalsPerFunction declared locals of one function (SNIP-721 has one with 102)
 * @param maxTableElements initial size of the one table
 * @param capabilities what {@code requires_<name>} exports may ask for (Secret: staking, stargate,
 *     ibc3, random)
 * @param maxStackHeight the deterministic call-depth bound, in frame-weight units (see docs/gas.md)
 * @param maxQueryDepth nested {@code query_chain} calls (Secret: 10)
 */
public record VmLimits(
    int maxWasmBytes,
    int maxGzipBytes,
    int maxMemoryPages,
    int maxFunctions,
    int maxParams,
    int maxImports,
    int maxLocalsPerFunction,
    int maxTableElements,
    Set<String> capabilities,
    int maxStackHeight,
    int maxQueryDepth) {

  /** One wasm page. */
  public static final int PAGE_BYTES = 65_536;

  public VmLimits {
    capabilities = Set.copyOf(capabilities);
    positive("maxWasmBytes", maxWasmBytes);
    positive("maxGzipBytes", maxGzipBytes);
    positive("maxMemoryPages", maxMemoryPages);
    if (maxMemoryPages > 65_536) {
      throw new IllegalArgumentException("maxMemoryPages is at most 65536, got " + maxMemoryPages);
    }
    positive("maxFunctions", maxFunctions);
    positive("maxParams", maxParams);
    positive("maxImports", maxImports);
    positive("maxLocalsPerFunction", maxLocalsPerFunction);
    positive("maxTableElements", maxTableElements);
    positive("maxStackHeight", maxStackHeight);
    positive("maxQueryDepth", maxQueryDepth);
  }

  /** Secret Network's limits. */
  public static VmLimits secretDefaults() {
    return new VmLimits(
        2 * 1024 * 1024,
        2 * 1024 * 1024,
        192,
        20_000,
        100,
        100,
        1_000,
        65_536,
        Set.of("staking", "stargate", "ibc3", "random"),
        16_384,
        10);
  }

  /** A copy with another capability set, e.g. adding "iterator" for upstream contracts. */
  public VmLimits withCapabilities(Set<String> newCapabilities) {
    return new VmLimits(
        maxWasmBytes,
        maxGzipBytes,
        maxMemoryPages,
        maxFunctions,
        maxParams,
        maxImports,
        maxLocalsPerFunction,
        maxTableElements,
        newCapabilities,
        maxStackHeight,
        maxQueryDepth);
  }

  /** A copy with another memory cap in pages. */
  public VmLimits withMaxMemoryPages(int pages) {
    return new VmLimits(
        maxWasmBytes,
        maxGzipBytes,
        pages,
        maxFunctions,
        maxParams,
        maxImports,
        maxLocalsPerFunction,
        maxTableElements,
        capabilities,
        maxStackHeight,
        maxQueryDepth);
  }

  /** Whether db_scan/db_next may be called (Secret does not link them). */
  public boolean iteratorEnabled() {
    return capabilities.contains("iterator");
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
