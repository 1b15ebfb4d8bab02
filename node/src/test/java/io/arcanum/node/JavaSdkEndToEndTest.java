package io.arcanum.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arcanum.chain.app.ChainConfig;
import io.arcanum.client.BankSend;
import io.arcanum.client.BroadcastMode;
import io.arcanum.client.BroadcastRejectedException;
import io.arcanum.client.ContractError;
import io.arcanum.client.ContractQueryException;
import io.arcanum.client.ExecuteContract;
import io.arcanum.client.ExecuteResult;
import io.arcanum.client.InstantiateContract;
import io.arcanum.client.InstantiateResult;
import io.arcanum.client.LogEntry;
import io.arcanum.client.SecretNetworkClient;
import io.arcanum.client.StoreCodeResult;
import io.arcanum.client.TxFailedException;
import io.arcanum.client.TxOptions;
import io.arcanum.client.TxProgress;
import io.arcanum.client.TxResponse;
import io.arcanum.client.lcd.LcdClient;
import io.arcanum.client.lcd.LcdException;
import io.arcanum.client.tx.Coins;
import io.arcanum.client.tx.GasPrice;
import io.arcanum.client.wallet.Wallet;
import io.arcanum.client.wallet.WalletOptions;
import io.arcanum.node.consensus.ExecutorBlockScheduler;
import io.arcanum.node.consensus.SoloDriver;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.rest.RestOptions;
import io.arcanum.proto.cosmos.base.abci.v1beta1.GasInfo;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's proof "Java end to end": the real node (its own block timer, the REST API on a free
 * port) driven only through the Java SDK's {@link SecretNetworkClient}, as a user would drive
 * {@code ./arcanum dev}: LocalSecret wallets, the example token stored, instantiated with balances,
 * transfers with decrypted output, balances read with viewing keys, a failing execute whose
 * decrypted error is checked and which changes nothing, a contract-to-contract call with its reply,
 * bank sends and {@code getTx}. Blocks are made by the node's own scheduler while the SDK polls, as
 * on a dev chain; no assertion depends on timing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class JavaSdkEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path CONTRACTS = Path.of("..", "contracts");

  /**
   * Gas limits with room to spare: a store of the token uses about 390 000, its instantiate 140
   * 000, a transfer 76 000, the caller's sub-call 127 000.
   */
  static final TxOptions STORE = options(1_000_000);

  static final TxOptions CONTRACT = options(300_000);
  static final TxOptions SEND = options(100_000);

  static final long A_TOKENS = 1_000_000;
  static final long C_TOKENS = 500;
  static final String A_KEY = "a's viewing key";

  NodeRunner node;
  SecretNetworkClient a;
  SecretNetworkClient b;
  String tokenHash;
  String token;

  /** Polls every 50 ms: this node makes a block 20 ms after the previous one when a tx waits. */
  static TxOptions options(long gasLimit) {
    return TxOptions.builder()
        .gasLimit(gasLimit)
        .broadcastCheckInterval(Duration.ofMillis(50))
        .build();
  }

  @BeforeAll
  void startNodeAndDeployTheToken(@TempDir Path dir) throws Exception {
    NodeHome home = new NodeHome(dir.resolve("home"));
    HomeInitializer.init(
        home,
        NodeConfig.defaults(SignedTxs.CHAIN_ID)
            .withBlockIntervals(Duration.ofMillis(200), Duration.ofMillis(20)),
        LocalSecretAccounts.accounts(),
        Instant.now());
    node =
        NodeRunner.start(
            home,
            new io.arcanum.node.app.ChainAppFactory(),
            0,
            SoloDriver::systemNanos,
            ExecutorBlockScheduler::new,
            config ->
                Optional.of(RestOptions.at("127.0.0.1", 0, ChainConfig.DEFAULT_MAX_TX_BYTES)));
    String url = "http://127.0.0.1:" + node.restAddress().orElseThrow().getPort();
    a = client(url, "a");
    b = client(url, "b");

    StoreCodeResult code =
        a.storeCode(Files.readAllBytes(CONTRACTS.resolve("token/token.wasm")), STORE);
    tokenHash = code.codeHash().hex();
    assertThat(a.codeHashByCodeId(code.codeId()).hex()).isEqualTo(tokenHash);
    InstantiateResult instantiated =
        a.instantiate(
            InstantiateContract.of(
                code.codeId(),
                Map.of(
                    "name",
                    "Arcanum Token",
                    "symbol",
                    "ARC",
                    "decimals",
                    6,
                    "initial_balances",
                    List.of(
                        Map.of("address", a.address(), "amount", String.valueOf(A_TOKENS)),
                        Map.of("address", address("c"), "amount", String.valueOf(C_TOKENS))),
                    "prng_seed",
                    Base64.getEncoder().encodeToString("e2e".getBytes(StandardCharsets.UTF_8))),
                "token"),
            CONTRACT);
    token = instantiated.contractAddress();
    a.execute(ExecuteContract.of(token, Map.of("set_viewing_key", Map.of("key", A_KEY))), CONTRACT);
    assertThat(tokenBalance(a, A_KEY)).isEqualTo(A_TOKENS);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  static SecretNetworkClient client(String url, String account) {
    return SecretNetworkClient.builder()
        .url(url)
        .chainId(SignedTxs.CHAIN_ID)
        .wallet(Wallet.fromMnemonic(known(account).mnemonic()))
        .build();
  }

  static LocalSecretAccounts.Known known(String name) {
    return LocalSecretAccounts.KNOWN.stream()
        .filter(k -> k.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static String address(String name) {
    return known(name).address();
  }

  /** {@code who}'s token balance, read with {@code key}. */
  long tokenBalance(SecretNetworkClient who, String key) {
    JsonNode answer =
        who.query(
            token, tokenHash, Map.of("balance", Map.of("address", who.address(), "key", key)));
    return Long.parseLong(answer.path("balance").path("amount").asText());
  }

  static BigInteger uscrt(SecretNetworkClient client) {
    return new BigInteger(client.balance().getAmount());
  }

  /** secret.js's fee rule at the default 0.1uscrt: ceil(limit × price). */
  static BigInteger fee(TxOptions options) {
    return BigInteger.valueOf((options.gasLimit().getAsLong() + 9) / 10);
  }

  @Test
  void theTokenWasInstantiatedWithItsInitialBalances() {
    JsonNode info = b.query(token, null, Map.of("token_info", Map.of()));
    assertThat(info.path("token_info").path("symbol").asText()).isEqualTo("ARC");
    assertThat(info.path("token_info").path("decimals").asInt()).isEqualTo(6);
    assertThat(info.path("token_info").path("total_supply").asText())
        .isEqualTo(String.valueOf(A_TOKENS + C_TOKENS));
    assertThat(b.codeHashByContractAddress(token).hex()).isEqualTo(tokenHash);
  }

  @Test
  void aTransferIsDecryptedAndTheRecipientReadsItWithItsViewingKey() throws Exception {
    long before = tokenBalance(a, A_KEY);

    ExecuteResult transfer =
        a.execute(
            ExecuteContract.of(
                    token, Map.of("transfer", Map.of("recipient", b.address(), "amount", "1000")))
                .withCodeHash(tokenHash),
            CONTRACT);
    // The contract's answer, decrypted, space-padded to 256 bytes as SNIP-20 does.
    assertThat(transfer.data().size()).isEqualTo(256);
    assertThat(transfer.dataJson())
        .contains(JSON.readTree("{\"transfer\":{\"status\":\"success\"}}"));
    assertThat(transfer.response().attribute(0, "execute", "contract_address")).contains(token);
    // The sender's own input, decrypted from the tx as secret.js does.
    assertThat(transfer.response().messages().get(0).contractMsg())
        .contains(
            JSON.readTree(
                "{\"transfer\":{\"recipient\":\"" + b.address() + "\",\"amount\":\"1000\"}}"));

    ExecuteResult key =
        b.execute(
            ExecuteContract.of(token, Map.of("set_viewing_key", Map.of("key", "b's key"))),
            CONTRACT);
    assertThat(key.dataJson())
        .contains(JSON.readTree("{\"set_viewing_key\":{\"status\":\"success\"}}"));
    assertThat(tokenBalance(b, "b's key")).isEqualTo(1000);
    assertThat(tokenBalance(a, A_KEY)).isEqualTo(before - 1000);

    JsonNode wrongKey =
        b.query(
            token, tokenHash, Map.of("balance", Map.of("address", b.address(), "key", "guess")));
    assertThat(wrongKey)
        .isEqualTo(
            JSON.readTree(
                "{\"viewing_key_error\":{\"msg\":"
                    + "\"Wrong viewing key for this address or viewing key not set\"}}"));
  }

  @Test
  void aFailingExecuteIsDecryptedAndChangesNothingButTheFee() {
    long tokens = tokenBalance(a, A_KEY);
    BigInteger coins = uscrt(a);
    long tooMuch = tokens + 1;

    TxFailedException failed =
        catchThrowableOfType(
            TxFailedException.class,
            () ->
                a.execute(
                    ExecuteContract.of(
                        token,
                        Map.of(
                            "transfer",
                            Map.of("recipient", b.address(), "amount", String.valueOf(tooMuch)))),
                    CONTRACT));

    assertThat(failed).isNotNull();
    assertThat(failed.code()).isEqualTo(3);
    assertThat(failed.codespace()).isEqualTo("compute");
    assertThat(failed.response().isCommitted()).isTrue();
    ContractError error = failed.contractError().orElseThrow();
    assertThat(error.messageIndex()).isZero();
    assertThat(error.text())
        .isEqualTo("insufficient funds: balance=" + tokens + ", required=" + tooMuch);
    assertThat(error.rawLog())
        .startsWith("failed to execute message; message index: 0: ")
        .endsWith(": execute contract failed")
        .doesNotContain("encrypted:");
    assertThat(failed.rawLog()).contains("encrypted: "); // the node's log stays as sent
    assertThat(tokenBalance(a, A_KEY)).isEqualTo(tokens);
    assertThat(uscrt(a)).isEqualTo(coins.subtract(fee(CONTRACT)));
  }

  @Test
  void aFailingQueryIsDecrypted() {
    ContractQueryException failed =
        catchThrowableOfType(
            ContractQueryException.class,
            () -> a.query(token, tokenHash, Map.of("nope", Map.of())));
    assertThat(failed).isNotNull();
    assertThat(failed.contractError().text())
        .isEqualTo("unknown variant `nope`, expected one of `balance`, `token_info`");
  }

  @Test
  void aContractCallsAnotherThroughASubMessageAndRecordsTheReply() throws Exception {
    StoreCodeResult counterCode =
        a.storeCode(Files.readAllBytes(CONTRACTS.resolve("counter/counter.wasm")), STORE);
    StoreCodeResult callerCode =
        a.storeCode(Files.readAllBytes(CONTRACTS.resolve("caller/caller.wasm")), STORE);
    String counter =
        a.instantiate(
                InstantiateContract.of(counterCode.codeId(), Map.of("count", 1), "counter"),
                CONTRACT)
            .contractAddress();
    String caller =
        a.instantiate(InstantiateContract.of(callerCode.codeId(), Map.of(), "caller"), CONTRACT)
            .contractAddress();

    String increment =
        Base64.getEncoder().encodeToString("{\"increment\":{}}".getBytes(StandardCharsets.UTF_8));
    ExecuteResult call =
        b.execute(
            ExecuteContract.of(
                caller,
                Map.of(
                    "call",
                    Map.of(
                        "contract_addr",
                        counter,
                        "code_hash",
                        counterCode.codeHash().hex(),
                        "msg",
                        increment,
                        "id",
                        7))),
            CONTRACT);
    // The caller's, the counter's and the reply's attributes, all opened with b's nonce.
    assertThat(call.response().wasmAttributes(0))
        .contains(
            new LogEntry(0, "wasm", "action", "call"),
            new LogEntry(0, "wasm", "id", "7"),
            new LogEntry(0, "wasm", "contract_address", counter),
            new LogEntry(0, "wasm", "action", "increment"),
            new LogEntry(0, "wasm", "count", "2"),
            new LogEntry(0, "wasm", "action", "reply"),
            new LogEntry(0, "wasm", "reply_id", "7"),
            new LogEntry(0, "wasm", "reply_status", "ok"));
    assertThat(b.query(counter, null, Map.of("get_count", Map.of())))
        .isEqualTo(JSON.readTree("{\"count\":2}"));
    JsonNode reply = b.query(caller, null, Map.of("last_reply", Map.of()));
    assertThat(reply.path("id").asLong()).isEqualTo(7);
    assertThat(reply.path("status").asText()).isEqualTo("ok");
    assertThat(reply.path("error").isNull()).isTrue();

    // A sub-call that fails with no reply asked for fails the whole message; its error, behind
    // "dispatch: submessages:", opens with b's nonce too (secretjs-api.md §6.1 step 3).
    String reset =
        Base64.getEncoder()
            .encodeToString("{\"reset\":{\"count\":9}}".getBytes(StandardCharsets.UTF_8));
    TxFailedException failed =
        catchThrowableOfType(
            TxFailedException.class,
            () ->
                b.execute(
                    ExecuteContract.of(
                        caller,
                        Map.of(
                            "call",
                            Map.of(
                                "contract_addr",
                                counter,
                                "code_hash",
                                counterCode.codeHash().hex(),
                                "msg",
                                reset,
                                "id",
                                8,
                                "reply_on",
                                "success"))),
                    CONTRACT));
    assertThat(failed.code()).isEqualTo(3);
    assertThat(failed.rawLog()).contains("dispatch: submessages: encrypted: ");
    assertThat(failed.contractError().orElseThrow().text()).isEqualTo("unauthorized");
    assertThat(b.query(counter, null, Map.of("get_count", Map.of())))
        .isEqualTo(JSON.readTree("{\"count\":2}"));
    assertThat(b.query(caller, null, Map.of("last_reply", Map.of())).path("id").asLong())
        .isEqualTo(7);
  }

  @Test
  void bankSendMovesCoinsAndGetTxReturnsTheDecryptedResultToItsSender() throws Exception {
    String fresh = Wallet.generate().address();
    BigInteger before = uscrt(a);

    TxResponse sent = a.bankSend(fresh, List.of(Coins.uscrt(1234)), SEND);

    assertThat(sent.isCommitted()).isTrue();
    assertThat(a.balance(fresh, "uscrt").getAmount()).isEqualTo("1234");
    assertThat(uscrt(a)).isEqualTo(before.subtract(BigInteger.valueOf(1234)).subtract(fee(SEND)));

    ExecuteResult transfer =
        a.execute(
            ExecuteContract.of(
                token, Map.of("transfer", Map.of("recipient", address("d"), "amount", "1"))),
            CONTRACT);
    String hash = transfer.response().txhash();

    TxResponse mine = a.getTx(hash).orElseThrow();
    assertThat(mine.height()).isEqualTo(transfer.response().height());
    assertThat(mine.data(0)).isEqualTo(transfer.data());
    assertThat(mine.messages().get(0).contractMsg()).isPresent();
    assertThat(mine.arrayLog()).isEqualTo(transfer.response().arrayLog());

    // Another key opens nothing: b sees the tx, encrypted.
    TxResponse theirs = b.getTx(hash).orElseThrow();
    assertThat(theirs.messages().get(0).contractMsg()).isEmpty();
    assertThat(theirs.data(0)).isNotEqualTo(transfer.data());
    assertThat(b.getTx(sent.txhash()).orElseThrow().height()).isEqualTo(sent.height());
  }

  @Test
  void anAminoSignedTxIsAcceptedAndDecrypted() throws Exception {
    SecretNetworkClient c =
        SecretNetworkClient.builder()
            .url(a.lcd().url())
            .chainId(SignedTxs.CHAIN_ID)
            .wallet(
                Wallet.fromMnemonic(
                    known("c").mnemonic(), WalletOptions.defaults().withLegacyAmino()))
            .build();
    ExecuteResult key =
        c.execute(
            ExecuteContract.of(token, Map.of("set_viewing_key", Map.of("key", "c's key"))),
            CONTRACT);
    assertThat(key.dataJson())
        .contains(JSON.readTree("{\"set_viewing_key\":{\"status\":\"success\"}}"));
    long before = tokenBalance(c, "c's key");
    c.execute(
        ExecuteContract.of(
            token, Map.of("transfer", Map.of("recipient", address("d"), "amount", "5"))),
        CONTRACT);
    assertThat(tokenBalance(c, "c's key")).isEqualTo(before - 5);
    assertThat(c.bankSend(address("d"), List.of(Coins.uscrt(1)), SEND).isSuccess()).isTrue();
  }

  @Test
  void gasIsEstimatedBySimulatingSendsAndStoresButNotContractCalls() throws Exception {
    List<BankSend> send = List.of(new BankSend(address("d"), List.of(Coins.uscrt(1))));
    GasInfo simulated = a.simulate(send, SEND);
    assertThat(simulated.getGasUsed()).isPositive();
    TxOptions estimate =
        TxOptions.builder().estimateGas(1.5).broadcastCheckInterval(Duration.ofMillis(50)).build();

    TxResponse estimated = a.broadcast(send, estimate);
    assertThat(estimated.isSuccess()).isTrue();
    // ceil(simulated × 1.5); the simulated tx differs from the real one only in its fee bytes
    assertThat(estimated.gasWanted()).isGreaterThan(estimated.gasUsed());
    assertThat(estimated.gasWanted()).isLessThan(estimated.gasUsed() * 2);
    StoreCodeResult stored =
        a.storeCode(Files.readAllBytes(CONTRACTS.resolve("counter/counter.wasm")), estimate);
    assertThat(stored.response().gasWanted()).isGreaterThan(stored.response().gasUsed());

    // As on Secret: the enclave authenticates a contract call by the sender's signature, which a
    // simulation does not carry (secretjs-api.md §3 "Optional routes"), so the node refuses it.
    LcdException refused =
        catchThrowableOfType(
            LcdException.class,
            () ->
                a.execute(
                    ExecuteContract.of(
                        token,
                        Map.of("transfer", Map.of("recipient", address("d"), "amount", "1"))),
                    estimate));
    assertThat(refused).isNotNull();
    assertThat(refused.path()).isEqualTo("/cosmos/tx/v1beta1/simulate");
    assertThat(refused.httpStatus()).isEqualTo(500);
    assertThat(refused.serverMessage()).contains("signature").contains("execute contract failed");
  }

  @Test
  void anAsyncBroadcastIsFollowedToItsBlock() {
    List<TxProgress.Stage> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
    TxResponse sent =
        a.bankSend(
            address("d"),
            List.of(Coins.uscrt(1)),
            SEND.toBuilder()
                .broadcastMode(BroadcastMode.ASYNC)
                .progress(p -> stages.add(p.stage()))
                .build());
    assertThat(sent.isCommitted()).isTrue();
    assertThat(stages).startsWith(TxProgress.Stage.BROADCAST).endsWith(TxProgress.Stage.COMMITTED);

    TxResponse unwaited =
        a.bankSend(
            address("d"), List.of(Coins.uscrt(1)), SEND.toBuilder().waitForCommit(false).build());
    assertThat(unwaited.isCommitted()).isFalse();
    assertThat(unwaited.txhash()).hasSize(64);
  }

  @Test
  void theLcdClientReadsTheNodesAnswers() {
    LcdClient lcd = b.lcd();
    assertThat(lcd.nodeInfo().network()).isEqualTo(SignedTxs.CHAIN_ID);
    assertThat(lcd.latestBlock().chainId()).isEqualTo(SignedTxs.CHAIN_ID);
    assertThat(lcd.latestBlock().height()).isPositive();
    assertThat(lcd.account(a.address()).getSequence()).isPositive();
    assertThat(lcd.allBalances(b.address())).extracting(c -> c.getDenom()).contains("uscrt");
    var info = lcd.contractInfo(token);
    assertThat(info.getContractAddress()).isEqualTo(token);
    assertThat(info.getContractInfo().getLabel()).isEqualTo("token");
    assertThat(info.getContractInfo().getCreator().toByteArray())
        .isEqualTo(a.wallet().orElseThrow().accountAddress().bytes());
    assertThat(lcd.codes()).extracting(c -> c.getCodeHash()).contains(tokenHash);
  }

  /** The README's "Java SDK" example, as written there (account a, default polling). */
  @Test
  void theReadmeExampleRunsAsWritten() throws Exception {
    Wallet wallet =
        Wallet.fromMnemonic(
            "grant rice replace explain federal release fix clever romance raise"
                + " often wild taxi quarter soccer fiber love must tape steak together observe swap"
                + " guitar");
    SecretNetworkClient client =
        SecretNetworkClient.builder()
            .url(a.lcd().url())
            .chainId("secretdev-1")
            .wallet(wallet)
            .build();

    StoreCodeResult code =
        client.storeCode(
            Files.readAllBytes(CONTRACTS.resolve("counter/counter.wasm")),
            TxOptions.withGasLimit(1_000_000));
    InstantiateResult counter =
        client.instantiate(
            InstantiateContract.of(
                    code.codeId(), Map.of("count", 1), "counter-" + System.nanoTime())
                .withCodeHash(code.codeHash().hex()),
            TxOptions.withGasLimit(200_000));
    ExecuteResult inc =
        client.execute(
            ExecuteContract.of(counter.contractAddress(), Map.of("increment", Map.of()))
                .withCodeHash(code.codeHash().hex()),
            TxOptions.withGasLimit(200_000));
    assertThat(inc.response().attribute(0, "wasm", "count")).contains("2");
    JsonNode count =
        client.query(
            counter.contractAddress(), code.codeHash().hex(), Map.of("get_count", Map.of()));
    assertThat(count).isEqualTo(JSON.readTree("{\"count\":2}"));

    TxFailedException e =
        catchThrowableOfType(
            TxFailedException.class,
            () ->
                client.execute(
                    ExecuteContract.of(counter.contractAddress(), Map.of("decrement", Map.of())),
                    TxOptions.withGasLimit(200_000)));
    assertThat(e.code()).isEqualTo(3);
    assertThat(e.codespace()).isEqualTo("compute");
    assertThat(e.contractError().map(ContractError::text))
        .contains("unknown variant `decrement`, expected one of `increment`, `reset`");
  }

  @Test
  void refusalsReachTheUserInTheSdksWords() {
    BroadcastRejectedException cheap =
        catchThrowableOfType(
            BroadcastRejectedException.class,
            () ->
                a.bankSend(
                    address("d"),
                    List.of(Coins.uscrt(1)),
                    SEND.toBuilder().gasPrice(GasPrice.parse("0.001uscrt")).build()));
    assertThat(cheap.code()).isEqualTo(13);
    assertThat(cheap.codespace()).isEqualTo("sdk");
    assertThat(cheap.rawLog()).contains("insufficient fee");

    SecretNetworkClient unfunded =
        SecretNetworkClient.builder()
            .url(a.lcd().url())
            .chainId(SignedTxs.CHAIN_ID)
            .wallet(Wallet.generate())
            .build();
    assertThatThrownBy(() -> unfunded.bankSend(address("d"), List.of(Coins.uscrt(1)), SEND))
        .hasMessage(
            "cannot sign for "
                + unfunded.address()
                + ": the account does not exist on the chain yet (it must receive funds first)");

    String nobody = Wallet.generate().address();
    LcdException unknown =
        catchThrowableOfType(
            LcdException.class, () -> a.query(nobody, null, Map.of("token_info", Map.of())));
    assertThat(unknown.isNotFound()).isTrue();
  }
}
