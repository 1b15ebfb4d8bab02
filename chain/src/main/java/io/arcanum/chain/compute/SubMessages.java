package io.arcanum.chain.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.bank.Bank;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.compute.ContractResponse.SubMessage;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.ErrorCode;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.gas.OutOfGasException;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.SigInfo;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Dispatches a response's messages (Secret's {@code msg_dispatcher.go}, CosmWasm's SubMsg
 * semantics, cosmwasm-abi.md §4.3–4.4), in order, each in its own branch of state:
 *
 * <ul>
 *   <li>on success the branch is written and its events (without {@code message} events) join the
 *       caller's; on failure the branch and its events are dropped;
 *   <li>a failure the sender did not ask to hear about ({@code reply_on} success or never) fails
 *       the whole message, rolling back everything;
 *   <li>a reply ({@code always}, or {@code success}/{@code error} as it went) runs the sender's
 *       {@code reply} in the caller's state, and data it returns replaces the response's data.
 * </ul>
 *
 * <p>Replies go through the enclave. A wasm call the callee finished (OK or contract error) comes
 * back as the reply its enclave signed ({@link ContractResult#reply()}); anything else — a bank or
 * other non-wasm message, a wasm call that ran out of its gas limit, trapped or was refused — as a
 * plaintext reply carrying the {@code reply_permit} the sender's enclave attached to the SubMsg
 * (Secret's unsigned {@code is_encrypted: false} reply). The enclave accepts a plaintext reply to a
 * wasm call only as an error.
 */
final class SubMessages {
  /** How deep contracts may call contracts through sub-messages. */
  static final int MAX_DEPTH = 20;

  private final Contracts contracts;
  private final Bank bank;

  SubMessages(Contracts contracts, Bank bank) {
    this.contracts = contracts;
    this.bank = bank;
  }

  /** How one sub-message went. */
  private record Outcome(ContractResult callee, ChainException error, byte[] sealedMsg) {
    boolean ok() {
      return error == null;
    }
  }

  /**
   * @return the data of the last reply that returned some, or null
   */
  byte[] dispatch(CallFrame frame, byte[] sender, List<SubMessage> messages) throws ChainException {
    byte[] data = null;
    for (SubMessage message : messages) {
      if (frame.depth() + 1 > MAX_DEPTH) {
        throw ComputeErrors.MAX_CALL_DEPTH.wrap(
            "sub-messages nest deeper than " + MAX_DEPTH + " calls");
      }
      MsgContext branch = frame.context().branch();
      GasBudget budget =
          message.gasLimit() == null ? frame.gas() : frame.gas().limitedTo(message.gasLimit());
      Outcome outcome = run(new CallFrame(branch, budget, frame.depth() + 1), sender, message);
      if (outcome.ok() && budget != frame.gas() && budget.exceeded()) {
        budget.chargeExhausted();
        outcome = new Outcome(null, SdkErrors.OUT_OF_GAS.wrap("SubMsg hit gas limit"), null);
      }
      if (outcome.ok()) {
        branch.writeToParent();
        for (Event event : branch.events()) {
          if (!event.type().equals("message")) {
            frame.context().emit(event);
          }
        }
      }
      boolean wanted = outcome.ok() ? message.replyOn().onSuccess() : message.replyOn().onError();
      if (!wanted) {
        if (!outcome.ok()) {
          throw dispatchFailed(outcome.error());
        }
        continue;
      }
      byte[] replyData;
      try {
        replyData = reply(frame, sender, message, outcome);
      } catch (ChainException e) {
        throw dispatchFailed(e);
      }
      if (replyData != null) {
        data = replyData;
      }
    }
    return data;
  }

  /**
   * Hands the outcome back to the sender: the reply the callee's enclave signed if there is one,
   * else a plaintext reply on the strength of the permit the sender's enclave attached (Secret's
   * {@code is_encrypted: false} reply, with the error redacted as Secret's {@code redactError}
   * does).
   *
   * @return the reply's data, or null
   */
  private byte[] reply(CallFrame frame, byte[] sender, SubMessage message, Outcome outcome)
      throws ChainException {
    ContractResult callee = outcome.callee();
    if (callee != null && callee.reply() != null) {
      byte[] reply =
          message.wasMsgEncrypted()
              ? concat(Arrays.copyOf(outcome.sealedMsg(), 64), callee.reply())
              : callee.reply();
      return contracts.reply(frame, sender, reply, callee.replySignature());
    }
    if (message.replyPermit() == null) {
      if (!outcome.ok()) {
        throw outcome.error();
      }
      throw ComputeErrors.REPLY_FAILED.wrap(
          "a reply to a "
              + kind(message.msg())
              + " message cannot be delivered: the sender's enclave gave it no reply permit");
    }
    ObjectNode reply = ContractResponse.JSON.createObjectNode();
    reply.put("id", Base64.getEncoder().encodeToString(message.replyPermit()));
    ObjectNode result = reply.putObject("result");
    if (outcome.ok()) {
      ObjectNode ok = result.putObject("ok");
      ok.putArray("events");
      ok.putNull("data");
    } else {
      result.put("error", redacted(outcome.error()));
    }
    reply.put("was_orig_msg_encrypted", message.wasMsgEncrypted());
    reply.put("is_encrypted", false);
    return contracts.reply(frame, sender, reply.toString().getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * What a contract sees of a failure no enclave signed for: Secret's redacted form, which keeps
   * only the codespace and code.
   */
  static String redacted(ChainException error) {
    return "the error was redacted (codespace: "
        + error.codespace()
        + ", code: "
        + error.code()
        + "). For more info use latest localsecret and reproduce the issue";
  }

  /** Runs one message in its frame; failures come back as outcomes, out of the tx's gas throws. */
  private Outcome run(CallFrame frame, byte[] sender, SubMessage message) throws ChainException {
    try {
      return dispatchOne(frame, sender, message.msg());
    } catch (ChainException e) {
      return new Outcome(null, e, null);
    } catch (OutOfGasException e) {
      if (!frame.gas().isLimited()) {
        throw e;
      }
      frame.gas().chargeExhausted();
      return new Outcome(null, SdkErrors.OUT_OF_GAS.wrap("SubMsg hit gas limit"), null);
    }
  }

  private Outcome dispatchOne(CallFrame frame, byte[] sender, JsonNode msg) throws ChainException {
    JsonNode wasm = msg.get("wasm");
    if (wasm != null) {
      return wasm(frame, sender, only(wasm, "wasm"), wasm);
    }
    JsonNode bankMsg = msg.get("bank");
    if (bankMsg != null && bankMsg.has("send")) {
      JsonNode send = bankMsg.get("send");
      if (send.has("from_address")
          && !send.get("from_address").asText().equals(Addresses.bech32(sender))) {
        throw SdkErrors.UNAUTHORIZED.wrap(
            "contract doesn't have permission to send funds from another account");
      }
      byte[] to = Addresses.parse(send.path("to_address").asText(), "to_address");
      Funds.send(bank, frame.context(), sender, to, Funds.fromJson(send.get("amount")));
      return new Outcome(null, null, null);
    }
    throw ComputeErrors.UNKNOWN_MSG.wrap(kind(msg) + " is not supported");
  }

  private Outcome wasm(CallFrame frame, byte[] sender, String kind, JsonNode wasm)
      throws ChainException {
    JsonNode call = wasm.get(kind);
    switch (kind) {
      case "execute" -> {
        byte[] msg = binary(call, "msg");
        Contracts.Called called =
            contracts.execute(
                frame,
                sender,
                Addresses.parse(call.path("contract_addr").asText(), "contract_addr"),
                msg,
                funds(call),
                SigInfo.callback(binary(call, "callback_sig")));
        return outcome(called, ComputeErrors.EXECUTE_FAILED, msg);
      }
      case "instantiate" -> {
        byte[] msg = binary(call, "msg");
        String admin = call.path("admin").isTextual() ? call.get("admin").asText() : "";
        if (!admin.isEmpty()) {
          Addresses.parse(admin, "admin");
        }
        String label = call.path("label").asText("");
        if (label.isEmpty()) {
          throw ComputeErrors.EMPTY.wrap("label is required");
        }
        Contracts.Called called =
            contracts.instantiate(
                frame,
                sender,
                codeId(call.get("code_id")),
                label,
                msg,
                funds(call),
                admin,
                SigInfo.callback(binary(call, "callback_sig")));
        return outcome(called, ComputeErrors.INSTANTIATE_FAILED, msg);
      }
      case "migrate" -> {
        byte[] msg = binary(call, "msg");
        Contracts.Called called =
            contracts.migrate(
                frame,
                sender,
                Addresses.parse(call.path("contract_addr").asText(), "contract_addr"),
                codeId(call.has("code_id") ? call.get("code_id") : call.get("new_code_id")),
                msg,
                SigInfo.callback(binary(call, "callback_sig")));
        return outcome(called, ComputeErrors.MIGRATION_FAILED, msg);
      }
      case "update_admin", "clear_admin" -> {
        String admin = kind.equals("clear_admin") ? "" : call.path("admin").asText("");
        if (kind.equals("update_admin")) {
          Addresses.parse(admin, "admin");
        }
        contracts.updateAdmin(
            frame,
            sender,
            Addresses.parse(call.path("contract_addr").asText(), "contract_addr"),
            admin,
            SigInfo.callback(binary(call, "callback_sig")));
        return new Outcome(null, null, null);
      }
      default -> throw ComputeErrors.UNKNOWN_MSG.wrap("wasm." + kind + " is not supported");
    }
  }

  private static Outcome outcome(Contracts.Called called, ErrorCode failed, byte[] sealedMsg) {
    return new Outcome(called.result(), called.ok() ? null : called.error(failed), sealedMsg);
  }

  /** Secret wraps a failed sub-message twice on its way out: keeper "dispatch", handler. */
  private static ChainException dispatchFailed(ChainException e) {
    return e.wrap("dispatch: submessages");
  }

  private static List<Coin> funds(JsonNode call) throws ChainException {
    return Funds.fromJson(call.has("send") ? call.get("send") : call.get("funds"));
  }

  private static long codeId(JsonNode node) throws ChainException {
    if (node != null && (node.canConvertToExactIntegral() || node.isTextual())) {
      try {
        long id = Long.parseLong(node.asText());
        if (id > 0) {
          return id;
        }
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw ComputeErrors.INVALID_MSG.wrap("code_id is not a positive integer: " + node);
  }

  private static byte[] binary(JsonNode call, String field) throws ChainException {
    JsonNode node = call == null ? null : call.get(field);
    if (node == null || !node.isTextual()) {
      throw ComputeErrors.INVALID_MSG.wrap(field + " must be a base64 string");
    }
    return ContractResponse.binary(node);
  }

  private static String only(JsonNode node, String what) throws ChainException {
    if (!node.isObject() || node.size() != 1) {
      throw ComputeErrors.INVALID_MSG.wrap(what + " must have exactly one variant");
    }
    return node.fieldNames().next();
  }

  private static String kind(JsonNode msg) {
    if (msg == null || !msg.isObject() || msg.size() == 0) {
      return "empty";
    }
    String outer = msg.fieldNames().next();
    JsonNode inner = msg.get(outer);
    return inner != null && inner.isObject() && inner.size() == 1
        ? outer + "." + inner.fieldNames().next()
        : outer;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
