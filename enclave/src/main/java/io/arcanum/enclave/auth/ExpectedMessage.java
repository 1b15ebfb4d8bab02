package io.arcanum.enclave.auth;

import io.arcanum.enclave.api.Coin;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What the enclave is about to run, as the node described it. {@link SenderAuthenticator} accepts
 * it only if the sender signed a message saying exactly this (protocol.md §10.1 item 5).
 *
 * @param kind instantiate, execute, migrate, update or clear admin
 * @param sender the 20-byte canonical address the contract will see as {@code info.sender}
 * @param contract the 20-byte canonical contract address; null for instantiate, whose address the
 *     signer cannot know yet
 * @param message the exact input bytes: the envelope {@code nonce ‖ pk ‖ ciphertext} (§6) or a
 *     plaintext message, byte for byte as the tx carries it; empty for the admin messages
 * @param funds the coins sent with the call, in order; empty for migrate and the admin messages
 * @param admin instantiate: the admin the contract gets (bech32, "" for none); update admin: the
 *     new admin as signed; ignored for execute, migrate and clear admin
 */
public record ExpectedMessage(
    ContractMessageKind kind,
    byte[] sender,
    byte[] contract,
    byte[] message,
    List<Coin> funds,
    String admin) {
  public ExpectedMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(message, "message");
    if (kind != ContractMessageKind.INSTANTIATE) {
      Objects.requireNonNull(contract, "contract (required for " + kind + ")");
    }
    sender = sender.clone();
    contract = contract == null ? null : contract.clone();
    message = message.clone();
    funds = List.copyOf(funds == null ? List.of() : funds);
    admin = admin == null ? "" : admin;
  }

  public static ExpectedMessage instantiate(
      byte[] sender, byte[] initMsg, List<Coin> funds, String admin) {
    return new ExpectedMessage(
        ContractMessageKind.INSTANTIATE, sender, null, initMsg, funds, admin);
  }

  public static ExpectedMessage execute(
      byte[] sender, byte[] contract, byte[] msg, List<Coin> funds) {
    return new ExpectedMessage(ContractMessageKind.EXECUTE, sender, contract, msg, funds, "");
  }

  public static ExpectedMessage migrate(byte[] sender, byte[] contract, byte[] msg) {
    return new ExpectedMessage(ContractMessageKind.MIGRATE, sender, contract, msg, List.of(), "");
  }

  /** MsgUpdateAdmin from {@code sender} making {@code newAdmin} (bech32) the contract's admin. */
  public static ExpectedMessage updateAdmin(byte[] sender, byte[] contract, String newAdmin) {
    return new ExpectedMessage(
        ContractMessageKind.UPDATE_ADMIN, sender, contract, new byte[0], List.of(), newAdmin);
  }

  /** MsgClearAdmin from {@code sender} for the contract. */
  public static ExpectedMessage clearAdmin(byte[] sender, byte[] contract) {
    return new ExpectedMessage(
        ContractMessageKind.CLEAR_ADMIN, sender, contract, new byte[0], List.of(), "");
  }

  @Override
  public byte[] sender() {
    return sender.clone();
  }

  @Override
  public byte[] contract() {
    return contract == null ? null : contract.clone();
  }

  @Override
  public byte[] message() {
    return message.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExpectedMessage that
        && kind == that.kind
        && Arrays.equals(sender, that.sender)
        && Arrays.equals(contract, that.contract)
        && Arrays.equals(message, that.message)
        && funds.equals(that.funds)
        && admin.equals(that.admin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        kind,
        Arrays.hashCode(sender),
        Arrays.hashCode(contract),
        Arrays.hashCode(message),
        funds,
        admin);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "ExpectedMessage["
        + kind
        + ", sender="
        + hex.formatHex(sender)
        + ", contract="
        + (contract == null ? "none" : hex.formatHex(contract))
        + ", message="
        + message.length
        + " bytes, funds="
        + funds
        + ", admin='"
        + admin
        + "']";
  }
}
