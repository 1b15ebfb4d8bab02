package io.arcanum.enclave.api;

import java.util.Objects;

/**
 * A change of a contract's admin (Secret's {@code MsgUpdateAdmin} / {@code MsgClearAdmin}, or a
 * contract's {@code wasm.update_admin} / {@code clear_admin} sub-message), as the node passes it so
 * the enclave can re-prove the admin (protocol.md §8: admin proof = {@code HMAC(admin_proof_secret,
 * admin_canonical ‖ og_contract_key)}).
 *
 * @param codeHash SHA-256 of the contract's current code, to check {@code contractKey}
 * @param block the block
 * @param contractAddress canonical (20-byte) address of the contract
 * @param contractKey the stored key; its {@link ContractKeyInfo#adminProof()} is the current
 *     admin's proof
 * @param currentAdmin the current admin (bech32), who must be the message's sender
 * @param newAdmin the new admin (bech32), or {@code ""} to clear the admin
 * @param sigInfo the tx's signature info (the sender signed this exact message), or the callback
 *     signature the enclave attached to a contract's admin sub-message
 */
public record AdminUpdateCall(
    byte[] codeHash,
    BlockEnv block,
    byte[] contractAddress,
    ContractKeyInfo contractKey,
    String currentAdmin,
    String newAdmin,
    SigInfo sigInfo) {
  public AdminUpdateCall {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(contractKey, "contractKey");
    Objects.requireNonNull(sigInfo, "sigInfo");
    currentAdmin = currentAdmin == null ? "" : currentAdmin;
    newAdmin = newAdmin == null ? "" : newAdmin;
  }

  /** Whether this clears the admin. */
  public boolean clears() {
    return newAdmin.isEmpty();
  }
}
