package io.arcanum.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.client.lcd.LcdException;
import io.arcanum.client.tx.Coins;
import io.arcanum.client.tx.GasPrice;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.client.wallet.WalletOptions;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.crypto.tx.InvalidCodeHashException;
import io.arcanum.proto.cosmos.tx.v1beta1.AuthInfo;
import io.arcanum.proto.cosmos.tx.v1beta1.TxBody;
import io.arcanum.proto.cosmos.tx.v1beta1.TxRaw;
import io.arcanum.proto.secret.compute.v1beta1.MsgStoreCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The secret.js flow (secretjs-api.md §2) against a fake node that does real crypto: store,
 * instantiate, execute and query with results decrypted, a failing execute and a failing query
 * whose errors are decrypted, "tx not found" polling, and the exact requests the client sends.
 */
class SecretNetworkClientTest {
  static final byte[] WASM = "dummy wasm bytes".getBytes(StandardCharsets.US_ASCII);

  final FakeChain chain = new FakeChain();
  final FakeTicker ticker = new FakeTicker();
  final List<TxProgress> progress = new ArrayList<>();

  /** Time that advances only when the client sleeps. */
  static final class FakeTicker implements Ticker {
    long now;
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      now += duration.toNanos();
    }
  }

  @AfterEach
  void close() {
    chain.close();
  }

  SecretNetworkClient client(Wallet wallet) {
    return SecretNetworkClient.builder()
        .url(chain.url())
        .chainId(FakeChain.CHAIN_ID)
        .wallet(wallet)
        .defaultTxOptions(TxOptions.builder().gasLimit(200_000).progress(progress::add).build())
        .ticker(ticker)
        .build();
  }

  SecretNetworkClient clientA() {
    return client(Wallet.fromMnemonic(LocalSecret.A.mnemonic()));
  }

  /** Stores WASM and instantiates the counter with count 1. */
  InstantiateResult deployCounter(SecretNetworkClient client) {
    StoreCodeResult code = client.storeCode(WASM);
    return client.instantiate(InstantiateContract.of(code.codeId(), Map.of("count", 1), "counter"));
  }

  @Test
  void storeInstantiateExecuteAndQueryGiveDecryptedTypedResults() {
    SecretNetworkClient client = clientA();

    StoreCodeResult code = client.storeCode(WASM);
    assertThat(code.codeId()).isEqualTo(1);
    assertThat(code.codeHash()).isEqualTo(CodeHash.of(WASM));
    assertThat(code.response().isCommitted()).isTrue();

    InstantiateResult counter =
        client.instantiate(InstantiateContract.of(1, Map.of("count", 1), "counter"));
    assertThat(counter.contractAddress()).isEqualTo(LocalSecret.FIRST_CONTRACT);
    assertThat(counter.data().isEmpty()).isTrue();
    assertThat(counter.logs())
        .extracting(LogEntry::key, LogEntry::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("contract_address", LocalSecret.FIRST_CONTRACT),
            org.assertj.core.groups.Tuple.tuple("count", "1"));
    // §6.1 step 1: the init msg the tx carries opens with this client's key
    assertThat(counter.response().messages().get(0).contractMsg().orElseThrow().toString())
        .isEqualTo("{\"count\":1}");

    ExecuteResult executed =
        client.execute(ExecuteContract.of(counter.contractAddress(), "{\"increment\":{}}"));
    assertThat(executed.dataText()).isEqualTo("{\"count\":2}");
    assertThat(executed.dataJson().orElseThrow().path("count").asInt()).isEqualTo(2);
    assertThat(executed.response().attribute(0, "wasm", "action")).contains("increment");
    assertThat(executed.response().attribute(0, "message", "action"))
        .contains("/secret.compute.v1beta1.MsgExecuteContract");
    assertThat(executed.response().gasWanted()).isEqualTo(200_000);
    assertThat(executed.response().gasUsed()).isEqualTo(54_321);

    JsonNode count = client.query(counter.contractAddress(), null, Map.of("get_count", Map.of()));
    assertThat(count.toString()).isEqualTo("{\"count\":2}");
    record Count(int count) {}
    assertThat(
            client.query(
                counter.contractAddress(),
                code.codeHash().hex(),
                "{\"get_count\":{}}",
                Count.class))
        .isEqualTo(new Count(2));

    // the enclave saw exactly the JSON the caller gave, in order
    assertThat(chain.decryptedInputs)
        .containsExactly(
            "{\"count\":1}", "{\"increment\":{}}", "{\"get_count\":{}}", "{\"get_count\":{}}");
  }

  @Test
  void theRequestsAreSecretJsesAndTheTxIsPolledUntilFound() {
    SecretNetworkClient client = clientA();
    InstantiateResult counter = deployCounter(client);
    chain.lcd.clearRequests();
    progress.clear();
    ticker.sleeps.clear();

    ExecuteResult executed =
        client.execute(
            ExecuteContract.of(counter.contractAddress(), Map.of("increment", Map.of())));

    String hash = executed.response().txhash();
    assertThat(chain.lines())
        .containsExactly(
            // secret.js reads the account first; the SDK encrypts first, so bad input sends nothing
            "GET /compute/v1beta1/code_hash/by_contract_address/" + LocalSecret.FIRST_CONTRACT,
            "GET /cosmos/auth/v1beta1/accounts/" + LocalSecret.A.address(),
            "POST /cosmos/tx/v1beta1/txs",
            "GET /cosmos/tx/v1beta1/txs/" + hash,
            "GET /cosmos/tx/v1beta1/txs/" + hash,
            "GET /cosmos/tx/v1beta1/txs/" + hash);
    FakeLcd.Request post = chain.lcd.requests().get(2);
    assertThat(post.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = json(post.body());
    assertThat(body.path("mode").asText()).isEqualTo("BROADCAST_MODE_SYNC");
    byte[] txBytes = Base64.getDecoder().decode(body.path("txBytes").asText());
    assertThat(hash)
        .isEqualTo(java.util.HexFormat.of().withUpperCase().formatHex(FakeChain.sha256(txBytes)));
    // waits half an interval, then an interval between the two "tx not found" answers
    assertThat(ticker.sleeps)
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(progress)
        .extracting(TxProgress::stage, TxProgress::checks)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TxProgress.Stage.BROADCAST, 0),
            org.assertj.core.groups.Tuple.tuple(TxProgress.Stage.WAITING, 1),
            org.assertj.core.groups.Tuple.tuple(TxProgress.Stage.WAITING, 2),
            org.assertj.core.groups.Tuple.tuple(TxProgress.Stage.COMMITTED, 3));
    assertThat(progress).allSatisfy(p -> assertThat(p.txhash()).isEqualTo(hash));
  }

  @Test
  void theTxKeyIsFetchedOnceAndCodeHashesAreCached() {
    SecretNetworkClient client = clientA();
    InstantiateResult counter = deployCounter(client);
    client.execute(ExecuteContract.of(counter.contractAddress(), "{\"increment\":{}}"));
    client.execute(ExecuteContract.of(counter.contractAddress(), "{\"increment\":{}}"));
    client.query(counter.contractAddress(), null, "{\"get_count\":{}}");

    assertThat(chain.lines())
        .filteredOn(l -> l.equals("GET /registration/v1beta1/tx-key"))
        .hasSize(1);
    assertThat(chain.lines())
        .filteredOn(l -> l.startsWith("GET /compute/v1beta1/code_hash/by_code_id/"))
        .hasSize(1); // instantiate without a code hash asked once
    assertThat(chain.lines())
        .filteredOn(l -> l.startsWith("GET /compute/v1beta1/code_hash/by_contract_address/"))
        .hasSize(1);
    // the accounts route before every tx: store, instantiate, two executes
    assertThat(chain.lines())
        .filteredOn(l -> l.startsWith("GET /cosmos/auth/v1beta1/accounts/"))
        .hasSize(4);
    assertThat(chain.sequence(LocalSecret.A.address())).isEqualTo(4);
  }

  @Test
  void theQueryIsPercentEncodedBase64OfTheEnvelope() {
    SecretNetworkClient client = clientA();
    InstantiateResult counter = deployCounter(client);
    chain.lcd.clearRequests();
    // enough queries that the base64 holds '+', '/' and '=' somewhere
    for (int i = 0; i < 12; i++) {
      client.query(counter.contractAddress(), CodeHash.of(WASM).hex(), "{\"get_count\":{}}");
    }
    List<FakeLcd.Request> queries = chain.lcd.requests();
    assertThat(queries).hasSize(12);
    String raw = String.join("", queries.stream().map(FakeLcd.Request::rawQuery).toList());
    assertThat(raw).doesNotContain("+").doesNotContain("/");
    assertThat(raw.replace("query=", "")).doesNotContain("=");
    assertThat(raw).contains("%2B").contains("%2F").contains("%3D");
    for (FakeLcd.Request q : queries) {
      byte[] envelope = Base64.getDecoder().decode(q.param("query"));
      assertThat(envelope).hasSize(144 + "{\"get_count\":{}}".length());
      assertThat(java.util.Arrays.copyOfRange(envelope, 32, 64))
          .isEqualTo(client.encryption().publicKey().bytes());
    }
  }

  @Test
  void aFailingExecuteThrowsWithTheContractErrorDecrypted() {
    SecretNetworkClient client = clientA();
    InstantiateResult counter = deployCounter(client);

    assertThatThrownBy(
            () -> client.execute(ExecuteContract.of(counter.contractAddress(), "{\"fail\":{}}")))
        .isInstanceOfSatisfying(
            TxFailedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(3);
              assertThat(e.codespace()).isEqualTo("compute");
              ContractError error = e.contractError().orElseThrow();
              assertThat(error.messageIndex()).isZero();
              assertThat(error.message()).isEqualTo("{\"generic_err\":{\"msg\":\"boom\"}}");
              assertThat(error.text()).isEqualTo("boom");
              assertThat(error.json().orElseThrow().path("generic_err").path("msg").asText())
                  .isEqualTo("boom");
              assertThat(error.rawLog())
                  .isEqualTo(
                      "failed to execute message; message index: 0:"
                          + " {\"generic_err\":{\"msg\":\"boom\"}}: execute contract failed");
              assertThat(e.rawLog())
                  .startsWith("failed to execute message; message index: 0: encrypted: ");
              // decrypted contract data stays out of messages and toString
              assertThat(e.getMessage())
                  .doesNotContain("boom")
                  .contains("code 3 (codespace: compute)");
              assertThat(error.toString()).doesNotContain("boom");
              assertThat(e.response().toString()).doesNotContain("boom");
              assertThat(e.response().data(0).isEmpty()).isTrue();
            });
  }

  @Test
  void broadcastReturnsAFailedTxInsteadOfThrowing() {
    SecretNetworkClient client = clientA();
    InstantiateResult counter = deployCounter(client);
    TxResponse failed =
        client.broadcast(
            List.of(ExecuteContract.of(counter.contractAddress(), "{\"fail\":{}}")),
            TxOptions.withGasLimit(150_000));
    assertThat(failed.isSuccess()).isFalse();
    assertThat(failed.isCommitted()).isTrue();
    assertThat(failed.arrayLog()).isEmpty();
    assertThat(failed.contractError().orElseThrow().text()).isEqualTo("boom");
    assertThatThrownBy(failed::requireSuccess).isInstanceOf(TxFailedException.class);
  }

  @Test
  void aFailingQueryThrowsWithTheDecryptedError() {
    SecretNetworkClient client = clientA();
    InstantiateResult counter = deployCounter(client);
    assertThatThrownBy(() -> client.query(counter.contractAddress(), null, "{\"fail\":{}}"))
        .isInstanceOfSatisfying(
            ContractQueryException.class,
            e -> {
              assertThat(e.contractError().message())
                  .isEqualTo("{\"generic_err\":{\"msg\":\"boom\"}}");
              assertThat(e.contractError().text()).isEqualTo("boom");
              assertThat(e.lcdError().httpStatus()).isEqualTo(500);
              assertThat(e.lcdError().grpcCode()).isEqualTo(2);
              assertThat(e.getMessage())
                  .doesNotContain("boom")
                  .contains(LocalSecret.FIRST_CONTRACT)
                  .contains("HTTP 500");
            });
  }

  @Test
  void anotherClientSeesTheTxButOpensNothingUnlessItHasTheSameEncryptionSeed() {
    byte[] seed = FakeChain.filled(0x42);
    SecretNetworkClient sender =
        SecretNetworkClient.builder()
            .url(chain.url())
            .chainId(FakeChain.CHAIN_ID)
            .wallet(Wallet.fromMnemonic(LocalSecret.A.mnemonic()))
            .encryptionSeed(seed)
            .defaultTxOptions(TxOptions.withGasLimit(200_000))
            .ticker(ticker)
            .build();
    InstantiateResult counter = deployCounter(sender);
    String hash =
        sender
            .execute(ExecuteContract.of(counter.contractAddress(), "{\"increment\":{}}"))
            .response()
            .txhash();

    SecretNetworkClient stranger =
        SecretNetworkClient.builder().url(chain.url()).ticker(ticker).build();
    TxResponse seen = stranger.getTx(hash).orElseThrow();
    assertThat(seen.isSuccess()).isTrue();
    assertThat(seen.messages().get(0).contractMsg()).isEmpty();
    assertThat(seen.attribute(0, "wasm", "action")).isEmpty(); // still encrypted
    assertThat(seen.data(0).size()).isGreaterThan(16); // still the SIV ciphertext

    SecretNetworkClient sameSeed =
        SecretNetworkClient.builder().url(chain.url()).encryptionSeed(seed).ticker(ticker).build();
    TxResponse opened = sameSeed.getTx(hash).orElseThrow();
    assertThat(opened.messages().get(0).contractMsg().orElseThrow().toString())
        .isEqualTo("{\"increment\":{}}");
    assertThat(opened.data(0).toStringUtf8()).isEqualTo("{\"count\":2}");
    assertThat(opened.attribute(0, "wasm", "action")).contains("increment");
    assertThat(sameSeed.getTx("00".repeat(32))).isEmpty();
  }

  @Test
  void rawWasmIsSentGzippedAndTheFeeIsCeilOfGasTimesPrice() throws Exception {
    SecretNetworkClient client = clientA();
    client.storeCode(
        WASM,
        TxOptions.builder()
            .gasLimit(25_001)
            .gasPrice(GasPrice.parse("0.0125uscrt"))
            .memo("upload")
            .build());
    FakeLcd.Request post =
        chain.lcd.requests().stream()
            .filter(r -> r.method().equals("POST"))
            .findFirst()
            .orElseThrow();
    TxRaw raw =
        TxRaw.parseFrom(Base64.getDecoder().decode(json(post.body()).path("txBytes").asText()));
    TxBody body = TxBody.parseFrom(raw.getBodyBytes());
    byte[] sent = body.getMessages(0).unpack(MsgStoreCode.class).getWasmByteCode().toByteArray();
    assertThat(sent[0] & 0xff).isEqualTo(0x1f);
    assertThat(sent[1] & 0xff).isEqualTo(0x8b);
    assertThat(body.getMemo()).isEqualTo("upload");
    AuthInfo authInfo = AuthInfo.parseFrom(raw.getAuthInfoBytes());
    assertThat(authInfo.getFee().getGasLimit()).isEqualTo(25_001);
    assertThat(authInfo.getFee().getAmount(0).getAmount()).isEqualTo("313"); // ceil(312.5125)
    assertThat(authInfo.getSignerInfos(0).hasPublicKey()).isTrue();
  }

  @Test
  void anAminoWalletSignsTxsTheNodeAccepts() {
    SecretNetworkClient client =
        client(
            Wallet.fromMnemonic(
                LocalSecret.A.mnemonic(), WalletOptions.defaults().withLegacyAmino()));
    InstantiateResult counter = deployCounter(client);
    assertThat(
            client
                .execute(ExecuteContract.of(counter.contractAddress(), "{\"increment\":{}}"))
                .dataText())
        .isEqualTo("{\"count\":2}");
    assertThat(client.bankSend(LocalSecret.B.address(), Coins.parse("1uscrt")).isSuccess())
        .isTrue();
  }

  @Test
  void gasCanBeEstimatedBySimulation() throws Exception {
    SecretNetworkClient client = clientA();
    client.bankSend(
        LocalSecret.B.address(),
        List.of(Coins.uscrt(5)),
        TxOptions.builder().estimateGas(1.5).build());
    assertThat(chain.lines())
        .containsSubsequence("POST /cosmos/tx/v1beta1/simulate", "POST /cosmos/tx/v1beta1/txs");
    FakeLcd.Request post =
        chain.lcd.requests().stream()
            .filter(r -> r.path().equals("/cosmos/tx/v1beta1/txs"))
            .findFirst()
            .orElseThrow();
    TxRaw raw =
        TxRaw.parseFrom(Base64.getDecoder().decode(json(post.body()).path("txBytes").asText()));
    assertThat(AuthInfo.parseFrom(raw.getAuthInfoBytes()).getFee().getGasLimit())
        .isEqualTo(150_000); // the fake's 100 000 gas used × 1.5
  }

  @Test
  void aTxTheNodeRefusesThrowsWithSecretJsesWording() {
    SecretNetworkClient client = clientA();
    client.bankSend(LocalSecret.B.address(), List.of(Coins.uscrt(1)));
    // signing with a stale sequence: the node says 32
    TxOptions stale =
        TxOptions.builder()
            .gasLimit(100_000)
            .explicitSignerData(new io.arcanum.client.tx.SignerData(0, 0, FakeChain.CHAIN_ID))
            .build();
    assertThatThrownBy(
            () -> client.bankSend(LocalSecret.B.address(), List.of(Coins.uscrt(1)), stale))
        .isInstanceOfSatisfying(
            BroadcastRejectedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(32);
              assertThat(e.codespace()).isEqualTo("sdk");
              assertThat(e.getMessage())
                  .startsWith("Broadcasting transaction " + e.txhash() + " failed with code 32")
                  .contains("account sequence mismatch, expected 1, got 0");
            });
    // the wrong chain id: signature verification fails (code 4)
    SecretNetworkClient otherChain =
        SecretNetworkClient.builder()
            .url(chain.url())
            .chainId("secret-4")
            .wallet(Wallet.fromMnemonic(LocalSecret.A.mnemonic()))
            .build();
    assertThatThrownBy(() -> otherChain.bankSend(LocalSecret.B.address(), Coins.parse("1uscrt")))
        .isInstanceOfSatisfying(
            BroadcastRejectedException.class, e -> assertThat(e.code()).isEqualTo(4));
  }

  @Test
  void aTxNeverFoundTimesOut() {
    chain.pendingPolls = Integer.MAX_VALUE;
    SecretNetworkClient client = clientA();
    assertThatThrownBy(
            () ->
                client.bankSend(
                    LocalSecret.B.address(),
                    List.of(Coins.uscrt(1)),
                    TxOptions.builder()
                        .gasLimit(100_000)
                        .broadcastTimeout(Duration.ofSeconds(10))
                        .build()))
        .isInstanceOf(TxTimeoutException.class)
        .hasMessageContaining("was submitted but was not yet found on the chain after 10000 ms");
    // 0.5 s, then 1 s steps until more than 10 s have passed
    assertThat(ticker.sleeps).hasSize(11);
  }

  @Test
  void withoutWaitingOnlyTheHashAndCheckTxComeBack() {
    SecretNetworkClient client = clientA();
    TxResponse sent =
        client.broadcast(
            List.of(new BankSend(LocalSecret.B.address(), Coins.parse("1uscrt"))),
            TxOptions.builder().waitForCommit(false).build());
    assertThat(sent.isCommitted()).isFalse();
    assertThat(sent.isSuccess()).isTrue();
    assertThat(sent.txhash()).hasSize(64);
    assertThat(chain.lines()).noneMatch(l -> l.startsWith("GET /cosmos/tx/v1beta1/txs/"));
  }

  @Test
  void anUnfundedAccountCannotSign() {
    SecretNetworkClient client = client(Wallet.fromMnemonic(LocalSecret.C.mnemonic()));
    assertThatThrownBy(() -> client.bankSend(LocalSecret.B.address(), Coins.parse("1uscrt")))
        .isInstanceOf(SecretNetworkException.class)
        .hasMessage(
            "cannot sign for "
                + LocalSecret.C.address()
                + ": the account does not exist on the chain yet (it must receive funds first)")
        .hasCauseInstanceOf(LcdException.class);
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSent() {
    SecretNetworkClient client = clientA();
    String typo = LocalSecret.FIRST_CONTRACT.substring(0, 40) + "qqqqqq";
    assertThatThrownBy(() -> client.execute(ExecuteContract.of(typo, "{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("contract address '" + typo + "' is invalid: bech32 checksum");
    assertThatThrownBy(() -> client.query("cosmos1abc", null, "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("contract address 'cosmos1abc' is invalid");
    assertThatThrownBy(
            () -> ExecuteContract.of(LocalSecret.FIRST_CONTRACT, "{}").withCodeHash("ab12"))
        .isInstanceOf(InvalidCodeHashException.class)
        .hasMessage("code hash must be 64 hex characters, got 4 characters");
    assertThatThrownBy(() -> client.query(LocalSecret.FIRST_CONTRACT, "zz".repeat(32), "{}"))
        .isInstanceOf(InvalidCodeHashException.class)
        .hasMessage("code hash must be 64 hex characters; character 1 is not hex");
    assertThatThrownBy(() -> ExecuteContract.of(LocalSecret.FIRST_CONTRACT, "{\"key\": secret}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("execute msg is not valid JSON (line 1, column 9)");
    assertThatThrownBy(() -> ExecuteContract.of(LocalSecret.FIRST_CONTRACT, "{} {}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("execute msg is not valid JSON");
    assertThatThrownBy(() -> ExecuteContract.of(LocalSecret.FIRST_CONTRACT, " "))
        .hasMessage("execute msg is empty; it must be JSON");
    assertThatThrownBy(() -> client.bankSend("secret1xyz", Coins.parse("1uscrt")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("recipient address 'secret1xyz' is invalid");
    assertThatThrownBy(
            () -> client.instantiate(InstantiateContract.of(1, "{}", "x").withAdmin("secret1nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("admin address 'secret1nope' is invalid");
    assertThatThrownBy(() -> InstantiateContract.of(0, "{}", "x"))
        .hasMessage("code id must be 1 or more, got 0");
    assertThatThrownBy(() -> InstantiateContract.of(1, "{}", " "))
        .hasMessage("a contract needs a label (unique on the chain)");
    assertThat(chain.lines()).isEmpty();

    SecretNetworkClient queryOnly = SecretNetworkClient.builder().url(chain.url()).build();
    assertThatThrownBy(() -> queryOnly.bankSend(LocalSecret.B.address(), Coins.parse("1uscrt")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this client has no wallet; build it with .wallet(...)");
    assertThatThrownBy(
            () ->
                SecretNetworkClient.builder()
                    .url(chain.url())
                    .wallet(Wallet.fromMnemonic(LocalSecret.A.mnemonic()))
                    .build())
        .hasMessage("a client with a wallet needs chainId(...) to sign for");
    assertThatThrownBy(() -> SecretNetworkClient.builder().url("localhost:1317").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http(s) URL");
  }

  @Test
  void anUnreachableNodeIsAnLcdErrorNamingTheUrl() {
    String url = chain.url();
    chain.close();
    SecretNetworkClient client =
        SecretNetworkClient.builder().url(url).chainId("secretdev-1").build();
    assertThatThrownBy(() -> client.balance(LocalSecret.A.address(), "uscrt"))
        .isInstanceOfSatisfying(
            LcdException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(LcdException.NO_RESPONSE);
              assertThat(e.getMessage())
                  .startsWith(
                      "GET /cosmos/bank/v1beta1/balances/"
                          + LocalSecret.A.address()
                          + "/by_denom: cannot reach "
                          + url);
            });
  }

  @Test
  void toStringShowsNoSecrets() {
    Wallet wallet = Wallet.fromMnemonic(LocalSecret.A.mnemonic());
    SecretNetworkClient client = client(wallet);
    assertThat(client.toString())
        .isEqualTo(
            "SecretNetworkClient["
                + chain.url()
                + ", secretdev-1, "
                + LocalSecret.A.address()
                + "]");
    String msg = ExecuteContract.of(LocalSecret.FIRST_CONTRACT, "{\"key\":\"hunter2\"}").toString();
    assertThat(msg).doesNotContain("hunter2");
    assertThat(InstantiateContract.of(1, "{\"key\":\"hunter2\"}", "l").toString())
        .doesNotContain("hunter2");
  }

  private static JsonNode json(String text) {
    try {
      return FakeChain.JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
