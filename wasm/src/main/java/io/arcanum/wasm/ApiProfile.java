package io.arcanum.wasm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CosmWasm API generation a contract is built for, decided by its marker export
 * (cosmwasm-abi.md §1, §2.3): {@code cosmwasm_vm_version_3} → CosmWasm 0.10, {@code
 * interface_version_8} → CosmWasm 1.x (Secret's fork and upstream).
 */
public enum ApiProfile {
  /** CosmWasm 0.10 ({@code init/handle/query/migrate}), the generation of most Secret contracts. */
  V010(
      "cosmwasm_vm_version_3",
      List.of("allocate", "deallocate", "init", "handle", "query"),
      Imports.withShared(
          Map.of(
              "canonicalize_address", Signature.I32_I32_TO_I32,
              "humanize_address", Signature.I32_I32_TO_I32,
              "debug_print", Signature.I32_TO_NONE))),

  /**
   * CosmWasm 1.x: Secret's fork ({@code secret-cosmwasm-std}) and upstream 1.x, whose std ≥ 1.2
   * also imports {@code abort} and, from 1.4, {@code db_next_key}/{@code db_next_value}. Secret
   * itself refuses those three; Arcanum runs both.
   */
  V1(
      "interface_version_8",
      List.of("allocate", "deallocate", "instantiate"),
      Imports.withShared(
          Map.ofEntries(
              Map.entry("db_next_key", Signature.I32_TO_I32),
              Map.entry("db_next_value", Signature.I32_TO_I32),
              Map.entry("addr_validate", Signature.I32_TO_I32),
              Map.entry("addr_canonicalize", Signature.I32_I32_TO_I32),
              Map.entry("addr_humanize", Signature.I32_I32_TO_I32),
              Map.entry("dcap_quote_verify", Signature.I32_I32_TO_I64),
              Map.entry("debug", Signature.I32_TO_NONE),
              Map.entry("abort", Signature.I32_TO_NONE),
              Map.entry("gas_evaporate", Signature.I32_TO_I32),
              Map.entry("check_gas", Signature.NONE_TO_I64))));

  /** Markers of generations Arcanum refuses (cosmwasm-abi.md §1). */
  public static final Set<String> LEGACY_MARKERS =
      Set.of(
          "cosmwasm_api_0_6",
          "cosmwasm_vm_version_1",
          "cosmwasm_vm_version_2",
          "cosmwasm_vm_version_4");

  private final String marker;
  private final List<String> requiredExports;
  private final Map<String, Signature> imports;

  ApiProfile(String marker, List<String> requiredExports, Map<String, Signature> imports) {
    this.marker = marker;
    this.requiredExports = requiredExports;
    this.imports = imports;
  }

  /** The no-argument export that declares this generation. */
  public String marker() {
    return marker;
  }

  /** Exports every contract of this generation must have (besides the marker). */
  public List<String> requiredExports() {
    return requiredExports;
  }

  /** Every import module {@code "env"} may provide to this generation, with its wasm signature. */
  public Map<String, Signature> imports() {
    return imports;
  }

  /** The profile whose marker is {@code exportName}, if any. */
  public static ApiProfile byMarker(String exportName) {
    for (ApiProfile profile : values()) {
      if (profile.marker.equals(exportName)) {
        return profile;
      }
    }
    return null;
  }

  /**
   * Imports both generations share: storage, iteration, chain queries and the signature functions
   * (Secret links the crypto functions for 0.10 contracts too since Secret 1.3, §2.3).
   */
  private static final class Imports {
    static Map<String, Signature> withShared(Map<String, Signature> own) {
      Map<String, Signature> all =
          new java.util.HashMap<>(
              Map.ofEntries(
                  Map.entry("db_read", Signature.I32_TO_I32),
                  Map.entry("db_write", Signature.I32_I32_TO_NONE),
                  Map.entry("db_remove", Signature.I32_TO_NONE),
                  Map.entry("db_scan", Signature.I32_I32_I32_TO_I32),
                  Map.entry("db_next", Signature.I32_TO_I32),
                  Map.entry("query_chain", Signature.I32_TO_I32),
                  Map.entry("secp256k1_verify", Signature.I32_I32_I32_TO_I32),
                  Map.entry("secp256k1_recover_pubkey", Signature.I32_I32_I32_TO_I64),
                  Map.entry("secp256k1_sign", Signature.I32_I32_TO_I64),
                  Map.entry("ed25519_verify", Signature.I32_I32_I32_TO_I32),
                  Map.entry("ed25519_batch_verify", Signature.I32_I32_I32_TO_I32),
                  Map.entry("ed25519_sign", Signature.I32_I32_TO_I64)));
      all.putAll(own);
      return Map.copyOf(all);
    }
  }

  /** The wasm function signatures the ABI uses, written as in the spec's tables. */
  public enum Signature {
    NONE_TO_NONE("() -> ()", 0, ""),
    NONE_TO_I64("() -> i64", 0, "i64"),
    I32_TO_NONE("(i32) -> ()", 1, ""),
    I32_TO_I32("(i32) -> i32", 1, "i32"),
    I32_I32_TO_NONE("(i32, i32) -> ()", 2, ""),
    I32_I32_TO_I32("(i32, i32) -> i32", 2, "i32"),
    I32_I32_TO_I64("(i32, i32) -> i64", 2, "i64"),
    I32_I32_I32_TO_I32("(i32, i32, i32) -> i32", 3, "i32"),
    I32_I32_I32_TO_I64("(i32, i32, i32) -> i64", 3, "i64");

    private final String text;
    private final int i32Params;
    private final String result;

    Signature(String text, int i32Params, String result) {
      this.text = text;
      this.i32Params = i32Params;
      this.result = result;
    }

    /** Number of (i32) parameters. */
    public int params() {
      return i32Params;
    }

    /** "i32", "i64" or "" for no result. */
    public String result() {
      return result;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
