package io.arcanum.proto.signing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.proto.cosmos.bank.v1beta1.Input;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgMultiSend;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.cosmos.bank.v1beta1.Output;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import io.arcanum.proto.secret.compute.v1beta1.MsgClearAdmin;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgMigrateContract;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import io.arcanum.proto.secret.compute.v1beta1.MsgUpdateAdmin;
import io.arcanum.proto.secret.registration.v1beta1.RaAuthenticate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The amino JSON form ({@code {"type": …, "value": {…}}}) of each message a LEGACY_AMINO_JSON
 * signer signs, exactly as secretjs 1.22.1's {@code toAmino()} writes it (secretjs-api.md §4.2):
 * bank messages with their proto field names; compute store/instantiate/execute with addresses and
 * bytes as base64 of the raw bytes and uint64 as decimal strings; migrate/admin with their bech32
 * strings; {@code reg/authenticate} with the sender in bech32 and the certificate as {@code
 * ra_cert}. Optional fields secretjs leaves out when empty are left out here too.
 */
public final class AminoMessages {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @FunctionalInterface
  private interface Converter {
    ObjectNode value(ByteString bytes, Function<byte[], String> bech32)
        throws InvalidProtocolBufferException;
  }

  private record Entry(String aminoType, Converter converter) {}

  private static final Map<String, Entry> BY_TYPE_URL =
      Map.of(
          "/cosmos.bank.v1beta1.MsgSend",
          new Entry("cosmos-sdk/MsgSend", (b, p) -> send(MsgSend.parseFrom(b))),
          "/cosmos.bank.v1beta1.MsgMultiSend",
          new Entry("cosmos-sdk/MsgMultiSend", (b, p) -> multiSend(MsgMultiSend.parseFrom(b))),
          "/secret.compute.v1beta1.MsgStoreCode",
          new Entry("wasm/MsgStoreCode", (b, p) -> storeCode(MsgStoreCode.parseFrom(b))),
          "/secret.compute.v1beta1.MsgInstantiateContract",
          new Entry(
              "wasm/MsgInstantiateContract",
              (b, p) -> instantiate(MsgInstantiateContract.parseFrom(b))),
          "/secret.compute.v1beta1.MsgExecuteContract",
          new Entry("wasm/MsgExecuteContract", (b, p) -> execute(MsgExecuteContract.parseFrom(b))),
          "/secret.compute.v1beta1.MsgMigrateContract",
          new Entry("wasm/MsgMigrateContract", (b, p) -> migrate(MsgMigrateContract.parseFrom(b))),
          "/secret.compute.v1beta1.MsgUpdateAdmin",
          new Entry("wasm/MsgUpdateAdmin", (b, p) -> updateAdmin(MsgUpdateAdmin.parseFrom(b))),
          "/secret.compute.v1beta1.MsgClearAdmin",
          new Entry("wasm/MsgClearAdmin", (b, p) -> clearAdmin(MsgClearAdmin.parseFrom(b))),
          "/secret.registration.v1beta1.RaAuthenticate",
          new Entry("reg/authenticate", (b, p) -> authenticate(RaAuthenticate.parseFrom(b), p)));

  private AminoMessages() {}

  /**
   * The amino JSON of {@code message}.
   *
   * @param bech32 renders raw account bytes as the chain's bech32 address (only {@code
   *     reg/authenticate} needs it), e.g. {@code raw -> Bech32.encodeBytes("secret", raw)}
   * @throws IllegalArgumentException if the type has no amino form or its bytes do not decode
   */
  public static ObjectNode toAmino(Any message, Function<byte[], String> bech32) {
    Entry entry = BY_TYPE_URL.get(message.getTypeUrl());
    if (entry == null) {
      throw new IllegalArgumentException(
          "message type " + message.getTypeUrl() + " has no amino JSON form");
    }
    ObjectNode out = JSON.objectNode();
    out.put("type", entry.aminoType());
    try {
      out.set("value", entry.converter().value(message.getValue(), bech32));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("malformed " + message.getTypeUrl(), e);
    }
    return out;
  }

  /** Coins as amino JSON writes them: {@code [{"amount", "denom"}]}, in the given order. */
  public static ArrayNode coins(List<Coin> coins) {
    ArrayNode out = JSON.arrayNode();
    for (Coin coin : coins) {
      out.addObject().put("amount", coin.getAmount()).put("denom", coin.getDenom());
    }
    return out;
  }

  private static ObjectNode send(MsgSend msg) {
    ObjectNode v = JSON.objectNode();
    v.put("from_address", msg.getFromAddress());
    v.put("to_address", msg.getToAddress());
    v.set("amount", coins(msg.getAmountList()));
    return v;
  }

  private static ObjectNode multiSend(MsgMultiSend msg) {
    ObjectNode v = JSON.objectNode();
    ArrayNode inputs = v.putArray("inputs");
    for (Input in : msg.getInputsList()) {
      inputs.addObject().put("address", in.getAddress()).set("coins", coins(in.getCoinsList()));
    }
    ArrayNode outputs = v.putArray("outputs");
    for (Output out : msg.getOutputsList()) {
      outputs.addObject().put("address", out.getAddress()).set("coins", coins(out.getCoinsList()));
    }
    return v;
  }

  private static ObjectNode storeCode(MsgStoreCode msg) {
    ObjectNode v = JSON.objectNode();
    v.put("sender", b64(msg.getSender()));
    v.put("wasm_byte_code", b64(msg.getWasmByteCode()));
    putIfNotEmpty(v, "source", msg.getSource());
    putIfNotEmpty(v, "builder", msg.getBuilder());
    return v;
  }

  private static ObjectNode instantiate(MsgInstantiateContract msg) {
    ObjectNode v = JSON.objectNode();
    v.put("sender", b64(msg.getSender()));
    v.put("code_id", Long.toUnsignedString(msg.getCodeId()));
    v.put("label", msg.getLabel());
    if (!msg.getInitMsg().isEmpty()) {
      v.put("init_msg", b64(msg.getInitMsg()));
    }
    v.set("init_funds", coins(msg.getInitFundsList()));
    putIfNotEmpty(v, "admin", msg.getAdmin());
    callback(v, msg.getCallbackCodeHash(), msg.getCallbackSig());
    return v;
  }

  private static ObjectNode execute(MsgExecuteContract msg) {
    ObjectNode v = JSON.objectNode();
    v.put("sender", b64(msg.getSender()));
    v.put("contract", b64(msg.getContract()));
    v.put("msg", b64(msg.getMsg()));
    v.set("sent_funds", coins(msg.getSentFundsList()));
    callback(v, msg.getCallbackCodeHash(), msg.getCallbackSig());
    return v;
  }

  private static ObjectNode migrate(MsgMigrateContract msg) {
    ObjectNode v = JSON.objectNode();
    v.put("sender", msg.getSender());
    v.put("contract", msg.getContract());
    v.put("msg", b64(msg.getMsg()));
    v.put("code_id", Long.toUnsignedString(msg.getCodeId()));
    callback(v, msg.getCallbackCodeHash(), msg.getCallbackSig());
    return v;
  }

  private static ObjectNode updateAdmin(MsgUpdateAdmin msg) {
    ObjectNode v = JSON.objectNode();
    v.put("sender", msg.getSender());
    v.put("new_admin", msg.getNewAdmin());
    v.put("contract", msg.getContract());
    callback(v, "", msg.getCallbackSig());
    return v;
  }

  private static ObjectNode clearAdmin(MsgClearAdmin msg) {
    ObjectNode v = JSON.objectNode();
    v.put("sender", msg.getSender());
    v.put("contract", msg.getContract());
    callback(v, "", msg.getCallbackSig());
    return v;
  }

  private static ObjectNode authenticate(RaAuthenticate msg, Function<byte[], String> bech32) {
    ObjectNode v = JSON.objectNode();
    v.put("sender", bech32.apply(msg.getSender().toByteArray()));
    v.put("ra_cert", b64(msg.getCertificate()));
    putIfNotEmpty(v, "replace_machine_id", msg.getReplaceMachineId());
    return v;
  }

  /**
   * Callback fields only contracts set; a user tx carrying them must have signed them, so they are
   * in the sign doc when present (secretjs never sends them).
   */
  private static void callback(ObjectNode v, String codeHash, ByteString sig) {
    putIfNotEmpty(v, "callback_code_hash", codeHash);
    if (!sig.isEmpty()) {
      v.put("callback_sig", b64(sig));
    }
  }

  private static void putIfNotEmpty(ObjectNode v, String name, String value) {
    if (!value.isEmpty()) {
      v.put(name, value);
    }
  }

  private static String b64(ByteString bytes) {
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
