package io.arcanum.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.arcanum.proto.cosmos.auth.v1beta1.BaseAccount;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountResponse;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse;
import io.arcanum.proto.cosmos.base.query.v1beta1.PageResponse;
import io.arcanum.proto.cosmos.base.v1beta1.Coin;
import io.arcanum.proto.cosmos.crypto.secp256k1.PubKey;
import io.arcanum.proto.cosmos.tx.signing.v1beta1.SignMode;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.BroadcastMode;
import io.arcanum.proto.cosmos.tx.v1beta1.BroadcastTxRequest;
import io.arcanum.proto.cosmos.tx.v1beta1.BroadcastTxResponse;
import io.arcanum.proto.cosmos.tx.v1beta1.Fee;
import io.arcanum.proto.cosmos.tx.v1beta1.GetTxResponse;
import io.arcanum.proto.cosmos.tx.v1beta1.ModeInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.SignerInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.Tx;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.secret.compute.v1beta1.MsgExecuteContract;
import io.arcanum.proto.secret.registration.v1beta1.Key;
import io.arcanum.proto.tendermint.abci.Event;
import io.arcanum.proto.tendermint.abci.EventAttribute;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** ProtoJson renders and reads the REST gateway's JSON as secretjs-api.md §1 and §3 show it. */
class ProtoJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final ByteString ACCOUNT_A_PUBKEY =
      ByteString.copyFrom(
          HEX.parseHex("034ee8249f67e136139c3ed94ad63288f6c1de45ce66fa883247211a698f440cdf"));
  private static final ByteString CONTRACT =
      ByteString.copyFrom(HEX.parseHex("da6de9eb785611af8a7c96f38b36f533fb4c893a"));

  @Test
  void txWithAnExecuteRendersWithTypeUrlsBase64AndGatewayDefaults() throws Exception {
    byte[] encryptedMsg = new byte[160];
    encryptedMsg[0] = (byte) 0xfb; // base64 with '+', '/' and '=' padding must survive as-is
    encryptedMsg[1] = (byte) 0xff;

    JsonNode tx = JSON.readTree(ProtoJson.print(tx(encryptedMsg)));

    assertThat(tx)
        .isEqualTo(
            json(
                """
                {"body":{"messages":[{"@type":"/secret.compute.v1beta1.MsgExecuteContract",
                    "sender":"AAAAAAAAAAAAAAAAAAAAAAAAAAA=","contract":"2m3p63hWEa+KfJbzizb1M/tMiTo=",
                    "msg":"%s","callback_code_hash":"","sent_funds":[],"callback_sig":null}],
                  "memo":"","timeout_height":"0","extension_options":[],
                  "non_critical_extension_options":[]},
                 "auth_info":{"signer_infos":[{"public_key":{"@type":"/cosmos.crypto.secp256k1.PubKey",
                      "key":"A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf"},
                    "mode_info":{"single":{"mode":"SIGN_MODE_DIRECT"}},"sequence":"2"}],
                   "fee":{"amount":[{"denom":"uscrt","amount":"20000"}],"gas_limit":"200000",
                     "payer":"","granter":""},
                   "tip":null},
                 "signatures":["%s"]}
                """
                    .formatted(b64(encryptedMsg), b64(new byte[64]))));
    assertThat(ProtoJson.print(tx(encryptedMsg))).contains(b64(encryptedMsg)).doesNotContain("\\u");
  }

  @Test
  void txResponseRendersAsGetTxShowsIt() throws Exception {
    Tx tx = tx(new byte[160]);
    TxResponse response =
        TxResponse.newBuilder()
            .setHeight(4)
            .setTxhash("F831")
            .setData("12580A32")
            .setGasWanted(200_000)
            .setGasUsed(20_000)
            .setTx(ProtoTypes.pack(tx))
            .setTimestamp("2026-11-24T00:26:36Z")
            .addEvents(
                Event.newBuilder()
                    .setType("tx")
                    .addAttributes(attribute("fee", "20000uscrt", true)))
            .addEvents(
                Event.newBuilder()
                    .setType("message")
                    .addAttributes(
                        attribute("action", "/secret.compute.v1beta1.MsgExecuteContract", false))
                    .addAttributes(attribute("msg_index", "0", false)))
            .build();

    JsonNode root =
        JSON.readTree(
            ProtoJson.print(GetTxResponse.newBuilder().setTx(tx).setTxResponse(response).build()));

    JsonNode r = root.get("tx_response");
    assertThat(r.get("height").isTextual()).as("64-bit integers are strings").isTrue();
    assertThat(r.get("height").asText()).isEqualTo("4");
    assertThat(r.get("code").isInt()).as("32-bit integers are numbers").isTrue();
    assertThat(r.get("code").asInt()).isZero();
    assertThat(r.get("codespace").asText()).isEmpty();
    assertThat(r.get("raw_log").isTextual()).isTrue();
    assertThat(r.get("raw_log").asText()).isEmpty();
    assertThat(r.get("logs").isArray()).isTrue();
    assertThat(r.get("logs")).isEmpty();
    assertThat(r.get("info").asText()).isEmpty();
    assertThat(r.get("gas_wanted").asText()).isEqualTo("200000");
    assertThat(r.get("gas_used").asText()).isEqualTo("20000");
    assertThat(r.get("tx").get("@type").asText()).isEqualTo("/cosmos.tx.v1beta1.Tx");
    assertThat(r.get("tx").get("body").get("messages").get(0).get("@type").asText())
        .isEqualTo("/secret.compute.v1beta1.MsgExecuteContract");
    assertThat(r.get("events"))
        .isEqualTo(
            json(
                """
                [{"type":"tx","attributes":[{"key":"fee","value":"20000uscrt","index":true}]},
                 {"type":"message","attributes":[
                   {"key":"action","value":"/secret.compute.v1beta1.MsgExecuteContract","index":false},
                   {"key":"msg_index","value":"0","index":false}]}]
                """));
    JsonNode withoutType = r.get("tx").deepCopy();
    ((ObjectNode) withoutType).remove("@type");
    assertThat(root.get("tx")).as("tx = tx_response.tx without @type").isEqualTo(withoutType);
  }

  @Test
  void broadcastResponseOfCheckTxHasNullTxAndEmptyStrings() throws Exception {
    TxResponse checkTx = TxResponse.newBuilder().setTxhash("ABCD").build();

    JsonNode root =
        JSON.readTree(
            ProtoJson.print(BroadcastTxResponse.newBuilder().setTxResponse(checkTx).build()));

    assertThat(root)
        .isEqualTo(
            json(
                """
                {"tx_response":{"height":"0","txhash":"ABCD","codespace":"","code":0,"data":"",
                  "raw_log":"","logs":[],"info":"","gas_wanted":"0","gas_used":"0","tx":null,
                  "timestamp":"","events":[]}}
                """));
  }

  @Test
  void accountRendersAsBaseAccountAnyWithNullPubKeyBeforeFirstTx() throws Exception {
    BaseAccount fresh =
        BaseAccount.newBuilder()
            .setAddress("secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03")
            .setAccountNumber(0)
            .setSequence(0)
            .build();
    BaseAccount used =
        fresh.toBuilder()
            .setPubKey(ProtoTypes.pack(PubKey.newBuilder().setKey(ACCOUNT_A_PUBKEY).build()))
            .setSequence(3)
            .build();

    assertThat(JSON.readTree(ProtoJson.print(accountResponse(fresh))))
        .isEqualTo(
            json(
                """
                {"account":{"@type":"/cosmos.auth.v1beta1.BaseAccount",
                  "address":"secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03","pub_key":null,
                  "account_number":"0","sequence":"0"}}
                """));
    assertThat(JSON.readTree(ProtoJson.print(accountResponse(used))).get("account"))
        .isEqualTo(
            json(
                """
                {"@type":"/cosmos.auth.v1beta1.BaseAccount",
                  "address":"secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03",
                  "pub_key":{"@type":"/cosmos.crypto.secp256k1.PubKey",
                    "key":"A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf"},
                  "account_number":"0","sequence":"3"}
                """));
  }

  @Test
  void emptyNextKeyOfTheLastPageIsNull() throws Exception {
    assertThat(JSON.readTree(ProtoJson.print(PageResponse.newBuilder().setTotal(2).build())))
        .isEqualTo(json("{\"next_key\":null,\"total\":\"2\"}"));
  }

  @Test
  void txKeyRendersAsKeyWithBase64() throws Exception {
    byte[] io = new byte[32];
    io[31] = 9;
    assertThat(
            JSON.readTree(
                ProtoJson.print(Key.newBuilder().setKey(ByteString.copyFrom(io)).build())))
        .isEqualTo(json("{\"key\":\"" + b64(io) + "\"}"));
  }

  @Test
  void broadcastBodyIsReadWithSecretJsCamelCaseKeysAndWithProtoNames() throws Exception {
    byte[] txBytes = {1, 2, 3, (byte) 0xfb, (byte) 0xff};
    BroadcastTxRequest expected =
        BroadcastTxRequest.newBuilder()
            .setTxBytes(ByteString.copyFrom(txBytes))
            .setMode(BroadcastMode.BROADCAST_MODE_SYNC)
            .build();

    assertThat(
            ProtoJson.merge(
                    "{\"txBytes\":\"" + b64(txBytes) + "\",\"mode\":\"BROADCAST_MODE_SYNC\"}",
                    BroadcastTxRequest.newBuilder())
                .build())
        .isEqualTo(expected);
    assertThat(
            ProtoJson.merge(
                    "{\"tx_bytes\":\"" + b64(txBytes) + "\",\"mode\":\"BROADCAST_MODE_SYNC\"}",
                    BroadcastTxRequest.newBuilder())
                .build())
        .isEqualTo(expected);
  }

  @Test
  void anyOfAnUnknownTypeIsRefused() {
    Any unknown =
        Any.newBuilder().setTypeUrl("/cosmos.vesting.v1beta1.PeriodicVestingAccount").build();

    assertThatThrownBy(
            () -> ProtoJson.print(QueryAccountResponse.newBuilder().setAccount(unknown).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cosmos.auth.v1beta1.QueryAccountResponse");
  }

  private static Tx tx(byte[] encryptedMsg) {
    MsgExecuteContract execute =
        MsgExecuteContract.newBuilder()
            .setSender(ByteString.copyFrom(new byte[20]))
            .setContract(CONTRACT)
            .setMsg(ByteString.copyFrom(encryptedMsg))
            .build();
    return Tx.newBuilder()
        .setBody(TxBody.newBuilder().addMessages(ProtoTypes.pack(execute)))
        .setAuthInfo(
            AuthInfo.newBuilder()
                .addSignerInfos(
                    SignerInfo.newBuilder()
                        .setPublicKey(
                            ProtoTypes.pack(PubKey.newBuilder().setKey(ACCOUNT_A_PUBKEY).build()))
                        .setModeInfo(
                            ModeInfo.newBuilder()
                                .setSingle(
                                    ModeInfo.Single.newBuilder()
                                        .setMode(SignMode.SIGN_MODE_DIRECT)))
                        .setSequence(2))
                .setFee(
                    Fee.newBuilder()
                        .addAmount(Coin.newBuilder().setDenom("uscrt").setAmount("20000"))
                        .setGasLimit(200_000)))
        .addSignatures(ByteString.copyFrom(new byte[64]))
        .build();
  }

  private static QueryAccountResponse accountResponse(BaseAccount account) {
    return QueryAccountResponse.newBuilder().setAccount(ProtoTypes.pack(account)).build();
  }

  private static EventAttribute attribute(String key, String value, boolean index) {
    return EventAttribute.newBuilder().setKey(key).setValue(value).setIndex(index).build();
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
