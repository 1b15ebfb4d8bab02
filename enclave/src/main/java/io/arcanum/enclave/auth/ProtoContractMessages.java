package io.arcanum.enclave.auth;

import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.enclave.api.Coin;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the compute messages of a {@code TxBody} (secretjs-api.md §5). Instantiate and execute
 * carry addresses as raw bytes; migrate and the admin messages carry them as bech32 strings, which
 * are decoded under the chain's prefix so all compare as bytes (the new admin stays the string the
 * sender signed).
 */
final class ProtoContractMessages {
  private final String bech32Prefix;

  ProtoContractMessages(String bech32Prefix) {
    this.bech32Prefix = bech32Prefix;
  }

  /** The compute message in {@code any}, or null if it is a message of another type. */
  SignedContractMessage decode(TxProto.ProtoAny any, String what)
      throws SenderAuthenticationException {
    ContractMessageKind kind = ContractMessageKind.byTypeUrl(any.typeUrl());
    if (kind == null) {
      return null;
    }
    ProtoMessage m = ProtoMessage.parse(any.value(), what + " " + kind.typeUrl());
    return switch (kind) {
      // MsgInstantiateContract{1 sender, 2 callback_code_hash, 3 code_id, 4 label, 5 init_msg,
      // 6 init_funds, 7 callback_sig, 8 admin}
      case INSTANTIATE ->
          new SignedContractMessage(
              kind,
              m.bytes(1, "sender"),
              null,
              m.bytes(5, "init_msg"),
              coins(m.repeatedBytes(6, "init_funds"), what + ".init_funds"),
              m.string(8, "admin"),
              m.uint64(3, "code_id"),
              m.string(4, "label"),
              m.string(2, "callback_code_hash"),
              m.bytes(7, "callback_sig"));
      // MsgExecuteContract{1 sender, 2 contract, 3 msg, 4 callback_code_hash, 5 sent_funds,
      // 6 callback_sig}
      case EXECUTE ->
          new SignedContractMessage(
              kind,
              m.bytes(1, "sender"),
              m.bytes(2, "contract"),
              m.bytes(3, "msg"),
              coins(m.repeatedBytes(5, "sent_funds"), what + ".sent_funds"),
              "",
              0,
              "",
              m.string(4, "callback_code_hash"),
              m.bytes(6, "callback_sig"));
      // MsgMigrateContract{1 sender string, 2 contract string, 3 code_id, 4 msg, 7 callback_sig,
      // 8 callback_code_hash}
      case MIGRATE ->
          new SignedContractMessage(
              kind,
              bech32(m.string(1, "sender"), what + ".sender"),
              bech32(m.string(2, "contract"), what + ".contract"),
              m.bytes(4, "msg"),
              List.of(),
              "",
              m.uint64(3, "code_id"),
              "",
              m.string(8, "callback_code_hash"),
              m.bytes(7, "callback_sig"));
      // MsgUpdateAdmin{1 sender, 2 new_admin, 3 contract, 7 callback_sig}, all strings but the sig
      case UPDATE_ADMIN ->
          adminChange(
              kind,
              bech32(m.string(1, "sender"), what + ".sender"),
              bech32(m.string(3, "contract"), what + ".contract"),
              m.string(2, "new_admin"),
              m.bytes(7, "callback_sig"));
      // MsgClearAdmin{1 sender, 3 contract, 7 callback_sig}
      case CLEAR_ADMIN ->
          adminChange(
              kind,
              bech32(m.string(1, "sender"), what + ".sender"),
              bech32(m.string(3, "contract"), what + ".contract"),
              "",
              m.bytes(7, "callback_sig"));
    };
  }

  /** An admin message: no input, no funds; the new admin in {@code admin} ("" to clear). */
  static SignedContractMessage adminChange(
      ContractMessageKind kind, byte[] sender, byte[] contract, String newAdmin, byte[] sig) {
    return new SignedContractMessage(
        kind, sender, contract, new byte[0], List.of(), newAdmin, 0, "", "", sig);
  }

  private byte[] bech32(String text, String what) throws SenderAuthenticationException {
    try {
      return CosmosAddress.parse(bech32Prefix, text).bytes();
    } catch (CryptoException e) {
      throw SenderAuthenticationException.malformed(what + " '" + text + "': " + e.getMessage());
    }
  }

  /** Repeated {@code cosmos.base.v1beta1.Coin{1 denom, 2 amount}}, amounts read as u128. */
  private static List<Coin> coins(List<byte[]> raw, String what)
      throws SenderAuthenticationException {
    List<Coin> coins = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      String where = what + "[" + i + "]";
      ProtoMessage coin = ProtoMessage.parse(raw.get(i), where);
      String amount = coin.string(2, "amount");
      try {
        coins.add(new Coin(coin.string(1, "denom"), Funds.canonicalAmount(amount)));
      } catch (IllegalArgumentException e) {
        throw SenderAuthenticationException.malformed(where + ": " + e.getMessage());
      }
    }
    return List.copyOf(coins);
  }
}
