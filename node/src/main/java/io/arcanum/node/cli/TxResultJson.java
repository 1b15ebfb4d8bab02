package io.arcanum.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import io.arcanum.client.ContractResult;
import io.arcanum.client.LogEntry;
import io.arcanum.client.TxMessage;
import io.arcanum.client.TxResponse;
import java.nio.charset.StandardCharsets;

/**
 * A tx result as the CLI prints it ({@code -o json} and, as YAML, {@code -o text}); docs/cli.md
 * "Output". Field names and number-as-string conventions follow the node's {@code tx_response}, so
 * {@code jq .txhash} works as on secretcli; what this key encrypted is shown decrypted: contract
 * output {@code data}, {@code wasm} attributes in {@code logs}, the contract error in {@code error}
 * and {@code raw_log}.
 */
public final class TxResultJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TxResultJson() {}

  /**
   * {@code txhash, height, code, codespace, gas_wanted, gas_used, timestamp, raw_log, error?,
   * logs}.
   */
  public static ObjectNode of(TxResponse response) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("txhash", response.txhash());
    out.put("height", Long.toString(response.height()));
    out.put("code", response.code());
    out.put("codespace", response.codespace());
    out.put("gas_wanted", Long.toString(response.gasWanted()));
    out.put("gas_used", Long.toString(response.gasUsed()));
    out.put("timestamp", response.timestamp());
    out.put("raw_log", response.contractError().map(e -> e.rawLog()).orElse(response.rawLog()));
    response.contractError().ifPresent(e -> out.put("error", e.text()));
    ArrayNode logs = out.putArray("logs");
    for (LogEntry entry : response.arrayLog()) {
      if (entry.key().equals("msg_index")) {
        continue; // every entry already says its message
      }
      ObjectNode log = logs.addObject();
      log.put("msg", entry.msg());
      log.put("type", entry.type());
      log.put("key", entry.key());
      log.put("value", entry.value());
    }
    return out;
  }

  /** A contract call's result: its decrypted output {@code data}, then {@link #of} its tx. */
  public static ObjectNode of(ContractResult result) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("data", data(result.data()));
    out.setAll(of(result.response()));
    return out;
  }

  /**
   * {@link #of} plus {@code messages}: each as the node renders it, with the contract input
   * replaced by its decryption and the message's output {@code data} when this key sent it.
   */
  public static ObjectNode withMessages(TxResponse response) {
    ObjectNode out = of(response);
    ArrayNode messages = out.putArray("messages");
    for (TxMessage message : response.messages()) {
      ObjectNode node =
          message.json() != null && message.json().isObject()
              ? ((ObjectNode) message.json()).deepCopy()
              : JsonNodeFactory.instance.objectNode().put("@type", message.typeUrl());
      if (message.contractMsg().isPresent()) {
        String field = node.has("init_msg") ? "init_msg" : "msg";
        node.set(field, message.contractMsg().get());
        node.set("data", data(response.data(message.index())));
        node.put("decrypted", true);
      } else {
        node.put("decrypted", false);
      }
      messages.add(node);
    }
    return out;
  }

  /**
   * Contract output: its JSON when it is JSON (SNIP-20 padding trimmed), else text; null if none.
   */
  public static JsonNode data(ByteString data) {
    if (data.isEmpty()) {
      return NullNode.getInstance();
    }
    String text = data.toString(StandardCharsets.UTF_8).strip();
    try {
      JsonNode parsed = JSON.readTree(text);
      return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(text) : parsed;
    } catch (Exception notJson) {
      return TextNode.valueOf(text);
    }
  }
}
