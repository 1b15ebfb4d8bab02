package io.arcanum.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.arcanum.client.encryption.EncryptionUtils;
import io.arcanum.client.lcd.IndexedTx;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgMigrateContractResponse;
import io.arcanum.proto.tendermint.abci.Event;
import io.arcanum.proto.tendermint.abci.EventAttribute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * secret.js's {@code decodeTxResponse} (secretjs-api.md §6.1), step by step: (1) open each compute
 * message's input to learn its nonce, (2) build {@code arrayLog} from message events, opening
 * {@code wasm} attributes, (3) open the contract error of a failed tx, (4) open each compute
 * response's {@code data}. Whatever does not open (another client's tx, plaintext attributes) is
 * left as the node sent it, as in secret.js.
 */
final class TxResponseDecoder {
  /**
   * The compute responses whose {@code data} field (bytes) secret.js decrypts, by their message's
   * type URL (§6.1 step 4); each is opened the same way.
   */
  private static final Map<String, Message> DATA_RESPONSES =
      Map.of(
          "/secret.compute.v1beta1.MsgInstantiateContract",
          MsgInstantiateContractResponse.getDefaultInstance(),
          "/secret.compute.v1beta1.MsgExecuteContract",
          MsgExecuteContractResponse.getDefaultInstance(),
          "/secret.compute.v1beta1.MsgMigrateContract",
          MsgMigrateContractResponse.getDefaultInstance());

  /** secret.js's tx-error regex, verbatim (§6.1 step 3). */
  static final Pattern TX_ERROR =
      Pattern.compile(
          "; message index: (\\d+):(?: dispatch: submessages:)* encrypted: (.+?):"
              + " (?:instantiate|execute|query|reply to|migrate) contract failed");

  private static final int NONCE = 32;
  private static final int HEADER = 64; // nonce ‖ client public key

  private final EncryptionUtils encryption;

  TxResponseDecoder(EncryptionUtils encryption) {
    this.encryption = encryption;
  }

  TxResponse decode(IndexedTx indexed) {
    io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse r = indexed.response();
    Map<Integer, byte[]> nonces = new HashMap<>();
    List<TxMessage> messages = messages(indexed.tx(), nonces);
    List<LogEntry> arrayLog = List.of();
    Optional<ContractError> error = Optional.empty();
    if (r.getCode() == 0 && r.getRawLog().isEmpty()) {
      arrayLog = arrayLog(r.getEventsList(), nonces);
    } else if (r.getCode() != 0 && !r.getRawLog().isEmpty()) {
      error = contractError(r.getRawLog(), nonces);
    }
    List<Any> responses = msgResponses(r, messages, nonces);
    return new TxResponse(
        r.getHeight(),
        r.getTxhash(),
        r.getCode(),
        r.getCodespace(),
        r.getRawLog(),
        r.getInfo(),
        r.getGasWanted(),
        r.getGasUsed(),
        r.getTimestamp(),
        r.getEventsList(),
        messages,
        arrayLog,
        responses,
        error);
  }

  /** A broadcast answer without waiting: only the hash and the CheckTx outcome. */
  static TxResponse uncommitted(
      io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse r, String hash) {
    return new TxResponse(
        0,
        hash,
        r.getCode(),
        r.getCodespace(),
        r.getRawLog(),
        r.getInfo(),
        r.getGasWanted(),
        r.getGasUsed(),
        "",
        r.getEventsList(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  // Step 1: nonce = input[0..32), ciphertext = input[64..); a nonce counts only if the plaintext
  // after its 64-character code hash parses as JSON (secret.js records it after JSON.parse).
  private List<TxMessage> messages(JsonNode tx, Map<Integer, byte[]> nonces) {
    List<TxMessage> out = new ArrayList<>();
    JsonNode list = tx == null ? null : tx.path("body").path("messages");
    if (list == null || !list.isArray()) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode msg = list.get(i);
      String type = msg.path("@type").asText("");
      String field =
          switch (type) {
            case "/secret.compute.v1beta1.MsgInstantiateContract" -> "init_msg";
            case "/secret.compute.v1beta1.MsgExecuteContract",
                "/secret.compute.v1beta1.MsgMigrateContract" ->
                "msg";
            default -> null;
          };
      Optional<JsonNode> input = Optional.empty();
      if (field != null && msg.path(field).isTextual()) {
        byte[] nonce = new byte[NONCE];
        input = openInput(msg.path(field).asText(), nonce);
        if (input.isPresent()) {
          nonces.put(i, nonce);
        }
      }
      out.add(new TxMessage(i, type, msg, input));
    }
    return out;
  }

  private Optional<JsonNode> openInput(String base64, byte[] nonceOut) {
    try {
      byte[] wire = Base64.getDecoder().decode(base64);
      if (wire.length < HEADER) {
        return Optional.empty();
      }
      System.arraycopy(wire, 0, nonceOut, 0, NONCE);
      String text =
          utf8(encryption.decrypt(Arrays.copyOfRange(wire, HEADER, wire.length), nonceOut));
      return text.length() < HEADER ? Optional.empty() : ContractJson.parse(text.substring(HEADER));
    } catch (RuntimeException notOurs) {
      return Optional.empty(); // not encrypted, or not by this client
    }
  }

  // Step 2: attributes of events with msg_index, wasm ones opened; identical entries once.
  private List<LogEntry> arrayLog(List<Event> events, Map<Integer, byte[]> nonces) {
    Set<LogEntry> log = new LinkedHashSet<>();
    for (Event event : events) {
      Optional<Integer> msgIndex =
          event.getAttributesList().stream()
              .filter(a -> a.getKey().equals("msg_index"))
              .findFirst()
              .flatMap(a -> parseIndex(a.getValue()));
      if (msgIndex.isEmpty()) {
        continue;
      }
      int index = msgIndex.get();
      byte[] nonce = event.getType().equals("wasm") ? nonces.get(index) : null;
      for (EventAttribute attribute : event.getAttributesList()) {
        if (attribute.getKey().equals("msg_index")) {
          continue;
        }
        String key = attribute.getKey();
        String value = attribute.getValue();
        if (nonce != null) {
          key = openAttribute(key, nonce);
          value = openAttribute(value, nonce);
        }
        log.add(new LogEntry(index, event.getType(), key, value));
      }
    }
    return List.copyOf(log);
  }

  private String openAttribute(String text, byte[] nonce) {
    try {
      return utf8(encryption.decrypt(Base64.getDecoder().decode(text), nonce)).strip();
    } catch (RuntimeException plaintext) {
      return text;
    }
  }

  // Step 3: the first match of secret.js's regex, opened with that message's nonce.
  private Optional<ContractError> contractError(String rawLog, Map<Integer, byte[]> nonces) {
    Matcher m = TX_ERROR.matcher(rawLog);
    if (!m.find()) {
      return Optional.empty();
    }
    Optional<Integer> index = parseIndex(m.group(1));
    byte[] nonce = index.map(nonces::get).orElse(null);
    if (nonce == null) {
      return Optional.empty();
    }
    try {
      String message = utf8(encryption.decrypt(Base64.getDecoder().decode(m.group(2)), nonce));
      String substituted = rawLog.replace("encrypted: " + m.group(2), message);
      return Optional.of(new ContractError(index.get(), message, substituted));
    } catch (RuntimeException notOurs) {
      return Optional.empty();
    }
  }

  // Step 4: TxMsgData from hex; compute responses with a nonce get data = b64decode(decrypt(data)).
  private List<Any> msgResponses(
      io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse r,
      List<TxMessage> messages,
      Map<Integer, byte[]> nonces) {
    TxMsgData data;
    try {
      data = TxMsgData.parseFrom(HexFormat.of().parseHex(r.getData()));
    } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
      throw new SecretNetworkException(
          "tx " + r.getTxhash() + " has data that is not hex of TxMsgData", e);
    }
    List<Any> out = new ArrayList<>();
    for (int i = 0; i < data.getMsgResponsesCount(); i++) {
      Any response = data.getMsgResponses(i);
      byte[] nonce = nonces.get(i);
      if (nonce != null && i < messages.size()) {
        try {
          response = openResponse(messages.get(i).typeUrl(), response, nonce);
        } catch (RuntimeException | InvalidProtocolBufferException notOurs) {
          // left encrypted, as secret.js leaves it
        }
      }
      out.add(response);
    }
    return out;
  }

  private Any openResponse(String messageType, Any response, byte[] nonce)
      throws InvalidProtocolBufferException {
    Message prototype = DATA_RESPONSES.get(messageType);
    if (prototype == null) {
      return response;
    }
    Message.Builder decoded = prototype.newBuilderForType().mergeFrom(response.getValue());
    FieldDescriptor data = decoded.getDescriptorForType().findFieldByName("data");
    decoded.setField(data, openData((ByteString) decoded.getField(data), nonce));
    return withValue(response, decoded.build().toByteString());
  }

  /** {@code fromBase64(fromUtf8(decrypt(data)))}; empty data stays empty. */
  private ByteString openData(ByteString encrypted, byte[] nonce) {
    byte[] text = encryption.decrypt(encrypted.toByteArray(), nonce);
    return ByteString.copyFrom(Base64.getDecoder().decode(utf8(text)));
  }

  private static Any withValue(Any response, ByteString value) {
    return response.toBuilder().setValue(value).build();
  }

  private static Optional<Integer> parseIndex(String text) {
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
