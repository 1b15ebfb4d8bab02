package io.arcanum.node.rest.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.EventAttribute;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.blocks.TxRecord;
import io.arcanum.crypto.bech32.Bech32;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.Tx;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Txs and their results in the shapes the SDK's tx service gives them (secretjs-api.md §3 E6, E7):
 * {@code data} as upper-case hex of the {@code TxMsgData}, {@code raw_log} as the result's log
 * ({@code ""} on success), {@code logs} empty (SDK 0.50), the tx as an {@code Any} with {@code
 * @type} and the block time in RFC 3339 seconds.
 */
public final class TxJson {
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  /** Go's {@code time.RFC3339} as the SDK formats {@code timestamp}: whole seconds, UTC. */
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The fields the gateway prints as bech32 strings because upstream types them {@code
   * sdk.AccAddress} (§1), though they are {@code bytes} on the wire.
   */
  private static final Map<String, List<String>> ACC_ADDRESS_FIELDS =
      Map.of(
          "/secret.compute.v1beta1.MsgStoreCode", List.of("sender"),
          "/secret.compute.v1beta1.MsgInstantiateContract", List.of("sender"),
          "/secret.compute.v1beta1.MsgExecuteContract", List.of("sender", "contract"));

  private TxJson() {}

  /** The tx decoded from its TxRaw bytes, or empty if they do not decode. */
  public static Optional<Tx> decode(byte[] txRaw) {
    try {
      TxRaw raw = TxRaw.parseFrom(txRaw);
      return Optional.of(
          Tx.newBuilder()
              .setBody(TxBody.parseFrom(raw.getBodyBytes()))
              .setAuthInfo(AuthInfo.parseFrom(raw.getAuthInfoBytes()))
              .addAllSignatures(raw.getSignaturesList())
              .build());
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  /** A committed tx's {@code tx_response}. */
  public static TxResponse committed(TxRecord record) {
    TxResult result = record.result();
    TxResponse.Builder out =
        TxResponse.newBuilder()
            .setHeight(record.height())
            .setTxhash(record.hashHex())
            .setCodespace(result.codespace())
            .setCode(result.code())
            .setData(UPPER_HEX.formatHex(result.data()))
            .setRawLog(result.log())
            .setGasWanted(result.gasWanted())
            .setGasUsed(result.gasUsed())
            .setTimestamp(rfc3339(record.timeNanos()));
    decode(record.tx()).ifPresent(tx -> out.setTx(ProtoTypes.pack(tx)));
    for (Event event : result.events()) {
      out.addEvents(event(event));
    }
    return out.build();
  }

  /**
   * The answer of a broadcast in sync (or async) mode: the mempool check's code, codespace, log and
   * data only, height 0 (the SDK's {@code NewResponseFormatBroadcastTx}).
   */
  public static TxResponse checked(String hashHex, TxResult result) {
    return TxResponse.newBuilder()
        .setTxhash(hashHex)
        .setCodespace(result.codespace())
        .setCode(result.code())
        .setData(UPPER_HEX.formatHex(result.data()))
        .setRawLog(result.log())
        .build();
  }

  static io.arcanum.proto.tendermint.abci.Event event(Event event) {
    io.arcanum.proto.tendermint.abci.Event.Builder out =
        io.arcanum.proto.tendermint.abci.Event.newBuilder().setType(event.type());
    for (EventAttribute a : event.attributes()) {
      out.addAttributes(
          io.arcanum.proto.tendermint.abci.EventAttribute.newBuilder()
              .setKey(a.key())
              .setValue(a.value())
              .setIndex(a.index()));
    }
    return out.build();
  }

  static String rfc3339(long timeNanos) {
    return RFC3339.format(Instant.ofEpochSecond(Math.floorDiv(timeNanos, 1_000_000_000L)));
  }

  /**
   * Rewrites the {@code sdk.AccAddress} fields of a printed tx's messages ({@code {"body":
   * {"messages": [...]}}}, with or without {@code @type}) from base64 to bech32.
   */
  public static void bech32Addresses(JsonNode tx, String prefix) {
    if (tx == null || !tx.path("body").path("messages").isArray()) {
      return;
    }
    for (JsonNode message : tx.path("body").path("messages")) {
      List<String> fields = ACC_ADDRESS_FIELDS.get(message.path("@type").asText());
      if (fields == null || !(message instanceof ObjectNode object)) {
        continue;
      }
      for (String field : fields) {
        JsonNode value = object.get(field);
        if (value != null && value.isTextual()) {
          try {
            object.put(
                field, Bech32.encodeBytes(prefix, Base64.getDecoder().decode(value.asText())));
          } catch (IllegalArgumentException | io.arcanum.crypto.CryptoException e) {
            // not an address the chain accepted; left as the bytes were printed
          }
        }
      }
    }
  }
}
