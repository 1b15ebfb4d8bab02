package io.arcanum.chain.app;

import static io.arcanum.chain.app.TestTxs.A;
import static io.arcanum.chain.app.TestTxs.B;
import static io.arcanum.chain.app.TestTxs.bech32;
import static io.arcanum.chain.app.TestTxs.send;
import static io.arcanum.chain.app.TestTxs.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcanum.chain.auth.Account;
import io.arcanum.chain.auth.AccountKeeper;
import io.arcanum.chain.store.RocksStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The genesis file: its format, the refusals naming what is wrong, and how it becomes state (store
 * version 0 empty, genesis staged into block 1, re-applied at a restart before block 1).
 */
class GenesisTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static String json(String appState) {
    return "{\"genesis_time\":\"2024-01-01T00:00:00Z\",\"chain_id\":\"secretdev-1\","
        + "\"initial_height\":\"1\",\"app_state\":"
        + appState
        + "}";
  }

  private static Genesis parse(String json) {
    return Genesis.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private ChainApp build(Genesis genesis) {
    return ChainApp.builder(ChainConfig.defaults(TestTxs.CHAIN_ID))
        .store(RocksStore.open(dir))
        .genesis(genesis)
        .build();
  }

  @Test
  void writesAndReadsBackTheSameFile() throws Exception {
    Genesis genesis = TestChain.genesis();
    Path file = dir.resolve("genesis.json");
    genesis.write(file);
    Genesis read = Genesis.read(file);
    assertThat(read.chainId()).isEqualTo("secretdev-1");
    assertThat(read.genesisTime()).isEqualTo(TestChain.GENESIS_TIME);
    assertThat(read.modules()).containsExactly("auth", "bank");
    assertThat(read.toJson()).isEqualTo(genesis.toJson());
    assertThat(read.hash()).isEqualTo(genesis.hash());
    assertThat(
            JSON.readTree(read.toJson()).at("/app_state/auth/accounts/1/account_number").asText())
        .isEqualTo("1");
    assertThat(parse(json("{}").replace("00Z", "00+02:00")).genesisTime())
        .isEqualTo(TestChain.GENESIS_TIME.minusSeconds(7200));
  }

  @Test
  void malformedFilesAreRefusedNamingTheProblem() {
    assertThatThrownBy(() -> parse("{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("genesis is not valid JSON");
    assertThatThrownBy(() -> parse(json("{}").replace("\"chain_id\"", "\"chainid\"")))
        .hasMessage("unknown genesis field 'chainid'");
    assertThatThrownBy(() -> parse(json("{}").replace("2024-01-01T00:00:00Z", "yesterday")))
        .hasMessage("genesis_time is not RFC 3339: yesterday");
    assertThatThrownBy(
            () -> parse(json("{}").replace("\"initial_height\":\"1\"", "\"initial_height\":\"5\"")))
        .hasMessageStartingWith("initial_height must be \"1\"");
    assertThatThrownBy(() -> parse(json("{\"bank\":[]}")))
        .hasMessage("app_state.bank must be an object");
    assertThatThrownBy(() -> build(parse(json("{\"staking\":{}}"))))
        .hasMessage("genesis app_state has a section 'staking' no module handles");
    assertThatThrownBy(() -> build(parse(json("{\"auth\":{\"acounts\":[]}}"))))
        .hasMessage(
            "invalid genesis: genesis auth.acounts: unknown field: failed to unmarshal JSON bytes");
    String account =
        "{\"@type\":\"/cosmos.auth.v1beta1.BaseAccount\",\"address\":\"%s\",\"account_number\":\"%d\"}";
    assertThatThrownBy(
            () ->
                build(
                    parse(
                        json(
                            "{\"auth\":{\"accounts\":["
                                + String.format(account, bech32(A), 0)
                                + ","
                                + String.format(account, bech32(B), 0)
                                + "]}}"))))
        .hasMessage(
            "invalid genesis: genesis auth.accounts: duplicate account number 0: failed to unmarshal"
                + " JSON bytes");
    assertThatThrownBy(
            () ->
                build(
                    parse(
                        json(
                            "{\"bank\":{\"balances\":[{\"address\":\""
                                + bech32(A)
                                + "\",\"coins\":[{\"denom\":\"uscrt\",\"amount\":\"5\"}]}],"
                                + "\"supply\":[{\"denom\":\"uscrt\",\"amount\":\"6\"}]}}"))))
        .hasMessage(
            "invalid genesis: genesis bank.supply: is 6uscrt but the balances add up to 5uscrt:"
                + " failed to unmarshal JSON bytes");
    assertThatThrownBy(
            () ->
                build(
                    parse(
                        json(
                            "{\"bank\":{\"balances\":[{\"address\":\"cosmos1xyz\",\"coins\":[]}]}}"))))
        .hasMessageStartingWith("invalid genesis: invalid address in bank.balances[0] cosmos1xyz");
  }

  @Test
  void theGenesisStateIsQueryableAtHeightZeroAndBecomesPartOfBlockOne() {
    try (TestChain chain = TestChain.create(dir)) {
      assertThat(chain.app.info().lastHeight()).isZero();
      assertThat(chain.app.info().lastBlockTimeNanos()).isEqualTo(TestChain.timeOf(0));
      byte[] genesisHash = chain.app.info().lastAppHash();
      assertThat(genesisHash).isNotEqualTo(io.arcanum.chain.store.AuthenticatedStore.emptyRoot());
      assertThat(chain.balance(A)).isEqualTo(TestChain.RICH);
      assertThat(chain.account(A).accountNumber()).isZero();
      Account collector =
          chain.account(bech32(AccountKeeper.moduleAddress(AccountKeeper.FEE_COLLECTOR)));
      assertThat(collector.moduleName()).isEqualTo("fee_collector");
      assertThat(collector.accountNumber()).isEqualTo(4);

      // restarted before block 1: the genesis is applied again, to the same hash
      chain.reopen();
      assertThat(chain.app.info().lastAppHash()).isEqualTo(genesisHash);
      // a client can send before the first block
      assertThat(chain.app.checkTx(tx(A, send(A, B, 1)).build()).code()).isZero();

      // an empty block 1 holds exactly the genesis state
      assertThat(chain.block().appHash()).isEqualTo(genesisHash);
      assertThat(chain.balance(A)).isEqualTo(TestChain.RICH);
      chain.reopen();
      assertThat(chain.app.info().lastHeight()).isEqualTo(1);
      assertThat(chain.app.info().lastAppHash()).isEqualTo(genesisHash);
    }
  }

  @Test
  void authParamsFromTheGenesisBind() {
    ObjectNode auth = JSON.createObjectNode();
    auth.putObject("params")
        .put("max_memo_characters", "10")
        .put("tx_sig_limit", "7")
        .put("tx_size_cost_per_byte", "10")
        .put("sig_verify_cost_ed25519", "590")
        .put("sig_verify_cost_secp256k1", "1000");
    auth.set(
        "accounts",
        JSON.valueToTree(
            List.of(
                java.util.Map.of(
                    "@type", "/cosmos.auth.v1beta1.BaseAccount",
                    "address", bech32(A),
                    "account_number", "0",
                    "sequence", "0"))));
    ObjectNode bank = JSON.createObjectNode();
    bank.putArray("balances")
        .addObject()
        .put("address", bech32(A))
        .putArray("coins")
        .addObject()
        .put("denom", "uscrt")
        .put("amount", "1000000");
    Genesis genesis =
        new Genesis(
            TestChain.GENESIS_TIME, TestTxs.CHAIN_ID, java.util.Map.of("auth", auth, "bank", bank));
    try (ChainApp app = build(genesis)) {
      assertThat(app.checkTx(tx(A, send(A, B, 1)).memo("0123456789a").build()).log())
          .isEqualTo(
              "maximum number of characters is 10 but received 11 characters: memo too large");
      assertThat(app.checkTx(tx(A, send(A, B, 1)).memo("0123456789").build()).code()).isZero();
    }
  }

  @Test
  void aStoreOfAnotherChainIsRefused() {
    try (TestChain chain = TestChain.create(dir)) {
      chain.block();
    }
    Genesis other =
        Genesis.builder("pulsar-3", TestChain.GENESIS_TIME)
            .account(bech32(A), List.of(io.arcanum.chain.bank.Coin.of("uscrt", 1)))
            .build();
    RocksStore store = RocksStore.open(dir);
    assertThatThrownBy(
            () ->
                ChainApp.builder(ChainConfig.defaults("pulsar-3"))
                    .store(store)
                    .genesis(other)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the store holds chain secretdev-1, not pulsar-3");
    store.close();
    assertThatThrownBy(
            () ->
                ChainApp.builder(ChainConfig.defaults("pulsar-3"))
                    .store(RocksStore.open(dir.resolve("x")))
                    .genesis(TestChain.genesis())
                    .build())
        .hasMessage("genesis is for chain secretdev-1, the node for pulsar-3");
  }
}
