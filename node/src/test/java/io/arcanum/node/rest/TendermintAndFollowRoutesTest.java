package io.arcanum.node.rest;

import static io.arcanum.node.rest.TxRoutesTest.b64;
import static io.arcanum.node.rest.TxRoutesTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.node.SignedTxs;
import io.arcanum.node.TestNode;
import io.arcanum.node.consensus.BlockLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node info and blocks (the SDK's tendermint service routes) and Arcanum's long polls on the real
 * node: no latest block before the first commit, block headers chained by id with their txs, the
 * next-blocks poll answering once a block is committed, and a tx's wait going from PENDING to
 * COMMITTED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TendermintAndFollowRoutesTest {
  TestNode node;
  RestHttp http;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    node = TestNode.serving(TestNode.init(dir, BlockLimits.DEFAULT), Duration.ofSeconds(30));
    http = new RestHttp(node.restUrl());
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  @Order(1)
  void beforeTheFirstBlockThereIsNoLatestBlock() throws Exception {
    assertThat(error(http.get("/cosmos/base/tendermint/v1beta1/blocks/latest")))
        .isEqualTo("404 5 no block has been committed yet");
    assertThat(http.get("/arcanum/v1/status").json().get("latest_height").asText()).isEqualTo("0");
  }

  @Test
  @Order(2)
  void nodeInfoNamesTheChain() throws Exception {
    JsonNode info = http.get("/cosmos/base/tendermint/v1beta1/node_info").json();

    assertThat(info.at("/default_node_info/network").asText()).isEqualTo(SignedTxs.CHAIN_ID);
    assertThat(info.at("/default_node_info/default_node_id").asText()).matches("[0-9a-f]{40}");
    assertThat(info.at("/application_version/name").asText()).isEqualTo("arcanum");
    assertThat(http.get("/cosmos/base/tendermint/v1beta1/syncing").json().toString())
        .isEqualTo("{\"syncing\":false}");
  }

  @Test
  @Order(3)
  void theNextBlocksPollAnswersWhenABlockIsCommitted() throws Exception {
    CompletableFuture<RestHttp.Reply> poll = http.getAsync("/arcanum/v1/blocks/next?after=0");
    node.block();

    JsonNode next = poll.get().json();

    assertThat(next.get("latest_height").asText()).isEqualTo("1");
    assertThat(next.get("blocks")).hasSize(1);
    assertThat(next.at("/blocks/0/height").asText()).isEqualTo("1");
    assertThat(next.at("/blocks/0/txs")).isEmpty();
    assertThat(next.at("/blocks/0/app_hash").asText()).matches("[0-9A-F]{64}");
  }

  @Test
  @Order(4)
  void aTxsWaitIsPendingThenCommittedAndAnUnknownTxIsUnknown() throws Exception {
    byte[] tx = SignedTxs.send(0, 0, 1, 5);
    String hash = TxRoutesTest.hash(tx);
    http.post("/cosmos/tx/v1beta1/txs", TxRoutesTest.body(tx, "BROADCAST_MODE_SYNC"));

    JsonNode pending = http.get("/arcanum/v1/txs/" + hash + "/wait?timeout_ms=0").json();
    CompletableFuture<RestHttp.Reply> waiting = http.getAsync("/arcanum/v1/txs/" + hash + "/wait");
    CompletableFuture<RestHttp.Reply> blocks = http.getAsync("/arcanum/v1/blocks/next?after=1");
    node.block();
    JsonNode committed = waiting.get().json();

    assertThat(pending)
        .isEqualTo(
            RestHttp.JSON.readTree(
                "{\"status\":\"PENDING\",\"latest_height\":\"1\",\"tx_response\":null}"));
    assertThat(committed.get("status").asText()).isEqualTo("COMMITTED");
    assertThat(committed.get("latest_height").asText()).isEqualTo("2");
    assertThat(committed.at("/tx_response/txhash").asText()).isEqualTo(hash);
    assertThat(committed.at("/tx_response/height").asText()).isEqualTo("2");
    assertThat(blocks.get().json().at("/blocks/0/txs/0"))
        .isEqualTo(
            RestHttp.JSON.readTree(
                """
                {"txhash":"%s","index":0,"code":0,"codespace":"",
                 "gas_wanted":"%d","gas_used":"%s"}
                """
                    .formatted(
                        hash, SignedTxs.SEND_GAS, committed.at("/tx_response/gas_used").asText())));
    assertThat(http.get("/arcanum/v1/txs/" + "AB".repeat(32) + "/wait").json().toString())
        .isEqualTo("{\"status\":\"UNKNOWN\",\"latest_height\":\"2\",\"tx_response\":null}");
  }

  @Test
  @Order(5)
  void blocksAreChainedByIdAndCarryTheirTxs() throws Exception {
    JsonNode latest = http.get("/cosmos/base/tendermint/v1beta1/blocks/latest").json();
    JsonNode first = http.get("/cosmos/base/tendermint/v1beta1/blocks/1").json();

    assertThat(TxRoutesTest.fieldNames(latest)).containsExactly("block_id", "block", "sdk_block");
    JsonNode header = latest.at("/block/header");
    assertThat(header.get("chain_id").asText()).isEqualTo(SignedTxs.CHAIN_ID);
    assertThat(header.get("height").asText()).isEqualTo("2");
    assertThat(header.get("time").asText()).startsWith("2026-11-24T05:");
    assertThat(header.get("last_block_id")).isEqualTo(first.get("block_id"));
    assertThat(first.at("/block/header/last_block_id/hash").isNull()).isTrue();
    assertThat(latest.at("/block/data/txs/0").asText())
        .isEqualTo(b64(node.app.blockStore().txs(2).get(0).tx()));
    assertThat(latest.at("/sdk_block/header/proposer_address").asText())
        .startsWith("secretvalcons1");
    assertThat(latest.at("/block/header/proposer_address").asText()).matches("[A-Za-z0-9+/]{27}=");
    assertThat(first.at("/block/data/txs")).isEmpty();
    assertThat(first.at("/block/header/data_hash").asText())
        .as("CometBFT's hash of no txs: SHA-256 of nothing")
        .isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  @Order(6)
  void badHeightsAre400() throws Exception {
    String blocks = "/cosmos/base/tendermint/v1beta1/blocks/";
    assertThat(error(http.get(blocks + "two")))
        .isEqualTo("400 3 invalid height \"two\": expected a 64-bit integer");
    assertThat(error(http.get(blocks + "0"))).isEqualTo("400 3 height must be at least 1, got 0");
    assertThat(error(http.get(blocks + "99")))
        .isEqualTo("400 3 requested block height 99 is bigger than the chain length 2");
    assertThat(error(http.get("/arcanum/v1/blocks/next?after=-1")))
        .isEqualTo("400 3 invalid after \"-1\": expected an integer from 0 to 9223372036854775806");
    assertThat(error(http.get("/arcanum/v1/blocks/next?timeout_ms=600000")))
        .isEqualTo("400 3 invalid timeout_ms \"600000\": expected an integer from 0 to 60000");
    assertThat(http.get("/arcanum/v1/blocks/next?timeout_ms=0").json().toString())
        .isEqualTo("{\"latest_height\":\"2\",\"blocks\":[]}");
  }
}
