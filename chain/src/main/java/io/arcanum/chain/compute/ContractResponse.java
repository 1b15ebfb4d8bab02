package io.arcanum.chain.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.EventAttribute;
import io.arcanum.chain.errors.ChainException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A contract's response as the enclave hands it out ({@code ContractResult.output} of instantiate,
 * execute, migrate and reply), in either generation (cosmwasm-abi.md §4.2): 1.x {@code
 * {"messages":[SubMsg],"attributes","events","data"}} or 0.10 {@code
 * {"messages":[CosmosMsg],"log","data"}}. Attributes arrive already encrypted where the contract
 * asked for it; {@code data} is encrypted for the sender; wasm sub-messages carry their sealed
 * {@code msg} and {@code callback_sig}.
 *
 * @param v1 whether this is a CosmWasm 1.x response (0.10 responses get no {@code execute} event)
 * @param messages the messages to dispatch, in order; 0.10 messages become reply-never SubMsgs
 * @param attributes the {@code wasm} event's attributes
 * @param events custom events, emitted as {@code wasm-<type>}
 * @param data the response data, or null
 */
record ContractResponse(
    boolean v1,
    List<SubMessage> messages,
    List<Attribute> attributes,
    List<CustomEvent> events,
    byte[] data) {
  static final ObjectMapper JSON =
      JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

  /** When a sub-message's result goes back to its sender (cosmwasm-abi.md §4.4). */
  enum ReplyOn {
    ALWAYS,
    ERROR,
    SUCCESS,
    NEVER;

    boolean onSuccess() {
      return this == ALWAYS || this == SUCCESS;
    }

    boolean onError() {
      return this == ALWAYS || this == ERROR;
    }
  }

  /**
   * @param msg the CosmosMsg JSON ({@code {"wasm":{…}}}, {@code {"bank":{…}}}, …)
   * @param gasLimit the SubMsg's gas limit in SDK gas, or null for none
   * @param wasMsgEncrypted whether the sender's input was encrypted (then a wasm message's {@code
   *     msg} is {@code nonce ‖ pk ‖ ciphertext})
   * @param replyPermit the enclave's permit for a plaintext reply ({@code reply_permit}), or null
   */
  record SubMessage(
      JsonNode msg, Long gasLimit, ReplyOn replyOn, boolean wasMsgEncrypted, byte[] replyPermit) {}

  record Attribute(String key, String value) {}

  record CustomEvent(String type, List<Attribute> attributes) {}

  /**
   * @throws ChainException {@code compute} 10 if the output is not a response
   */
  static ContractResponse parse(byte[] output) throws ChainException {
    JsonNode root;
    try {
      root = JSON.readTree(output);
    } catch (IOException e) {
      throw ComputeErrors.INVALID_MSG.wrap("the contract's response is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw ComputeErrors.INVALID_MSG.wrap("the contract's response is not a JSON object");
    }
    boolean v1 = !root.has("log");
    List<SubMessage> messages = new ArrayList<>();
    for (JsonNode message : array(root, "messages")) {
      messages.add(subMessage(message));
    }
    List<Attribute> attributes = attributes(root.get(v1 ? "attributes" : "log"));
    List<CustomEvent> events = new ArrayList<>();
    for (JsonNode event : array(root, "events")) {
      String type = event.path("type").asText("").strip();
      if (type.isEmpty()) {
        throw ComputeErrors.INVALID_EVENT.wrap("a custom event has an empty type");
      }
      events.add(new CustomEvent(type, attributes(event.get("attributes"))));
    }
    return new ContractResponse(v1, messages, attributes, events, binary(root.get("data")));
  }

  private static SubMessage subMessage(JsonNode node) throws ChainException {
    if (!node.isObject()) {
      throw ComputeErrors.INVALID_MSG.wrap("a message is not a JSON object");
    }
    if (!(node.has("msg") && node.has("reply_on"))) {
      return new SubMessage(node, null, ReplyOn.NEVER, false, null); // 0.10 CosmosMsg
    }
    ReplyOn replyOn;
    try {
      replyOn = ReplyOn.valueOf(node.get("reply_on").asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ComputeErrors.INVALID.wrap("replyOn value \"" + node.get("reply_on").asText() + "\"");
    }
    JsonNode limit = node.get("gas_limit");
    Long gasLimit = null;
    if (limit != null && !limit.isNull()) {
      if (!limit.canConvertToExactIntegral() || limit.asLong() < 0) {
        throw ComputeErrors.INVALID_MSG.wrap("gas_limit is not a u64: " + limit);
      }
      gasLimit = limit.asLong();
    }
    JsonNode permit = node.get("reply_permit");
    return new SubMessage(
        node.get("msg"),
        gasLimit,
        replyOn,
        node.path("was_msg_encrypted").asBoolean(false),
        permit == null || permit.isNull() ? null : binary(permit));
  }

  private static List<Attribute> attributes(JsonNode list) throws ChainException {
    List<Attribute> out = new ArrayList<>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw ComputeErrors.INVALID_EVENT.wrap("attributes are not a list");
    }
    for (JsonNode attribute : list) {
      JsonNode key = attribute.get("key");
      JsonNode value = attribute.get("value");
      if (key == null || !key.isTextual() || value == null || !value.isTextual()) {
        throw ComputeErrors.INVALID_EVENT.wrap("an attribute needs a string key and value");
      }
      out.add(new Attribute(key.asText(), value.asText()));
    }
    return out;
  }

  private static Iterable<JsonNode> array(JsonNode root, String field) throws ChainException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw ComputeErrors.INVALID_MSG.wrap(field + " is not a list");
    }
    return node;
  }

  /** A base64 JSON string, or null for JSON null or absent. */
  static byte[] binary(JsonNode node) throws ChainException {
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(node.asText());
    } catch (IllegalArgumentException e) {
      throw ComputeErrors.INVALID_MSG.wrap("data is not base64");
    }
  }

  /**
   * The events Secret emits for this response (its {@code ContractLogsToSdkEvents} and {@code
   * NewCustomEvents}): a {@code wasm} event with the plaintext {@code contract_address} first, if
   * there are attributes, then one {@code wasm-<type>} event per custom event. A contract cannot
   * set {@code contract_address} itself.
   */
  List<Event> toEvents(String contract) {
    List<Event> out = new ArrayList<>();
    if (!attributes.isEmpty()) {
      out.add(event("wasm", contract, attributes));
    }
    for (CustomEvent custom : events) {
      out.add(event("wasm-" + custom.type(), contract, custom.attributes()));
    }
    return out;
  }

  private static Event event(String type, String contract, List<Attribute> attributes) {
    List<EventAttribute> out = new ArrayList<>();
    out.add(new EventAttribute("contract_address", contract, true));
    for (Attribute a : attributes) {
      if (!a.key().equals("contract_address")) {
        out.add(new EventAttribute(a.key(), a.value(), true));
      }
    }
    return new Event(type, out);
  }
}
