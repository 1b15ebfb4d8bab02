package io.arcanum.node.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.node.SignedTxs;
import io.arcanum.node.TestNode;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxMsgData;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tx service over HTTP on the real node (secretjs-api.md §3 E6, E7, simulate, search): what
 * secret.js reads from a broadcast and from polling by hash, refusals that change nothing, the
 * block mode waiting for the block, and the SDK's words where clients match them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TxRoutesTest {
  static final Duration BLOCK_MODE_TIMEOUT = Duration.ofSeconds(5);

  TestNode node;
  RestHttp http;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    node = TestNode.serving(TestNode.init(dir, BlockLimits.DEFAULT), BLOCK_MODE_TIMEOUT);
    http = new RestHttp(node.restUrl());
    node.block();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void syncBroadcastAnswersTheCheckAndTheTxIsNotFoundUntilItsBlock() throws Exception {
    byte[] tx = send(0, 1, 1_000);
    String hash = hash(tx);

    RestHttp.Reply broadcast = http.post("/cosmos/tx/v1beta1/txs", body(tx, "BROADCAST_MODE_SYNC"));

    assertThat(broadcast.status()).isEqualTo(200);
    assertThat(broadcast.json())
        .isEqualTo(
            RestHttp.JSON.readTree(
                """
                {"tx_response":{"height":"0","txhash":"%s","codespace":"","code":0,"data":"",
                  "raw_log":"","logs":[],"info":"","gas_wanted":"0","gas_used":"0","tx":null,
                  "timestamp":"","events":[]}}
                """
                    .formatted(hash)));
    RestHttp.Reply pending = http.get("/cosmos/tx/v1beta1/txs/" + hash);
    assertThat(pending.status()).isEqualTo(404);
    assertThat(pending.json())
        .isEqualTo(
            RestHttp.JSON.readTree(
                "{\"code\":5,\"message\":\"tx not found: " + hash + "\",\"details\":[]}"));
    String lower = hash.toLowerCase(Locale.ROOT);
    assertThat(http.get("/cosmos/tx/v1beta1/txs/" + lower).json().get("message").asText())
        .as("the hash as the request gave it")
        .isEqualTo("tx not found: " + lower);

    node.block();
    RestHttp.Reply found = http.get("/cosmos/tx/v1beta1/txs/" + hash);

    assertThat(found.status()).isEqualTo(200);
    JsonNode response = found.json().get("tx_response");
    assertThat(fieldNames(response))
        .containsExactly(
            "height",
            "txhash",
            "codespace",
            "code",
            "data",
            "raw_log",
            "logs",
            "info",
            "gas_wanted",
            "gas_used",
            "tx",
            "timestamp",
            "events");
    assertThat(response.get("height").asText()).isEqualTo(Long.toString(node.height()));
    assertThat(response.get("txhash").asText()).isEqualTo(hash);
    assertThat(response.get("code").isInt()).isTrue();
    assertThat(response.get("raw_log").asText()).isEmpty();
    assertThat(response.get("gas_wanted").asText()).isEqualTo(Long.toString(SignedTxs.SEND_GAS));
    assertThat(response.get("gas_used").isTextual()).isTrue();
    String data = response.get("data").asText();
    assertThat(data).matches("[0-9A-F]+");
    assertThat(TxMsgData.parseFrom(HexFormat.of().parseHex(data)).getMsgResponses(0).getTypeUrl())
        .isEqualTo("/cosmos.bank.v1beta1.MsgSendResponse");
    assertThat(response.get("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    Instant.parse(response.get("timestamp").asText());
    JsonNode message = response.at("/tx/body/messages/0");
    assertThat(message.get("@type").asText()).isEqualTo("/cosmos.bank.v1beta1.MsgSend");
    assertThat(message.get("from_address").asText()).isEqualTo(SignedTxs.bech32(0));
    ObjectNode withoutType = response.get("tx").deepCopy();
    withoutType.remove("@type");
    assertThat(found.json().get("tx"))
        .as("tx = tx_response.tx without @type")
        .isEqualTo(withoutType);
    assertThat(response.at("/tx/auth_info/signer_infos/0/mode_info/single/mode").asText())
        .isEqualTo("SIGN_MODE_DIRECT");
    JsonNode action = null;
    for (JsonNode event : response.get("events")) {
      for (JsonNode attribute : event.get("attributes")) {
        assertThat(fieldNames(attribute)).containsExactly("key", "value", "index");
        if (attribute.get("key").asText().equals("action")) {
          action = event;
        }
      }
    }
    assertThat(action).as("the message event").isNotNull();
    assertThat(action.toString()).contains("{\"key\":\"msg_index\",\"value\":\"0\"");
  }

  @Test
  void aTxWithAWrongSequenceIs200WithItsCodeAndChangesNothing() throws Exception {
    String sequence = sequence(1);
    String balance = balance(1);
    byte[] tx = SignedTxs.send(1, Long.parseLong(sequence) + 5, 0, 1);

    RestHttp.Reply reply = http.post("/cosmos/tx/v1beta1/txs", body(tx, "BROADCAST_MODE_SYNC"));
    node.block();

    assertThat(reply.status()).isEqualTo(200);
    JsonNode response = reply.json().get("tx_response");
    assertThat(response.get("code").asInt()).isEqualTo(32);
    assertThat(response.get("codespace").asText()).isEqualTo("sdk");
    assertThat(response.get("raw_log").asText()).contains("account sequence mismatch");
    assertThat(http.get("/cosmos/tx/v1beta1/txs/" + hash(tx)).status()).isEqualTo(404);
    assertThat(sequence(1)).isEqualTo(sequence);
    assertThat(balance(1)).isEqualTo(balance);
  }

  @Test
  void txBytesUnderItsProtoNameAndAsyncModeAreAccepted() throws Exception {
    byte[] tx = send(2, 0, 5);
    String body =
        "{\"tx_bytes\":\"" + b64(tx) + "\",\"mode\":\"BROADCAST_MODE_ASYNC\",\"extra\":1}";

    RestHttp.Reply reply = http.post("/cosmos/tx/v1beta1/txs", body, "application/json");
    node.block();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/tx_response/txhash").asText()).isEqualTo(hash(tx));
    assertThat(http.get("/cosmos/tx/v1beta1/txs/" + hash(tx)).status()).isEqualTo(200);
  }

  @Test
  void malformedBroadcastsAre400NamingWhatIsWrongAndQueueNothing() throws Exception {
    String txs = "/cosmos/tx/v1beta1/txs";
    byte[] tx = SignedTxs.send(4, Long.parseLong(sequence(4)), 0, 1);

    assertThat(error(http.post(txs, "not json"))).startsWith("400 3 invalid request body:");
    assertThat(error(http.post(txs, "")))
        .isEqualTo("400 3 the request body is empty; expected a JSON object");
    assertThat(error(http.post(txs, "{\"txBytes\":\"!!!\"}")))
        .startsWith("400 3 invalid request body:");
    assertThat(error(http.post(txs, "{\"mode\":\"BROADCAST_MODE_SYNC\"}")))
        .isEqualTo("400 3 invalid empty tx: the body needs txBytes (base64)");
    assertThat(error(http.post(txs, "{\"txBytes\":\"" + b64(tx) + "\"}")))
        .isEqualTo(
            "400 3 unsupported broadcast mode (none); use"
                + " BROADCAST_MODE_SYNC, BROADCAST_MODE_ASYNC or BROADCAST_MODE_BLOCK");
    assertThat(error(http.post(txs, "{\"txBytes\":\"" + b64(tx) + "\",\"mode\":\"FAST\"}")))
        .isEqualTo(
            "400 3 unsupported broadcast mode \"FAST\"; use"
                + " BROADCAST_MODE_SYNC, BROADCAST_MODE_ASYNC or BROADCAST_MODE_BLOCK");
    assertThat(http.get("/arcanum/v1/status").json().get("pending_txs").asInt()).isZero();
    assertThat(error(http.get("/cosmos/tx/v1beta1/txs/XYZ")))
        .isEqualTo("400 3 invalid tx hash \"XYZ\": expected 64 hex digits");
  }

  @Test
  void blockModeAnswersWithTheCommittedResult() throws Exception {
    byte[] tx = send(3, 0, 9);

    CompletableFuture<RestHttp.Reply> reply =
        http.postAsync("/cosmos/tx/v1beta1/txs", body(tx, "BROADCAST_MODE_BLOCK"));
    while (http.get("/arcanum/v1/status").json().get("pending_txs").asInt() == 0) {
      Thread.sleep(5); // the broadcast is checked into the mempool before the answer waits
    }
    node.block();

    RestHttp.Reply done = reply.get();
    assertThat(done.status()).isEqualTo(200);
    JsonNode response = done.json().get("tx_response");
    assertThat(response.get("height").asText()).isEqualTo(Long.toString(node.height()));
    assertThat(response.get("code").asInt()).isZero();
    assertThat(response.at("/tx/@type").asText()).isEqualTo("/cosmos.tx.v1beta1.Tx");
    assertThat(response.get("timestamp").asText()).isNotEmpty();
  }

  @Test
  void blockModeSaysSoWhenNoBlockIncludesTheTxInTime() throws Exception {
    byte[] tx = send(4, 0, 9);

    RestHttp.Reply reply = http.post("/cosmos/tx/v1beta1/txs", body(tx, "BROADCAST_MODE_BLOCK"));
    node.block();

    assertThat(reply.status()).isEqualTo(504);
    assertThat(reply.json().get("code").asInt()).isEqualTo(4);
    assertThat(reply.json().get("message").asText())
        .isEqualTo(
            "tx "
                + hash(tx)
                + " was accepted into the mempool but not included in a block within 5000 ms; it"
                + " may still be committed: poll GET /cosmos/tx/v1beta1/txs/"
                + hash(tx));
    assertThat(http.get("/cosmos/tx/v1beta1/txs/" + hash(tx)).status()).isEqualTo(200);
  }

  @Test
  void simulateGivesGasAndTheResultAndKeepsNothing() throws Exception {
    String sequence = sequence(0);
    byte[] tx = SignedTxs.send(0, Long.parseLong(sequence), 1, 3);

    RestHttp.Reply reply =
        http.post("/cosmos/tx/v1beta1/simulate", "{\"txBytes\":\"" + b64(tx) + "\"}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode json = reply.json();
    assertThat(fieldNames(json)).containsExactly("gas_info", "result");
    assertThat(json.at("/gas_info/gas_wanted").asText())
        .isEqualTo(Long.toString(SignedTxs.SEND_GAS));
    assertThat(Long.parseLong(json.at("/gas_info/gas_used").asText())).isPositive();
    assertThat(fieldNames(json.get("result")))
        .containsExactly("data", "log", "events", "msg_responses");
    assertThat(json.at("/result/msg_responses/0/@type").asText())
        .isEqualTo("/cosmos.bank.v1beta1.MsgSendResponse");
    assertThat(
            TxMsgData.parseFrom(Base64.getDecoder().decode(json.at("/result/data").asText()))
                .getMsgResponsesCount())
        .isEqualTo(1);
    assertThat(sequence(0)).isEqualTo(sequence);
    assertThat(http.get("/arcanum/v1/status").json().get("pending_txs").asInt()).isZero();
  }

  @Test
  void simulationIsNotBoundByTheTxsOwnGasLimit() throws Exception {
    // secret.js signs what it simulates with its default gas limit, 25 000; the SDK simulates with
    // an infinite gas meter, so the estimate may exceed it.
    byte[] tx =
        SignedTxs.sign(
            0,
            Long.parseLong(sequence(0)),
            io.arcanum.proto.ProtoTypes.pack(
                io.arcanum.proto.cosmos.bank.v1beta1.MsgSend.newBuilder()
                    .setFromAddress(SignedTxs.bech32(0))
                    .setToAddress(SignedTxs.bech32(1))
                    .addAmount(
                        io.arcanum.proto.cosmos.base.v1beta1.Coin.newBuilder()
                            .setDenom("uscrt")
                            .setAmount("1"))
                    .build()),
            1_000,
            25,
            0);

    RestHttp.Reply reply =
        http.post("/cosmos/tx/v1beta1/simulate", "{\"txBytes\":\"" + b64(tx) + "\"}");

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.json().at("/gas_info/gas_wanted").asText()).isEqualTo("1000");
    assertThat(Long.parseLong(reply.json().at("/gas_info/gas_used").asText())).isGreaterThan(1_000);
  }

  @Test
  void aFailingSimulationIs500InTheSdksWords() throws Exception {
    byte[] tx = SignedTxs.send(0, Long.parseLong(sequence(0)) + 3, 1, 3);

    RestHttp.Reply reply =
        http.post("/cosmos/tx/v1beta1/simulate", "{\"txBytes\":\"" + b64(tx) + "\"}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("code").asInt()).isEqualTo(2);
    assertThat(reply.json().get("message").asText())
        .matches("account sequence mismatch.* With gas wanted: '100000' and gas used: '\\d+' ");
    assertThat(error(http.post("/cosmos/tx/v1beta1/simulate", "{}")))
        .isEqualTo("400 3 empty txBytes is not allowed");
  }

  @Test
  void searchFindsCommittedTxsBySenderAndHeight() throws Exception {
    byte[] tx = send(2, 0, 11);
    http.post("/cosmos/tx/v1beta1/txs", body(tx, "BROADCAST_MODE_SYNC"));
    node.block();
    String sender = SignedTxs.bech32(2);

    JsonNode bySender =
        http.get(
                "/cosmos/tx/v1beta1/txs?query=message.sender%3D%27"
                    + sender
                    + "%27&order_by=ORDER_BY_DESC&limit=1")
            .json();
    JsonNode byHeight =
        http.get(
                "/cosmos/tx/v1beta1/txs?events=tx.height%3D"
                    + node.height()
                    + "&pagination.limit=5")
            .json();

    assertThat(fieldNames(bySender))
        .containsExactlyInAnyOrder("txs", "tx_responses", "pagination", "total");
    assertThat(Long.parseLong(bySender.get("total").asText())).isGreaterThanOrEqualTo(1);
    assertThat(bySender.at("/tx_responses/0/txhash").asText()).isEqualTo(hash(tx));
    assertThat(bySender.get("tx_responses")).hasSize(1);
    assertThat(bySender.at("/txs/0/body/messages/0/@type").asText())
        .isEqualTo("/cosmos.bank.v1beta1.MsgSend");
    assertThat(byHeight.get("total").asText()).isEqualTo("1");
    assertThat(byHeight.at("/tx_responses/0/txhash").asText()).isEqualTo(hash(tx));
    assertThat(error(http.get("/cosmos/tx/v1beta1/txs"))).isEqualTo("400 3 query cannot be empty");
    assertThat(error(http.get("/cosmos/tx/v1beta1/txs?query=nonsense")))
        .isEqualTo("400 3 invalid event condition 'nonsense', expected type.key=value");
  }

  /** {@code from} sends to {@code to}, at the sequence the REST API says {@code from} is at. */
  byte[] send(int from, int to, long amount) throws Exception {
    return SignedTxs.send(from, Long.parseLong(sequence(from)), to, amount);
  }

  String sequence(int account) throws Exception {
    return http.get("/cosmos/auth/v1beta1/accounts/" + SignedTxs.bech32(account))
        .json()
        .at("/account/sequence")
        .asText();
  }

  String balance(int account) throws Exception {
    return http.get(
            "/cosmos/bank/v1beta1/balances/" + SignedTxs.bech32(account) + "/by_denom?denom=uscrt")
        .json()
        .at("/balance/amount")
        .asText();
  }

  static String error(RestHttp.Reply reply) {
    JsonNode json = reply.json();
    assertThat(fieldNames(json)).containsExactly("code", "message", "details");
    return reply.status() + " " + json.get("code").asInt() + " " + json.get("message").asText();
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static String body(byte[] tx, String mode) {
    return "{\"txBytes\":\"" + b64(tx) + "\",\"mode\":\"" + mode + "\"}";
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static String hash(byte[] tx) {
    return HexFormat.of().withUpperCase().formatHex(SignedTxs.sha256(tx));
  }
}
