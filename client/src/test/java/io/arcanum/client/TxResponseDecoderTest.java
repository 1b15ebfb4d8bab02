package io.arcanum.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.arcanum.client.encryption.EncryptionUtilsImpl;
import io.arcanum.client.lcd.IndexedTx;
import io.arcanum.crypto.SpecFiles;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCodeResponse;
import io.arcanum.proto.tendermint.abci.Event;
import io.arcanum.proto.tendermint.abci.EventAttribute;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * secret.js's result decoding (secretjs-api.md §6.1) on the tx-encryption vectors: the vector's
 * wire message is the tx's execute msg, and its data, attribute and error ciphertexts are what the
 * node returned, so a client seeded like the vector opens every one of them.
 */
class TxResponseDecoderTest {
  static final JsonNode V = SpecFiles.vectors().get("tx_encryption");
  static final String CONTRACT = LocalSecret.FIRST_CONTRACT;

  static EncryptionUtilsImpl seeded() {
    return EncryptionUtilsImpl.fromSeed(
        SpecFiles.hex(V, "wallet_seed"),
        EncryptionUtilsImpl.fixedTxKey(new X25519PublicKey(SpecFiles.hex(V, "consensus_io_pk"))));
  }

  static JsonNode txJson(String... types) {
    ObjectNode tx = FakeChain.JSON.createObjectNode();
    tx.put("@type", "/cosmos.tx.v1beta1.Tx");
    var messages = tx.putObject("body").putArray("messages");
    for (String type : types) {
      ObjectNode msg = messages.addObject().put("@type", type);
      if (type.endsWith("MsgExecuteContract")) {
        msg.put("sender", LocalSecret.A.address()).put("contract", CONTRACT);
        msg.put("msg", V.get("wire_msg_b64").asText());
      } else if (type.endsWith("MsgStoreCode")) {
        msg.put("wasm_byte_code", "AGFzbQ==");
      }
    }
    return tx;
  }

  static Event event(String type, String... keyValues) {
    Event.Builder e = Event.newBuilder().setType(type);
    for (int i = 0; i < keyValues.length; i += 2) {
      e.addAttributes(
          EventAttribute.newBuilder()
              .setKey(keyValues[i])
              .setValue(keyValues[i + 1])
              .setIndex(true));
    }
    return e.build();
  }

  static IndexedTx success() {
    TxMsgData data =
        TxMsgData.newBuilder()
            .addMsgResponses(
                ProtoTypes.pack(MsgStoreCodeResponse.newBuilder().setCodeId(1).build()))
            .addMsgResponses(
                ProtoTypes.pack(
                    MsgExecuteContractResponse.newBuilder()
                        .setData(ByteString.copyFrom(SpecFiles.hex(V, "output_data_ciphertext")))
                        .build()))
            .build();
    String key = V.get("attr_key 'action' enc b64").asText();
    String value = V.get("attr_value 'increment' enc b64").asText();
    TxResponse response =
        TxResponse.newBuilder()
            .setHeight(4)
            .setTxhash("F831")
            .setData(HexFormat.of().withUpperCase().formatHex(data.toByteArray()))
            .setGasWanted(200_000)
            .setGasUsed(20_000)
            .addEvents(event("tx", "fee", "20000uscrt")) // ante: no msg_index
            .addEvents(event("message", "code_id", "1", "msg_index", "0"))
            .addEvents(
                event(
                    "message",
                    "action",
                    "/secret.compute.v1beta1.MsgExecuteContract",
                    "msg_index",
                    "1"))
            .addEvents(event("wasm", "contract_address", CONTRACT, key, value, "msg_index", "1"))
            .addEvents(event("wasm", "contract_address", CONTRACT, key, value, "msg_index", "1"))
            .build();
    return new IndexedTx(
        response,
        txJson(
            "/secret.compute.v1beta1.MsgStoreCode", "/secret.compute.v1beta1.MsgExecuteContract"));
  }

  @Test
  void aSuccessfulTxHasItsInputDataAndAttributesDecrypted() {
    io.arcanum.client.TxResponse r = new TxResponseDecoder(seeded()).decode(success());
    assertThat(r.isSuccess()).isTrue();
    assertThat(r.height()).isEqualTo(4);
    assertThat(r.messages()).hasSize(2);
    assertThat(r.messages().get(0).contractMsg()).isEmpty();
    assertThat(r.messages().get(1).contractMsg().orElseThrow().toString())
        .isEqualTo(V.get("msg_json").asText());
    // data: the vector's base64 text eyJjb3VudCI6MX0= decoded
    assertThat(r.data(1).toStringUtf8()).isEqualTo("{\"count\":1}");
    assertThat(r.data(0).isEmpty()).isTrue(); // not a contract response
    assertThat(r.msgResponses().get(0).getTypeUrl())
        .isEqualTo("/secret.compute.v1beta1.MsgStoreCodeResponse");
    // arrayLog: message events only, wasm opened, contract_address kept, duplicates once
    assertThat(r.arrayLog())
        .containsExactly(
            new LogEntry(0, "message", "code_id", "1"),
            new LogEntry(1, "message", "action", "/secret.compute.v1beta1.MsgExecuteContract"),
            new LogEntry(1, "wasm", "contract_address", CONTRACT),
            new LogEntry(1, "wasm", "action", "increment"));
    assertThat(r.wasmAttributes(1)).hasSize(2);
    assertThat(r.attribute(1, "wasm", "action")).contains("increment");
    assertThat(r.events()).hasSize(5);
    assertThat(r.contractError()).isEmpty();
    assertThat(r.toString()).doesNotContain("increment").doesNotContain("count");
  }

  @Test
  void anotherKeyOpensNothingAndLeavesTheNodesValues() {
    EncryptionUtilsImpl stranger =
        EncryptionUtilsImpl.random(
            EncryptionUtilsImpl.fixedTxKey(
                new X25519PublicKey(SpecFiles.hex(V, "consensus_io_pk"))));
    io.arcanum.client.TxResponse r = new TxResponseDecoder(stranger).decode(success());
    assertThat(r.messages().get(1).contractMsg()).isEmpty();
    assertThat(r.data(1).toByteArray()).isEqualTo(SpecFiles.hex(V, "output_data_ciphertext"));
    assertThat(r.attribute(1, "wasm", "action")).isEmpty();
    assertThat(r.arrayLog())
        .contains(
            new LogEntry(
                1,
                "wasm",
                V.get("attr_key 'action' enc b64").asText(),
                V.get("attr_value 'increment' enc b64").asText()));
  }

  @Test
  void aFailedTxHasItsContractErrorDecryptedThroughSubmessagePrefixes() {
    String error = V.get("error_ciphertext_b64 (appears as 'encrypted: <b64>')").asText();
    String log =
        "failed to execute message; message index: 1: dispatch: submessages: dispatch:"
            + " submessages: encrypted: "
            + error
            + ": execute contract failed";
    TxResponse response =
        TxResponse.newBuilder()
            .setHeight(5)
            .setTxhash("AB")
            .setCode(3)
            .setCodespace("compute")
            .setRawLog(log)
            .addEvents(event("tx", "fee", "20000uscrt"))
            .build();
    io.arcanum.client.TxResponse r =
        new TxResponseDecoder(seeded())
            .decode(
                new IndexedTx(
                    response,
                    txJson(
                        "/secret.compute.v1beta1.MsgStoreCode",
                        "/secret.compute.v1beta1.MsgExecuteContract")));
    ContractError e = r.contractError().orElseThrow();
    assertThat(e.messageIndex()).isEqualTo(1);
    assertThat(e.message()).isEqualTo("{\"generic_err\":{\"msg\":\"boom\"}}");
    assertThat(e.text()).isEqualTo("boom");
    assertThat(e.rawLog())
        .isEqualTo(
            "failed to execute message; message index: 1: dispatch: submessages: dispatch:"
                + " submessages: {\"generic_err\":{\"msg\":\"boom\"}}: execute contract failed");
    assertThat(r.rawLog()).isEqualTo(log);
    assertThat(r.arrayLog()).isEmpty();
    assertThat(r.msgResponses()).isEmpty();

    // the error of a message this client did not encrypt (index 0 here) stays closed
    TxResponse other = response.toBuilder().setRawLog(log.replace("index: 1", "index: 0")).build();
    assertThat(
            new TxResponseDecoder(seeded())
                .decode(
                    new IndexedTx(
                        other,
                        txJson(
                            "/secret.compute.v1beta1.MsgStoreCode",
                            "/secret.compute.v1beta1.MsgExecuteContract")))
                .contractError())
        .isEmpty();
  }

  @Test
  void aTxWithoutATxJsonStillDecodesItsPlainParts() {
    TxResponse response =
        TxResponse.newBuilder()
            .setHeight(9)
            .setTxhash("CD")
            .addEvents(event("message", "action", "/cosmos.bank.v1beta1.MsgSend", "msg_index", "0"))
            .build();
    io.arcanum.client.TxResponse r =
        new TxResponseDecoder(seeded())
            .decode(new IndexedTx(response, FakeChain.JSON.missingNode()));
    assertThat(r.messages()).isEmpty();
    assertThat(r.msgResponses()).isEmpty();
    assertThat(r.attribute(0, "message", "action")).contains("/cosmos.bank.v1beta1.MsgSend");
    assertThat(r.data(0).isEmpty()).isTrue();
    assertThat(List.of(r.isCommitted(), r.isSuccess())).containsExactly(true, true);
  }
}
