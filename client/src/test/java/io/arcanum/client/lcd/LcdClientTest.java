package io.arcanum.client.lcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.client.FakeLcd;
import io.arcanum.client.FakeLcd.Answer;
import io.arcanum.client.LocalSecret;
import io.arcanum.client.SecretNetworkException;
import io.arcanum.crypto.address.CosmosAddress;
import io.arcanum.crypto.tx.InvalidCodeHashException;
import io.arcanum.proto.cosmos.auth.v1beta1.BaseAccount;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse;
import io.arcanum.proto.cosmos.tx.v1beta1.BroadcastMode;
import io.arcanum.proto.cosmos.tx.v1beta1.SimulateResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryContractInfoResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LCD routes (secretjs-api.md §3) against canned answers in the gateway's JSON shape. */
class LcdClientTest {
  static final String A = LocalSecret.A.address();
  static final String CONTRACT = LocalSecret.FIRST_CONTRACT;
  static final String HASH = "ab".repeat(32);

  final FakeLcd fake = new FakeLcd();
  final LcdClient lcd = LcdClient.builder().url(fake.url()).header("x-api-key", "k1").build();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void accountsOfEveryKindSecretJsSignsWith() {
    String base =
        "\"address\":\""
            + A
            + "\",\"pub_key\":{\"@type\":\"/cosmos.crypto.secp256k1.PubKey\","
            + "\"key\":\""
            + LocalSecret.A.pubkeyBase64()
            + "\"},\"account_number\":\"7\",\"sequence\":\"3\"";
    fake.on(
        "GET",
        "/cosmos/auth/v1beta1/accounts/" + A,
        r ->
            Answer.ok(
                "{\"account\":{\"@type\":\"/cosmos.auth.v1beta1.BaseAccount\"," + base + "}}"));
    BaseAccount account = lcd.account(A);
    assertThat(account.getAccountNumber()).isEqualTo(7);
    assertThat(account.getSequence()).isEqualTo(3);
    assertThat(account.hasPubKey()).isTrue();

    fake.on(
        "GET",
        "/cosmos/auth/v1beta1/accounts/" + A,
        r ->
            Answer.ok(
                "{\"account\":{\"@type\":\"/cosmos.vesting.v1beta1.DelayedVestingAccount\","
                    + "\"base_vesting_account\":{\"base_account\":{"
                    + base
                    + "},\"original_vesting\":[]},\"end_time\":\"0\"}}"));
    assertThat(lcd.account(A).getSequence()).isEqualTo(3);

    fake.on(
        "GET",
        "/cosmos/auth/v1beta1/accounts/" + A,
        r ->
            Answer.ok(
                "{\"account\":{\"@type\":\"/cosmos.auth.v1beta1.ModuleAccount\",\"base_account\":{"
                    + base.replace(
                        "/cosmos.crypto.secp256k1.PubKey", "/cosmos.crypto.ed25519.PubKey")
                    + "},\"name\":\"fee_collector\",\"permissions\":[]}}"));
    assertThat(lcd.account(A).getAccountNumber()).isEqualTo(7); // unknown key type left out

    fake.on(
        "GET",
        "/cosmos/auth/v1beta1/accounts/" + A,
        r -> Answer.ok("{\"account\":{\"@type\":\"/ethermint.types.v1.EthAccount\"}}"));
    assertThatThrownBy(() -> lcd.account(A))
        .isInstanceOf(SecretNetworkException.class)
        .hasMessage(
            "account " + A + " has type '/ethermint.types.v1.EthAccount', which cannot sign");
  }

  @Test
  void anUnknownAccountIsNotFoundWithTheGatewaysCodeAndMessage() {
    fake.onPrefix(
        "GET",
        "/cosmos/auth/v1beta1/accounts/",
        r -> Answer.error(404, 5, "account " + A + " not found"));
    assertThatThrownBy(() -> lcd.account(A))
        .isInstanceOfSatisfying(
            LcdException.class,
            e -> {
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.grpcCode()).isEqualTo(5);
              assertThat(e.serverMessage()).isEqualTo("account " + A + " not found");
              assertThat(e.method()).isEqualTo("GET");
              assertThat(e.path()).isEqualTo("/cosmos/auth/v1beta1/accounts/" + A);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "GET /cosmos/auth/v1beta1/accounts/"
                          + A
                          + ": HTTP 404 (code 5): account "
                          + A
                          + " not found");
            });
  }

  @Test
  void balancesAndTheirParametersAreEncodedAsUrlSearchParams() {
    fake.onPrefix(
        "GET",
        "/cosmos/bank/v1beta1/balances/",
        r ->
            r.path().endsWith("/by_denom")
                ? Answer.ok(
                    "{\"balance\":{\"denom\":\"" + r.param("denom") + "\",\"amount\":\"42\"}}")
                : Answer.ok(
                    "{\"balances\":[{\"denom\":\"uscrt\",\"amount\":\"5\"},{\"denom\":\"ufoo\",\"amount\":\"6\"}],"
                        + "\"pagination\":{\"next_key\":null,\"total\":\"2\"}}"));
    assertThat(lcd.balance(A, "ibc/AB CD").getAmount()).isEqualTo("42");
    assertThat(lcd.balance(A, "ibc/AB CD").getDenom()).isEqualTo("ibc/AB CD");
    assertThat(fake.requests().get(0).rawQuery()).isEqualTo("denom=ibc%2FAB+CD");
    assertThat(lcd.allBalances(A)).hasSize(2);
    assertThat(fake.requests().get(0).header("x-api-key")).isEqualTo("k1");
    assertThat(fake.requests().get(0).header("Accept")).isEqualTo("application/json");

    fake.onPrefix("GET", "/cosmos/bank/v1beta1/balances/", r -> Answer.ok("{\"balance\":null}"));
    assertThat(lcd.balance(A, "uscrt").getAmount()).isEqualTo("0");
  }

  @Test
  void theTxKeyMustBe32Bytes() {
    byte[] key = new byte[32];
    key[0] = 9;
    fake.on(
        "GET",
        "/registration/v1beta1/tx-key",
        r -> Answer.ok("{\"key\":\"" + Base64.getEncoder().encodeToString(key) + "\"}"));
    assertThat(lcd.txKey().bytes()).isEqualTo(key);
    fake.on("GET", "/registration/v1beta1/tx-key", r -> Answer.ok("{\"key\":\"AAAA\"}"));
    assertThatThrownBy(lcd::txKey).hasMessage("the node's tx key is 3 bytes, expected 32");
  }

  @Test
  void codeHashesAreAskedOnceAndChecked() {
    fake.onPrefix(
        "GET", "/compute/v1beta1/code_hash/", r -> Answer.ok("{\"code_hash\":\"" + HASH + "\"}"));
    assertThat(lcd.codeHashByCodeId(1).hex()).isEqualTo(HASH);
    assertThat(lcd.codeHashByCodeId(1).hex()).isEqualTo(HASH);
    assertThat(lcd.codeHashByContractAddress(CONTRACT).hex()).isEqualTo(HASH);
    assertThat(lcd.codeHashByContractAddress(CONTRACT).hex()).isEqualTo(HASH);
    assertThat(fake.lines())
        .containsExactly(
            "GET /compute/v1beta1/code_hash/by_code_id/1",
            "GET /compute/v1beta1/code_hash/by_contract_address/" + CONTRACT);
    fake.onPrefix("GET", "/compute/v1beta1/code_hash/", r -> Answer.ok("{\"code_hash\":\"abc\"}"));
    assertThatThrownBy(() -> lcd.codeHashByCodeId(2))
        .isInstanceOf(InvalidCodeHashException.class)
        .hasMessage("code hash must be 64 hex characters, got 3 characters");
  }

  @Test
  void broadcastPostsTxBytesAndModeAndReturnsTheCheckTxAnswer() throws Exception {
    fake.on(
        "POST",
        "/cosmos/tx/v1beta1/txs",
        r ->
            Answer.ok(
                "{\"tx_response\":{\"height\":\"0\",\"txhash\":\"ABCD\",\"codespace\":\"sdk\",\"code\":32,"
                    + "\"data\":\"\",\"raw_log\":\"account sequence mismatch\",\"logs\":[],\"info\":\"\","
                    + "\"gas_wanted\":\"0\",\"gas_used\":\"0\",\"tx\":null,\"timestamp\":\"\",\"events\":[]}}"));
    TxResponse checked = lcd.broadcastTx(new byte[] {1, 2, 3}, BroadcastMode.BROADCAST_MODE_ASYNC);
    assertThat(checked.getCode()).isEqualTo(32);
    assertThat(checked.getRawLog()).isEqualTo("account sequence mismatch");
    FakeLcd.Request post = fake.requests().get(0);
    assertThat(post.body()).isEqualTo("{\"txBytes\":\"AQID\",\"mode\":\"BROADCAST_MODE_ASYNC\"}");
    assertThat(post.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void getTxIsEmptyWhileNotFoundAndThrowsOnOtherErrors() {
    String hash = "F831" + "0".repeat(60);
    fake.on(
        "GET",
        "/cosmos/tx/v1beta1/txs/" + hash,
        r -> Answer.error(404, 5, "tx not found: " + hash));
    assertThat(lcd.getTx(hash)).isEmpty();
    fake.on(
        "GET",
        "/cosmos/tx/v1beta1/txs/" + hash,
        r -> Answer.error(404, 5, "tx (" + hash.toLowerCase() + ") not found"));
    assertThat(lcd.getTx(hash)).isEmpty(); // secret.js matches case-insensitively
    fake.on("GET", "/cosmos/tx/v1beta1/txs/" + hash, r -> Answer.error(404, 5, "tx not found: 00"));
    assertThatThrownBy(() -> lcd.getTx(hash)).isInstanceOf(LcdException.class);
    fake.on("GET", "/cosmos/tx/v1beta1/txs/" + hash, r -> Answer.error(500, 2, "store closed"));
    assertThatThrownBy(() -> lcd.getTx(hash))
        .isInstanceOf(LcdException.class)
        .hasMessageEndingWith("HTTP 500 (code 2): store closed");

    fake.on(
        "GET",
        "/cosmos/tx/v1beta1/txs/" + hash,
        r ->
            Answer.ok(
                "{\"tx\":{\"body\":{\"messages\":[]}},\"tx_response\":{\"height\":\"4\",\"txhash\":\""
                    + hash
                    + "\",\"codespace\":\"\",\"code\":0,\"data\":\"0A00\",\"raw_log\":\"\",\"logs\":[],"
                    + "\"info\":\"\",\"gas_wanted\":\"200000\",\"gas_used\":\"20000\","
                    + "\"tx\":{\"@type\":\"/cosmos.tx.v1beta1.Tx\",\"body\":{\"messages\":[{\"@type\":"
                    + "\"/secret.compute.v1beta1.MsgExecuteContract\",\"sender\":\""
                    + A
                    + "\",\"contract\":\""
                    + CONTRACT
                    + "\",\"msg\":\"AAAA\"}]}},\"timestamp\":\"2026-11-24T00:26:36Z\",\"events\":"
                    + "[{\"type\":\"tx\",\"attributes\":[{\"key\":\"fee\",\"value\":\"1uscrt\",\"index\":true}]}],"
                    + "\"a_field_from_a_newer_node\":1}}"));
    IndexedTx found = lcd.getTx(hash).orElseThrow();
    assertThat(found.response().getHeight()).isEqualTo(4);
    assertThat(found.response().getGasUsed()).isEqualTo(20_000);
    assertThat(found.response().getEvents(0).getAttributes(0).getValue()).isEqualTo("1uscrt");
    // the tx stays JSON: its compute addresses are bech32 where the proto has bytes
    assertThat(found.tx().path("body").path("messages").get(0).path("contract").asText())
        .isEqualTo(CONTRACT);
  }

  @Test
  void contractInfoReadsItsCreatorInBech32AsWellAsBase64() {
    // Secret's ContractInfo.creator is bytes cast to sdk.AccAddress, which the gateway may print in
    // bech32 as it prints a tx's compute sender; the spec's example (and Arcanum) has base64.
    fake.on(
        "GET",
        "/compute/v1beta1/info/" + CONTRACT,
        r ->
            Answer.ok(
                "{\"contract_address\":\""
                    + CONTRACT
                    + "\",\"contract_info\":{\"code_id\":\"1\",\"creator\":\""
                    + A
                    + "\",\"label\":\"counter\",\"created\":{\"block_height\":\"3\","
                    + "\"tx_index\":\"0\"},\"ibc_port_id\":\"\",\"admin\":\"\","
                    + "\"admin_proof\":null,\"require_governance\":false}}"));
    assertThat(lcd.contractInfo(CONTRACT).getContractInfo().getCreator().toByteArray())
        .isEqualTo(CosmosAddress.parseSecret(A).bytes());
  }

  @Test
  void theSmartQueryIsPercentEncodedBase64() {
    fake.onPrefix("GET", "/compute/v1beta1/query/", r -> Answer.ok("{\"data\":\"AQI=\"}"));
    byte[] envelope = {(byte) 0xfb, (byte) 0xef, (byte) 0xff, 0};
    assertThat(lcd.querySecretContract(CONTRACT, envelope)).containsExactly(1, 2);
    FakeLcd.Request q = fake.requests().get(0);
    assertThat(q.path()).isEqualTo("/compute/v1beta1/query/" + CONTRACT);
    assertThat(q.rawQuery()).isEqualTo("query=%2B%2B%2F%2FAA%3D%3D");
    assertThat(Base64.getDecoder().decode(q.param("query"))).isEqualTo(envelope);

    fake.onPrefix(
        "GET",
        "/compute/v1beta1/query/",
        r -> Answer.error(500, 2, "encrypted: AAAA: query contract failed"));
    assertThatThrownBy(() -> lcd.querySecretContract(CONTRACT, envelope))
        .isInstanceOfSatisfying(
            LcdException.class,
            e -> {
              assertThat(e.serverMessage()).isEqualTo("encrypted: AAAA: query contract failed");
              assertThat(e.path()).isEqualTo("/compute/v1beta1/query/" + CONTRACT); // no query
            });
  }

  @Test
  void answersThatAreNotJsonAreErrorsNamingTheRoute() {
    fake.on(
        "GET", "/registration/v1beta1/tx-key", r -> new Answer(502, "<html>Bad Gateway</html>"));
    assertThatThrownBy(lcd::txKey)
        .isInstanceOfSatisfying(
            LcdException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(502);
              assertThat(e.grpcCode()).isEqualTo(LcdException.NO_CODE);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "GET /registration/v1beta1/tx-key: HTTP 502: error answer: <html>Bad Gateway</html>");
            });
    fake.on("GET", "/registration/v1beta1/tx-key", r -> new Answer(200, "ok"));
    assertThatThrownBy(lcd::txKey)
        .hasMessageEndingWith("HTTP 200: answer is not a JSON object: ok");
    fake.on("GET", "/registration/v1beta1/tx-key", r -> Answer.ok("{\"key\":{\"a\":1}}"));
    assertThatThrownBy(lcd::txKey)
        .isInstanceOf(SecretNetworkException.class)
        .hasMessageStartingWith("the node's tx key does not have the expected shape");
    fake.on("GET", "/registration/v1beta1/tx-key", r -> new Answer(404, ""));
    assertThatThrownBy(lcd::txKey).hasMessageEndingWith("HTTP 404: error answer: (empty body)");
  }

  @Test
  void aNodeThatDoesNotAnswerInTimeIsATimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    fake.on(
        "GET",
        "/registration/v1beta1/tx-key",
        r -> {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Answer.ok("{}");
        });
    LcdClient impatient =
        LcdClient.builder().url(fake.url()).timeout(Duration.ofMillis(200)).build();
    try {
      assertThatThrownBy(impatient::txKey)
          .isInstanceOfSatisfying(
              LcdException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(LcdException.NO_RESPONSE);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "GET /registration/v1beta1/tx-key: no answer from "
                            + fake.url()
                            + " within 200 ms");
              });
    } finally {
      release.countDown();
    }
  }

  @Test
  void theOptionalRoutes() {
    fake.on(
        "GET",
        "/cosmos/base/tendermint/v1beta1/node_info",
        r ->
            Answer.ok(
                "{\"default_node_info\":{\"network\":\"secretdev-1\",\"moniker\":\"arcanum\"},"
                    + "\"application_version\":{\"version\":\"0.1.0\"}}"));
    assertThat(lcd.nodeInfo()).isEqualTo(new NodeInfo("secretdev-1", "arcanum", "0.1.0"));
    fake.on(
        "GET",
        "/cosmos/base/tendermint/v1beta1/blocks/latest",
        r ->
            Answer.ok(
                "{\"block_id\":{},\"block\":{\"header\":{\"height\":\"12\",\"chain_id\":\"secretdev-1\","
                    + "\"time\":\"2026-11-24T00:26:36Z\"}},\"sdk_block\":null}"));
    assertThat(lcd.latestBlock())
        .isEqualTo(new BlockHeader(12, "secretdev-1", "2026-11-24T00:26:36Z"));
    fake.on(
        "GET",
        "/compute/v1beta1/info/" + CONTRACT,
        r ->
            Answer.ok(
                "{\"contract_address\":\""
                    + CONTRACT
                    + "\",\"contract_info\":{\"code_id\":\"1\","
                    + "\"creator\":\"6FWgD+E+8AUFGh186sfvIcVgbP0=\",\"label\":\"counter\",\"created\":"
                    + "{\"block_height\":\"3\",\"tx_index\":\"0\"},\"ibc_port_id\":\"\",\"admin\":\"\","
                    + "\"admin_proof\":null,\"require_governance\":false}}"));
    QueryContractInfoResponse info = lcd.contractInfo(CONTRACT);
    assertThat(info.getContractInfo().getLabel()).isEqualTo("counter");
    assertThat(info.getContractInfo().getCodeId()).isEqualTo(1);
    assertThat(info.getContractInfo().getCreator().toByteArray())
        .isEqualTo(Base64.getDecoder().decode("6FWgD+E+8AUFGh186sfvIcVgbP0="));
    fake.on(
        "GET",
        "/compute/v1beta1/codes",
        r ->
            Answer.ok(
                "{\"code_infos\":[{\"code_id\":\"1\",\"creator\":\""
                    + A
                    + "\",\"code_hash\":\""
                    + HASH
                    + "\",\"source\":\"\",\"builder\":\"\"}]}"));
    assertThat(lcd.codes())
        .singleElement()
        .satisfies(c -> assertThat(c.getCodeHash()).isEqualTo(HASH));
    fake.on(
        "POST",
        "/cosmos/tx/v1beta1/simulate",
        r ->
            Answer.ok(
                "{\"gas_info\":{\"gas_wanted\":\"0\",\"gas_used\":\"51234\"},\"result\":{\"data\":null,"
                    + "\"log\":\"\",\"events\":[],\"msg_responses\":[]}}"));
    SimulateResponse simulated = lcd.simulate(new byte[] {1});
    assertThat(simulated.getGasInfo().getGasUsed()).isEqualTo(51_234);
    assertThat(fake.requests().get(fake.requests().size() - 1).body())
        .isEqualTo("{\"txBytes\":\"AQ==\"}");
  }

  @Test
  void aBaseUrlWithAPathPrefixIsKept() {
    fake.on(
        "GET",
        "/api/registration/v1beta1/tx-key",
        r -> Answer.ok("{\"key\":\"" + Base64.getEncoder().encodeToString(new byte[32]) + "\"}"));
    LcdClient prefixed = LcdClient.of(fake.url() + "/api/");
    assertThat(prefixed.url()).isEqualTo(fake.url() + "/api");
    assertThat(prefixed.txKey().bytes()).hasSize(32);
  }

  @Test
  void badUrlsAreRefused() {
    for (String bad : new String[] {"localhost:1317", "ftp://host", "http://", "http://h:1/?x=1"}) {
      assertThatThrownBy(() -> LcdClient.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> LcdClient.builder().build()).hasMessage("LcdClient needs a url");
    assertThatThrownBy(() -> LcdClient.builder().timeout(Duration.ZERO))
        .hasMessage("timeout must be positive, got PT0S");
  }
}
