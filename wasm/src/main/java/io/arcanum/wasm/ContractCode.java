package io.arcanum.wasm;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A contract that passed upload validation: the inflated wasm, its identity and what it declared.
 * The code hash is the lowercase hex SHA-256 of {@link #wasm()} (cosmwasm-abi.md §5.3), the
 * contract's identity on chain.
 *
 * @param codeHash lowercase hex SHA-256 of the inflated module
 * @param profile the API generation from the marker export
 * @param wasm the inflated module, as uploaded
 * @param capabilities the {@code <name>} of every {@code requires_<name>} export
 * @param exports every exported function name
 */
public record ContractCode(
    String codeHash,
    ApiProfile profile,
    byte[] wasm,
    Set<String> capabilities,
    Set<String> exports) {

  public ContractCode {
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(profile, "profile");
    wasm = wasm.clone();
    capabilities = Set.copyOf(capabilities);
    exports = Set.copyOf(exports);
  }

  @Override
  public byte[] wasm() {
    return wasm.clone();
  }

  /** Size of the inflated module in bytes. */
  public int size() {
    return wasm.length;
  }

  /** Whether the contract exports {@code name}. */
  public boolean exports(String name) {
    return exports.contains(name);
  }

  /** Package-private view without a copy, for the VM's own compile step. */
  byte[] wasmUnsafe() {
    return wasm;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ContractCode that
        && codeHash.equals(that.codeHash)
        && Arrays.equals(wasm, that.wasm);
  }

  @Override
  public int hashCode() {
    return codeHash.hashCode();
  }

  @Override
  public String toString() {
    return "ContractCode[" + codeHash + ", " + profile + ", " + wasm.length + " bytes]";
  }
}
