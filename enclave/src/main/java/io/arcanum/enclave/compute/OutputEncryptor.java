package io.arcanum.enclave.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.crypto.seed.DerivedSecret;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.TxEnvelope;
import io.arcanum.enclave.auth.AdminChangeCallback;
import io.arcanum.enclave.auth.ContractMessageKind;
import io.arcanum.enclave.state.CallbackSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts what a contract call sends back (protocol.md §7) under the sender's tx key: {@code
 * data}, log attributes not marked plaintext, errors and query answers; and prepares outgoing
 * sub-messages (§7 "Sub-messages", §10.2): a wasm call's {@code msg} is sealed for the callee with
 * the sender's nonce and key and a callback signature is attached; an admin change gets a callback
 * signature over the change ({@link AdminChangeCallback}); every SubMsg gets {@code
 * was_msg_encrypted}, and one that wants a reply a {@link ReplyPermit}. Without a tx key (a
 * plaintext execute or instantiate) outputs stay plaintext, but sub-messages still get their
 * code-hash prefix, signatures and permits.
 */
final class OutputEncryptor {
  static final ObjectMapper JSON =
      JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

  private final ContractInput input;
  private final byte[] ownAddress;
  private final CodeHash ownCodeHash;
  private final DerivedSecret callbackSecret;

  /**
   * @param ownAddress the canonical address of the contract whose output this is
   */
  OutputEncryptor(
      ContractInput input, byte[] ownAddress, CodeHash ownCodeHash, DerivedSecret callbackSecret) {
    this.input = input;
    this.ownAddress = ownAddress;
    this.ownCodeHash = ownCodeHash;
    this.callbackSecret = callbackSecret;
  }

  /**
   * The response of instantiate/execute/migrate/reply with its private parts encrypted.
   *
   * @throws OutputException if a sub-message cannot be sent as the contract wrote it
   */
  byte[] response(byte[] responseJson) throws OutputException {
    ObjectNode response;
    try {
      response = (ObjectNode) JSON.readTree(responseJson);
    } catch (IOException | ClassCastException e) {
      throw new OutputException("the contract's response is not a JSON object");
    }
    if (input.encrypted()) {
      encryptData(response);
      encryptAttributes(response.get("log"));
      encryptAttributes(response.get("attributes"));
      JsonNode events = response.get("events");
      if (events != null && events.isArray()) {
        for (JsonNode event : events) {
          encryptAttributes(event.get("attributes"));
        }
      }
    }
    JsonNode messages = response.get("messages");
    if (messages != null && messages.isArray()) {
      for (JsonNode message : messages) {
        prepareMessage(message);
      }
    }
    try {
      return JSON.writeValueAsBytes(response);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** A contract error: {@code "encrypted: <b64>"}, or the error itself for a plaintext input. */
  String error(String error) {
    if (!input.encrypted()) {
      return error;
    }
    byte[] sealed = input.key().seal(error.getBytes(StandardCharsets.UTF_8));
    return "encrypted: " + Base64.getEncoder().encodeToString(sealed);
  }

  /** A query answer: the SIV of its base64 text, carried raw (§7). */
  byte[] queryAnswer(byte[] answer) {
    return input.key().encryptData(answer);
  }

  private void encryptData(ObjectNode response) throws OutputException {
    JsonNode data = response.get("data");
    if (data == null || data.isNull()) {
      return;
    }
    byte[] bytes = decodeBase64(data, "data");
    response.put("data", Base64.getEncoder().encodeToString(input.key().encryptData(bytes)));
  }

  private void encryptAttributes(JsonNode attributes) {
    if (attributes == null || !attributes.isArray()) {
      return;
    }
    for (JsonNode node : attributes) {
      if (!(node instanceof ObjectNode attribute)) {
        continue;
      }
      JsonNode flag = attribute.get("encrypted");
      boolean encrypt = flag == null || flag.isNull() || flag.asBoolean(true);
      if (encrypt) {
        attribute.put("key", input.key().encryptAttribute(attribute.path("key").asText()));
        attribute.put("value", input.key().encryptAttribute(attribute.path("value").asText()));
      }
      attribute.put("encrypted", encrypt);
    }
  }

  /**
   * A v1 SubMsg or a v0.10 CosmosMsg: seal a wasm call's {@code msg} and sign it, sign an admin
   * change (§10.2), and give a SubMsg that wants a reply its {@link ReplyPermit}.
   */
  private void prepareMessage(JsonNode message) throws OutputException {
    if (!(message instanceof ObjectNode node)) {
      throw new OutputException("a message is not a JSON object");
    }
    boolean subMsg = node.has("msg") && node.has("reply_on");
    JsonNode cosmosMsg = subMsg ? node.get("msg") : node;
    boolean wantsReply = subMsg && !"never".equals(node.path("reply_on").asText());
    long id = node.path("id").asLong();
    JsonNode wasm = cosmosMsg.get("wasm");
    String kind = null;
    if (wasm != null && wasm.isObject() && wasm.size() == 1) {
      kind = wasm.fieldNames().next();
      if (!(wasm.get(kind) instanceof ObjectNode call)) {
        throw new OutputException("wasm." + kind + " is not a JSON object");
      }
      switch (kind) {
        case "execute", "instantiate", "migrate" -> signCall(call, kind, wantsReply, id);
        case "update_admin", "clear_admin" -> signAdminChange(call, kind);
        default -> {
          // the chain refuses other wasm messages
        }
      }
    } // bank, staking and other messages stay plaintext (§7)
    if (!subMsg) {
      return;
    }
    boolean signable =
        "execute".equals(kind) || "instantiate".equals(kind) || "migrate".equals(kind);
    if (signable) {
      node.put("id", 0); // the real id travels inside the ciphertext (§7)
    }
    node.put("was_msg_encrypted", input.encrypted());
    if (wantsReply) {
      byte[] permit =
          ReplyPermit.issue(input, ownAddress, ownCodeHash, id, signable, callbackSecret);
      node.put("reply_permit", Base64.getEncoder().encodeToString(permit));
    } else {
      node.remove("reply_permit");
    }
  }

  private void signCall(ObjectNode call, String kind, boolean wantsReply, long id)
      throws OutputException {
    ReplyHeader reply = wantsReply ? new ReplyHeader(id, ownCodeHash) : null;
    byte[] travelling = sealForCallee(call, kind, reply);
    byte[] signed =
        input.encrypted()
            ? Arrays.copyOfRange(travelling, 64, travelling.length) // the SIV part only (§10.2)
            : travelling;
    String funds = kind.equals("migrate") ? "[]" : fundsJson(call);
    call.put("msg", Base64.getEncoder().encodeToString(travelling));
    call.put(
        "callback_sig",
        Base64.getEncoder().encodeToString(CallbackSignature.sign(callbackSecret, signed, funds)));
  }

  /** {@code wasm.update_admin} / {@code clear_admin}: signed over the change itself. */
  private void signAdminChange(ObjectNode call, String kind) throws OutputException {
    boolean update = kind.equals("update_admin");
    byte[] contract = canonical(call.get("contract_addr"), "wasm." + kind + ".contract_addr");
    byte[] admin = update ? canonical(call.get("admin"), "wasm.update_admin.admin") : new byte[0];
    byte[] signed =
        AdminChangeCallback.message(
            update ? ContractMessageKind.UPDATE_ADMIN : ContractMessageKind.CLEAR_ADMIN,
            contract,
            admin);
    call.put(
        "callback_sig",
        Base64.getEncoder().encodeToString(CallbackSignature.sign(callbackSecret, signed, "[]")));
  }

  private static byte[] canonical(JsonNode address, String what) throws OutputException {
    if (address == null || !address.isTextual()) {
      throw new OutputException(what + " must be an address");
    }
    try {
      return Bech32.decode(address.asText()).bytes();
    } catch (RuntimeException e) {
      throw new OutputException(what + " '" + address.asText() + "' is not a bech32 address");
    }
  }

  private byte[] sealForCallee(ObjectNode call, String kind, ReplyHeader reply)
      throws OutputException {
    JsonNode hashField =
        call.has("code_hash") ? call.get("code_hash") : call.get("callback_code_hash");
    if (hashField == null || !hashField.isTextual()) {
      throw new OutputException(
          "wasm." + kind + " has no code_hash: a contract must name the callee's code hash");
    }
    CodeHash callee;
    try {
      callee = CodeHash.parse(hashField.asText());
    } catch (RuntimeException e) {
      throw new OutputException("wasm." + kind + ".code_hash: " + e.getMessage());
    }
    byte[] msg = decodeBase64(call.get("msg"), "wasm." + kind + ".msg");
    byte[] hash = callee.hex().getBytes(StandardCharsets.US_ASCII);
    byte[] header = reply == null ? new byte[0] : reply.bytes();
    byte[] inner = new byte[hash.length + header.length + msg.length];
    System.arraycopy(hash, 0, inner, 0, hash.length);
    System.arraycopy(header, 0, inner, hash.length, header.length);
    System.arraycopy(msg, 0, inner, hash.length + header.length, msg.length);
    if (!input.encrypted()) {
      return inner;
    }
    TxEnvelope sender = input.envelope();
    try {
      return new TxEnvelope(sender.nonce(), sender.clientPublicKey(), input.key().seal(inner))
          .toBytes();
    } finally {
      Arrays.fill(inner, (byte) 0);
      Arrays.fill(msg, (byte) 0);
    }
  }

  /** Compact serde JSON of the funds, {@code []} for none (§10.2). */
  static String fundsJson(JsonNode call) {
    JsonNode funds = call.has("send") ? call.get("send") : call.get("funds");
    StringBuilder out = new StringBuilder("[");
    if (funds != null && funds.isArray()) {
      for (JsonNode coin : funds) {
        if (out.length() > 1) {
          out.append(',');
        }
        out.append("{\"denom\":")
            .append(JSON.getNodeFactory().textNode(coin.path("denom").asText()))
            .append(",\"amount\":")
            .append(JSON.getNodeFactory().textNode(coin.path("amount").asText()))
            .append('}');
      }
    }
    return out.append(']').toString();
  }

  private static byte[] decodeBase64(JsonNode node, String what) throws OutputException {
    if (node == null || !node.isTextual()) {
      throw new OutputException(what + " must be a base64 string");
    }
    try {
      return Base64.getDecoder().decode(node.asText());
    } catch (IllegalArgumentException e) {
      throw new OutputException(what + " is not base64: " + e.getMessage());
    }
  }

  /** The contract's output cannot be passed on; the call fails. */
  static final class OutputException extends Exception {
    private static final long serialVersionUID = 1L;

    OutputException(String message) {
      super(message);
    }
  }
}
