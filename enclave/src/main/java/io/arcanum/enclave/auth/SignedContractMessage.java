package io.arcanum.enclave.auth;

import io.arcanum.enclave.api.Coin;
import java.util.Arrays;
import java.util.List;

/**
 * A compute message as a signed tx states it, decoded from protobuf or amino JSON into one form so
 * the two can be compared field by field (protocol.md §10.1 item 4) and matched against what the
 * enclave is about to run (item 5).
 *
 * @param kind instantiate, execute, migrate, update or clear admin
 * @param sender the sender's raw address bytes
 * @param contract the contract's raw address bytes; null for instantiate
 * @param input init_msg or msg, exactly as carried; empty for the admin messages
 * @param funds init_funds or sent_funds with canonical amounts; empty for the others
 * @param admin instantiate's admin ("" for none), update-admin's new_admin; "" otherwise
 * @param codeId instantiate's and migrate's code id; 0 for execute
 * @param label instantiate's label; "" otherwise
 * @param callbackCodeHash empty in user-signed messages
 * @param callbackSig empty in user-signed messages
 */
record SignedContractMessage(
    ContractMessageKind kind,
    byte[] sender,
    byte[] contract,
    byte[] input,
    List<Coin> funds,
    String admin,
    long codeId,
    String label,
    String callbackCodeHash,
    byte[] callbackSig) {

  /**
   * The name of the first field in which {@code other} differs from this message, or null if the
   * two say the same.
   */
  String firstDifference(SignedContractMessage other) {
    if (kind != other.kind) {
      return "type";
    }
    if (!Arrays.equals(sender, other.sender)) {
      return "sender";
    }
    if (!Arrays.equals(contract, other.contract)) {
      return "contract";
    }
    if (!Arrays.equals(input, other.input)) {
      return "msg";
    }
    if (!funds.equals(other.funds)) {
      return "funds";
    }
    if (!admin.equals(other.admin)) {
      return "admin";
    }
    if (codeId != other.codeId) {
      return "code_id";
    }
    if (!label.equals(other.label)) {
      return "label";
    }
    if (!callbackCodeHash.equals(other.callbackCodeHash)) {
      return "callback_code_hash";
    }
    if (!Arrays.equals(callbackSig, other.callbackSig)) {
      return "callback_sig";
    }
    return null;
  }
}
