package io.arcanum.node;

import static io.arcanum.node.SdkDevNode.CONTRACT;
import static io.arcanum.node.SdkDevNode.JSON;
import static io.arcanum.node.SdkDevNode.SEND;
import static io.arcanum.node.SdkDevNode.STORE;
import static io.arcanum.node.SdkDevNode.address;
import static io.arcanum.node.SdkDevNode.wasm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.client.BankSend;
import io.arcanum.client.BroadcastMode;
import io.arcanum.client.BroadcastRejectedException;
import io.arcanum.client.ContractError;
import io.arcanum.client.ExecuteContract;
import io.arcanum.client.ExecuteResult;
import io.arcanum.client.InstantiateContract;
import io.arcanum.client.InstantiateResult;
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
import io.arcanum.proto.cosmos.base.abci.v1beta1.GasInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of the Java SDK's surface against the real dev node ({@link SdkDevNode}), beside {@link
 * JavaSdkEndToEndTest}'s flow: gas estimation (and the simulation the node, like Secret, refuses
 * for contract calls), async broadcasting with progress, the typed LCD routes on the node's real
 * answers, CheckTx refusals and other errors in the SDK's words, and the README's example exactly
 * as written there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class JavaSdkOnTheNodeTest {
  SdkDevNode node;
  SecretNetworkClient a;
  SecretNetworkClient b;
  String counterHash;
  String counter;

  @BeforeAll
  void startNodeAndDeployTheCounter(@TempDir Path dir) throws Exception {
    node = SdkDevNode.start(dir);
    a = node.client("a");
    b = node.client("b");
    StoreCodeResult code = a.storeCode(wasm("counter"), STORE);
    counterHash = code.codeHash().hex();
    counter =
        a.instantiate(
                InstantiateContract.of(code.codeId(), Map.of("count", 1), "counter"), CONTRACT)
            .contractAddress();
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
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
    StoreCodeResult stored = a.storeCode(wasm("counter"), estimate);
    assertThat(stored.response().gasWanted()).isGreaterThan(stored.response().gasUsed());

    // As on Secret: the enclave authenticates a contract call by the sender's signature, which a
    // simulation does not carry (secretjs-api.md §3 "Optional routes"), so the node refuses it.
    LcdException refused =
        catchThrowableOfType(
            LcdException.class,
            () -> a.execute(ExecuteContract.of(counter, Map.of("increment", Map.of())), estimate));
    assertThat(refused).isNotNull();
    assertThat(refused.path()).isEqualTo("/cosmos/tx/v1beta1/simulate");
    assertThat(refused.httpStatus()).isEqualTo(500);
    assertThat(refused.serverMessage()).contains("signature").contains("execute contract failed");
  }

  @Test
  void anAsyncBroadcastIsFollowedToItsBlock() throws InterruptedException {
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
    // The other tests read a's committed sequence: let this tx reach its block first (the node
    // makes one while a tx waits).
    while (a.getTx(unwaited.txhash()).isEmpty()) {
      Thread.sleep(20);
    }
  }

  @Test
  void theLcdClientReadsTheNodesAnswers() {
    LcdClient lcd = b.lcd();
    assertThat(lcd.nodeInfo().network()).isEqualTo(SignedTxs.CHAIN_ID);
    assertThat(lcd.latestBlock().chainId()).isEqualTo(SignedTxs.CHAIN_ID);
    assertThat(lcd.latestBlock().height()).isPositive();
    assertThat(lcd.account(a.address()).getSequence()).isPositive();
    assertThat(lcd.allBalances(b.address())).extracting(c -> c.getDenom()).contains("uscrt");
    var info = lcd.contractInfo(counter);
    assertThat(info.getContractAddress()).isEqualTo(counter);
    assertThat(info.getContractInfo().getLabel()).isEqualTo("counter");
    assertThat(info.getContractInfo().getCreator().toByteArray())
        .isEqualTo(a.wallet().orElseThrow().accountAddress().bytes());
    assertThat(lcd.codes()).extracting(c -> c.getCodeHash()).contains(counterHash);
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
        SecretNetworkClient.builder().url(node.url()).chainId("secretdev-1").wallet(wallet).build();

    StoreCodeResult code = client.storeCode(wasm("counter"), TxOptions.withGasLimit(1_000_000));
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
            .url(node.url())
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
            LcdException.class, () -> a.query(nobody, null, Map.of("get_count", Map.of())));
    assertThat(unknown.isNotFound()).isTrue();
  }
}
