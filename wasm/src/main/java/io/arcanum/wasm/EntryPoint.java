package io.arcanum.wasm;

import java.util.Optional;

/**
 * A contract entry point, named as the chain calls it, with the export each generation uses
 * (cosmwasm-abi.md §2.3 "Entry-point dispatch").
 */
public enum EntryPoint {
  INSTANTIATE("init", "instantiate"),
  EXECUTE("handle", "execute"),
  QUERY("query", "query"),
  MIGRATE("migrate", "migrate"),
  REPLY(null, "reply"),
  SUDO(null, "sudo");

  private final String v010Export;
  private final String v1Export;

  EntryPoint(String v010Export, String v1Export) {
    this.v010Export = v010Export;
    this.v1Export = v1Export;
  }

  /** The export name under {@code profile}, or empty if that generation has no such entry point. */
  public Optional<String> exportName(ApiProfile profile) {
    return Optional.ofNullable(profile == ApiProfile.V010 ? v010Export : v1Export);
  }

  /** Whether the call may write state; queries run read-only. */
  public boolean mayWrite() {
    return this != QUERY;
  }

  /**
   * The wasm arguments in order: "env", "info", "msg". Only CosmWasm 1.x's instantiate and execute
   * take a MessageInfo; 0.10 puts the sender into env, and its query takes no env at all.
   */
  public int arity(ApiProfile profile) {
    if (profile == ApiProfile.V010) {
      return this == QUERY ? 1 : 2;
    }
    return this == INSTANTIATE || this == EXECUTE ? 3 : 2;
  }
}
