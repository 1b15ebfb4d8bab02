package io.arcanum.node.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.arcanum.node.SignedTxs;
import io.arcanum.node.TestNode;
import io.arcanum.node.consensus.BlockLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts and balances over HTTP from the real node (secretjs-api.md §3 E1, E2): gateway JSON with
 * {@code @type}, string integers and {@code pub_key: null}; the SDK's 404 for an unknown account;
 * 400 naming a bad address; and {@code x-cosmos-block-height} reading an earlier state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthBankRoutesTest {
  static final String A = SignedTxs.bech32(0);
  static final String C = SignedTxs.bech32(2);
  static final String ONE_E18 = "1000000000000000000";
  static final String UNKNOWN = "secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q";

  TestNode node;
  RestHttp http;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    node = TestNode.serving(TestNode.init(dir, BlockLimits.DEFAULT), Duration.ofSeconds(30));
    http = new RestHttp(node.restUrl());
    node.block();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void anAccountBeforeItsFirstTxIsABaseAccountWithNullPubKey() throws Exception {
    RestHttp.Reply reply = http.get("/cosmos/auth/v1beta1/accounts/" + A);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("content-type")).isEqualTo("application/json");
    assertThat(reply.json())
        .isEqualTo(
            RestHttp.JSON.readTree(
                """
                {"account":{"@type":"/cosmos.auth.v1beta1.BaseAccount","address":"%s",
                  "pub_key":null,"account_number":"0","sequence":"0"}}
                """
                    .formatted(A)));
  }

  @Test
  void anUnknownAccountIsTheSdks404() throws Exception {
    RestHttp.Reply reply = http.get("/cosmos/auth/v1beta1/accounts/" + UNKNOWN);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json())
        .isEqualTo(
            RestHttp.JSON.readTree(
                "{\"code\":5,\"message\":\"account " + UNKNOWN + " not found\",\"details\":[]}"));
  }

  @Test
  void aMalformedAddressIs400NamingIt() throws Exception {
    RestHttp.Reply reply = http.get("/cosmos/auth/v1beta1/accounts/secret1notanaddress");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("code").asInt()).isEqualTo(3);
    assertThat(reply.json().get("message").asText()).contains("secret1notanaddress");
    assertThat(reply.json().get("details").isArray()).isTrue();
  }

  @Test
  void balanceByDenomIsACoinWithAStringAmountAndZeroForAnUnknownAddress() throws Exception {
    assertThat(http.get("/cosmos/bank/v1beta1/balances/" + C + "/by_denom?denom=uscrt").json())
        .isEqualTo(
            RestHttp.JSON.readTree(
                "{\"balance\":{\"denom\":\"uscrt\",\"amount\":\"" + ONE_E18 + "\"}}"));
    assertThat(
            http.get("/cosmos/bank/v1beta1/balances/" + UNKNOWN + "/by_denom?denom=uscrt")
                .json()
                .at("/balance/amount")
                .asText())
        .isEqualTo("0");
  }

  @Test
  void allBalancesHasThePaginationOfTheLastPage() throws Exception {
    assertThat(http.get("/cosmos/bank/v1beta1/balances/" + C).json())
        .isEqualTo(
            RestHttp.JSON.readTree(
                """
                {"balances":[{"denom":"uscrt","amount":"%s"}],
                 "pagination":{"next_key":null,"total":"1"}}
                """
                    .formatted(ONE_E18)));
    assertThat(http.get("/cosmos/bank/v1beta1/balances/" + C + "?pagination.limit=abc").json())
        .isEqualTo(
            RestHttp.JSON.readTree(
                """
                {"code":3,"message":"invalid pagination.limit \\"abc\\": expected an unsigned\
                 64-bit integer","details":[]}
                """));
  }

  @Test
  void theHeightHeaderReadsTheStateAtThatHeight() throws Exception {
    long before = node.height();
    RestHttp.Reply sent =
        http.post(
            "/cosmos/tx/v1beta1/txs",
            broadcastBody(SignedTxs.send(3, 0, 4, 777), "BROADCAST_MODE_SYNC"));
    assertThat(sent.json().at("/tx_response/code").asInt()).isZero();
    node.block();

    String path = "/cosmos/bank/v1beta1/balances/" + SignedTxs.bech32(3) + "/by_denom?denom=uscrt";
    RestHttp.Reply now = http.get(path);
    RestHttp.Reply then = http.get(path, "x-cosmos-block-height", Long.toString(before));

    assertThat(then.json().at("/balance/amount").asText()).isEqualTo(ONE_E18);
    assertThat(then.header("x-cosmos-block-height")).isEqualTo(Long.toString(before));
    assertThat(now.json().at("/balance/amount").asText())
        .isEqualTo(
            new java.math.BigInteger(ONE_E18)
                .subtract(java.math.BigInteger.valueOf(777 + SignedTxs.SEND_FEE))
                .toString());
    assertThat(now.header("x-cosmos-block-height")).isEqualTo(Long.toString(node.height()));
  }

  @Test
  void aBadOrFutureHeightHeaderIs400() throws Exception {
    String path = "/cosmos/bank/v1beta1/balances/" + C + "/by_denom?denom=uscrt";
    RestHttp.Reply bad = http.get(path, "x-cosmos-block-height", "ten");
    RestHttp.Reply future = http.get(path, "x-cosmos-block-height", "999999");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText())
        .isEqualTo(
            "invalid height header \"x-cosmos-block-height\": \"ten\" is not a non-negative"
                + " integer");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("message").asText()).contains("in the future");
  }

  static String broadcastBody(byte[] tx, String mode) {
    return "{\"txBytes\":\""
        + Base64.getEncoder().encodeToString(tx)
        + "\",\"mode\":\""
        + mode
        + "\"}";
  }
}
