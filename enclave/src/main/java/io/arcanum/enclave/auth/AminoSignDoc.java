package io.arcanum.enclave.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.arcanum.crypto.CryptoException;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.enclave.api.Coin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages of an amino {@code StdSignDoc} (LEGACY_AMINO_JSON and EIP-191 sign bytes,
 * secretjs-api.md §4.2), decoded into {@link SignedContractMessage}s.
 *
 * <p>secretjs 1.22.1 writes instantiate and execute addresses as base64 of the raw 20 bytes and
 * migrate and admin-message addresses as bech32; both forms are read for every address (they cannot
 * be confused: bech32 text starts with the prefix and "1" and is never 28 base64 characters).
 * Fields a wasm message does not define are refused: everything signed must be carried by the tx
 * (§10.1 item 4).
 */
final class AminoSignDoc {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          // Two values for one key could be read differently by the node and the enclave.
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Map<ContractMessageKind, Set<String>> FIELDS =
      Map.of(
          ContractMessageKind.INSTANTIATE,
          Set.of(
              "sender",
              "code_id",
              "label",
              "init_msg",
              "init_funds",
              "admin",
              "callback_sig",
              "callback_code_hash"),
          ContractMessageKind.EXECUTE,
          Set.of("sender", "contract", "msg", "sent_funds", "callback_sig", "callback_code_hash"),
          ContractMessageKind.MIGRATE,
          Set.of("sender", "contract", "code_id", "msg", "callback_sig", "callback_code_hash"),
          ContractMessageKind.UPDATE_ADMIN,
          Set.of("sender", "new_admin", "contract", "callback_sig"),
          ContractMessageKind.CLEAR_ADMIN,
          Set.of("sender", "contract", "callback_sig"));

  /** One entry of {@code msgs}: its amino type, and its content if it is a compute message. */
  record AminoMsg(String type, SignedContractMessage contract) {}

  private final String bech32Prefix;

  AminoSignDoc(String bech32Prefix) {
    this.bech32Prefix = bech32Prefix;
  }

  /** The {@code msgs} of a StdSignDoc, in order. */
  List<AminoMsg> messages(byte[] json) throws SenderAuthenticationException {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw SenderAuthenticationException.malformed(
          "amino sign bytes are not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw SenderAuthenticationException.malformed("amino sign bytes are not JSON: " + e);
    }
    if (doc == null || !doc.isObject() || !doc.path("msgs").isArray()) {
      throw SenderAuthenticationException.malformed(
          "amino sign bytes are not a StdSignDoc with a msgs array");
    }
    List<AminoMsg> out = new ArrayList<>();
    JsonNode msgs = doc.get("msgs");
    for (int i = 0; i < msgs.size(); i++) {
      out.add(message(msgs.get(i), "msgs[" + i + "]"));
    }
    return out;
  }

  private AminoMsg message(JsonNode msg, String what) throws SenderAuthenticationException {
    if (!msg.isObject() || !msg.path("type").isTextual() || !msg.path("value").isObject()) {
      throw SenderAuthenticationException.malformed(what + " is not {\"type\":…,\"value\":{…}}");
    }
    String type = msg.get("type").asText();
    ContractMessageKind kind = ContractMessageKind.byAminoType(type);
    if (kind == null) {
      return new AminoMsg(type, null);
    }
    JsonNode v = msg.get("value");
    String where = what + " (" + type + ")";
    for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.get(kind).contains(name)) {
        throw SenderAuthenticationException.malformed(where + " has unknown field '" + name + "'");
      }
    }
    SignedContractMessage contract =
        switch (kind) {
          case INSTANTIATE ->
              new SignedContractMessage(
                  kind,
                  address(v, "sender", where),
                  null,
                  base64(v, "init_msg", where),
                  coins(v, "init_funds", where),
                  text(v, "admin", where),
                  codeId(v, where),
                  text(v, "label", where),
                  text(v, "callback_code_hash", where),
                  base64(v, "callback_sig", where));
          case EXECUTE ->
              new SignedContractMessage(
                  kind,
                  address(v, "sender", where),
                  address(v, "contract", where),
                  base64(v, "msg", where),
                  coins(v, "sent_funds", where),
                  "",
                  0,
                  "",
                  text(v, "callback_code_hash", where),
                  base64(v, "callback_sig", where));
          case MIGRATE ->
              new SignedContractMessage(
                  kind,
                  address(v, "sender", where),
                  address(v, "contract", where),
                  base64(v, "msg", where),
                  List.of(),
                  "",
                  codeId(v, where),
                  "",
                  text(v, "callback_code_hash", where),
                  base64(v, "callback_sig", where));
          case UPDATE_ADMIN ->
              ProtoContractMessages.adminChange(
                  kind,
                  address(v, "sender", where),
                  address(v, "contract", where),
                  text(v, "new_admin", where),
                  base64(v, "callback_sig", where));
          case CLEAR_ADMIN ->
              ProtoContractMessages.adminChange(
                  kind,
                  address(v, "sender", where),
                  address(v, "contract", where),
                  "",
                  base64(v, "callback_sig", where));
        };
    return new AminoMsg(type, contract);
  }

  /** An optional string field; absent or null reads as "", as proto3 would encode it. */
  private static String text(JsonNode value, String field, String where)
      throws SenderAuthenticationException {
    JsonNode node = value.get(field);
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      throw SenderAuthenticationException.malformed(where + "." + field + " is not a string");
    }
    return node.asText();
  }

  private static byte[] base64(JsonNode value, String field, String where)
      throws SenderAuthenticationException {
    String text = text(value, field, where);
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw SenderAuthenticationException.malformed(where + "." + field + " is not base64");
    }
  }

  private byte[] address(JsonNode value, String field, String where)
      throws SenderAuthenticationException {
    String text = text(value, field, where);
    if (text.startsWith(bech32Prefix + "1")) {
      try {
        return CosmosAddress.parse(bech32Prefix, text).bytes();
      } catch (CryptoException e) {
        throw SenderAuthenticationException.malformed(
            where + "." + field + " '" + text + "': " + e.getMessage());
      }
    }
    return base64(value, field, where);
  }

  /** code_id: a uint64 in a decimal string, as amino JSON writes 64-bit integers. */
  private static long codeId(JsonNode value, String where) throws SenderAuthenticationException {
    String text = text(value, "code_id", where);
    try {
      if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new NumberFormatException();
      }
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw SenderAuthenticationException.malformed(
          where + ".code_id '" + text + "' is not a uint64 decimal string");
    }
  }

  /** {@code [{"denom":…,"amount":…}]}; absent or null reads as none, as proto3 would encode it. */
  private static List<Coin> coins(JsonNode value, String field, String where)
      throws SenderAuthenticationException {
    JsonNode node = value.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw SenderAuthenticationException.malformed(where + "." + field + " is not an array");
    }
    List<Coin> coins = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode coin = node.get(i);
      String what = where + "." + field + "[" + i + "]";
      if (!coin.isObject()
          || coin.size() != 2
          || !coin.path("denom").isTextual()
          || !coin.path("amount").isTextual()) {
        throw SenderAuthenticationException.malformed(
            what + " is not {\"denom\":\"…\",\"amount\":\"…\"}");
      }
      try {
        coins.add(
            new Coin(
                coin.get("denom").asText(), Funds.canonicalAmount(coin.get("amount").asText())));
      } catch (IllegalArgumentException e) {
        throw SenderAuthenticationException.malformed(what + ": " + e.getMessage());
      }
    }
    return List.copyOf(coins);
  }
}
