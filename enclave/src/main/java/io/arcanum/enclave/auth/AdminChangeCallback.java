package io.arcanum.enclave.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What the callback signature of a contract's {@code wasm.update_admin} / {@code clear_admin}
 * sub-message covers (protocol.md §10.2, with {@code JSON(funds) = "[]"}).
 *
 * <p>Secret signs these over an empty message, so one signature would fit every admin change of
 * every contract, and a node holding one could have its enclave re-prove any admin it likes for a
 * contract whose admin is a contract. Arcanum signs {@code "update_admin" ‖ contract(20) ‖
 * new_admin(20)} or {@code "clear_admin" ‖ contract(20)} (canonical addresses) instead: the
 * signature then names the change. Only enclaves make and check these signatures, so no client sees
 * the difference.
 */
public final class AdminChangeCallback {
  private AdminChangeCallback() {}

  /**
   * @param kind {@link ContractMessageKind#UPDATE_ADMIN} or {@link ContractMessageKind#CLEAR_ADMIN}
   * @param contract the canonical address of the contract whose admin changes
   * @param newAdmin the new admin's canonical address; empty when clearing
   */
  public static byte[] message(ContractMessageKind kind, byte[] contract, byte[] newAdmin) {
    if (!kind.changesAdmin()) {
      throw new IllegalArgumentException(kind + " does not change the admin");
    }
    byte[] tag =
        (kind == ContractMessageKind.UPDATE_ADMIN ? "update_admin" : "clear_admin")
            .getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(tag.length + contract.length + newAdmin.length)
        .put(tag)
        .put(contract)
        .put(newAdmin)
        .array();
  }
}
