package io.arcanum.chain.app;

import static io.arcanum.chain.app.TestTxs.A;
import static io.arcanum.chain.app.TestTxs.B;
import static io.arcanum.chain.app.TestTxs.bech32;
import static io.arcanum.chain.app.TestTxs.send;
import static io.arcanum.chain.app.TestTxs.tx;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.state.KvKeys;
import io.arcanum.chain.store.Proof;
import io.arcanum.proto.cosmos.auth.v1beta1.BaseAccount;
import io.arcanum.proto.cosmos.auth.v1beta1.ModuleAccount;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountRequest;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountResponse;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryParamsRequest;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryParamsResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryAllBalancesRequest;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryAllBalancesResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceRequest;
import io.arcanum.proto.cosmos.base.query.v1beta1.PageRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries as the REST gateway will ask them (secretjs-api.md §3 E1, E2, all balances): answers,
 * errors with the SDK's codes, past heights, and raw store reads with proofs against the app hash.
 */
class QueryTest {
  private static final String ACCOUNT = "/cosmos.auth.v1beta1.Query/Account";
  private static final String ALL_BALANCES = "/cosmos.bank.v1beta1.Query/AllBalances";

  @TempDir Path dir;

  private static TestChain chain(Path dir) {
    return TestChain.create(
        dir,
        Genesis.builder(TestTxs.CHAIN_ID, TestChain.GENESIS_TIME)
            .account(bech32(A), List.of(Coin.of("uscrt", TestChain.RICH)))
            .account(
                bech32(B),
                List.of(
                    Coin.of("uatom", 5),
                    Coin.of("ubtc", 6),
                    Coin.of("uscrt", TestChain.RICH),
                    Coin.of("uzzz", 7)))
            .build());
  }

  private static List<String> balances(QueryResponse response) throws Exception {
    return QueryAllBalancesResponse.parseFrom(response.value()).getBalancesList().stream()
        .map(c -> c.getAmount() + c.getDenom())
        .toList();
  }

  @Test
  void accountsAreBaseOrModuleAccountsAndAbsentOnesAreNotFound() throws Exception {
    try (TestChain chain = chain(dir)) {
      chain.block(tx(A, send(A, B, 1)).build());
      QueryResponse found =
          chain.query(ACCOUNT, QueryAccountRequest.newBuilder().setAddress(bech32(A)).build(), 0);
      assertThat(found.isOk()).isTrue();
      assertThat(found.height()).isEqualTo(1);
      BaseAccount account =
          QueryAccountResponse.parseFrom(found.value()).getAccount().unpack(BaseAccount.class);
      assertThat(account.getAddress()).isEqualTo(bech32(A));
      assertThat(account.getAccountNumber()).isZero();
      assertThat(account.getSequence()).isEqualTo(1);
      assertThat(account.getPubKey()).isEqualTo(TestTxs.publicKeyAny(A));
      assertThat(QueryAccountResponse.parseFrom(found.value()).getAccount().getTypeUrl())
          .isEqualTo("/cosmos.auth.v1beta1.BaseAccount");

      String collector = bech32(io.arcanum.chain.auth.AccountKeeper.moduleAddress("fee_collector"));
      QueryResponse module =
          chain.query(ACCOUNT, QueryAccountRequest.newBuilder().setAddress(collector).build(), 0);
      assertThat(
              QueryAccountResponse.parseFrom(module.value())
                  .getAccount()
                  .unpack(ModuleAccount.class)
                  .getName())
          .isEqualTo("fee_collector");

      String stranger = bech32(new byte[20]);
      QueryResponse missing =
          chain.query(ACCOUNT, QueryAccountRequest.newBuilder().setAddress(stranger).build(), 0);
      assertThat(missing.code()).isEqualTo(38);
      assertThat(missing.codespace()).isEqualTo("sdk");
      assertThat(missing.log()).isEqualTo("account " + stranger + " not found: not found");

      QueryResponse empty = chain.query(ACCOUNT, QueryAccountRequest.getDefaultInstance(), 0);
      assertThat(empty.code()).isEqualTo(18);
      assertThat(empty.log()).isEqualTo("Address cannot be empty: invalid request");
      QueryResponse bad =
          chain.query(
              ACCOUNT, QueryAccountRequest.newBuilder().setAddress("secret1xyz").build(), 0);
      assertThat(bad.code()).isEqualTo(7);
      assertThat(bad.log())
          .startsWith("invalid address secret1xyz: ")
          .endsWith(": invalid address");
      QueryResponse garbage =
          chain.app.query(new QueryRequest(ACCOUNT, new byte[] {(byte) 0xff}, 0, false));
      assertThat(garbage.code()).isEqualTo(18);

      QueryResponse params =
          chain.query(
              "/cosmos.auth.v1beta1.Query/Params", QueryParamsRequest.getDefaultInstance(), 0);
      assertThat(QueryParamsResponse.parseFrom(params.value()).getParams().getTxSizeCostPerByte())
          .isEqualTo(10);
    }
  }

  @Test
  void balancesOfUnknownAddressesAreZeroAndDenomsAreChecked() {
    try (TestChain chain = chain(dir)) {
      assertThat(chain.balance(bech32(new byte[20]), 0)).isZero();
      QueryResponse r =
          chain.query(
              "/cosmos.bank.v1beta1.Query/Balance",
              QueryBalanceRequest.newBuilder().setAddress(bech32(A)).setDenom("u").build(),
              0);
      assertThat(r.code()).isEqualTo(18);
      assertThat(r.log()).isEqualTo("invalid denom: u: invalid request");
    }
  }

  @Test
  void allBalancesArePagedByKeyOrOffset() throws Exception {
    try (TestChain chain = chain(dir)) {
      QueryAllBalancesRequest.Builder request =
          QueryAllBalancesRequest.newBuilder().setAddress(bech32(B));
      QueryResponse all = chain.query(ALL_BALANCES, request.build(), 0);
      assertThat(balances(all))
          .containsExactly("5uatom", "6ubtc", TestChain.RICH + "uscrt", "7uzzz");
      assertThat(QueryAllBalancesResponse.parseFrom(all.value()).getPagination().getTotal())
          .isEqualTo(4);

      QueryResponse first =
          chain.query(
              ALL_BALANCES,
              request
                  .setPagination(PageRequest.newBuilder().setLimit(2).setCountTotal(true))
                  .build(),
              0);
      QueryAllBalancesResponse page = QueryAllBalancesResponse.parseFrom(first.value());
      assertThat(balances(first)).containsExactly("5uatom", "6ubtc");
      assertThat(page.getPagination().getNextKey().toStringUtf8()).isEqualTo("uscrt");
      assertThat(page.getPagination().getTotal()).isEqualTo(4);

      QueryResponse second =
          chain.query(
              ALL_BALANCES,
              request
                  .setPagination(
                      PageRequest.newBuilder()
                          .setLimit(2)
                          .setKey(page.getPagination().getNextKey()))
                  .build(),
              0);
      assertThat(balances(second)).containsExactly(TestChain.RICH + "uscrt", "7uzzz");
      assertThat(QueryAllBalancesResponse.parseFrom(second.value()).getPagination().getNextKey())
          .isEqualTo(ByteString.EMPTY);

      QueryResponse reversed =
          chain.query(
              ALL_BALANCES,
              request
                  .setPagination(PageRequest.newBuilder().setOffset(1).setLimit(2).setReverse(true))
                  .build(),
              0);
      assertThat(balances(reversed)).containsExactly(TestChain.RICH + "uscrt", "6ubtc");

      QueryResponse both =
          chain.query(
              ALL_BALANCES,
              request
                  .setPagination(
                      PageRequest.newBuilder().setOffset(1).setKey(ByteString.copyFromUtf8("u")))
                  .build(),
              0);
      assertThat(both.log())
          .isEqualTo("either offset or key is expected, got both: invalid request");
    }
  }

  @Test
  void pastHeightsAnswerPointReadsAndRefuseTheFuture() {
    try (TestChain chain = chain(dir)) {
      chain.block();
      chain.block(tx(A, send(A, B, 1_000)).build());
      assertThat(chain.balance(bech32(A), 1)).isEqualTo(TestChain.RICH);
      assertThat(chain.balance(bech32(A), 2)).isEqualTo(TestChain.RICH - 1_000 - 5_000);
      assertThat(chain.balance(bech32(A), 0)).isEqualTo(TestChain.RICH - 1_000 - 5_000);

      QueryResponse future =
          chain.query(ACCOUNT, QueryAccountRequest.newBuilder().setAddress(bech32(A)).build(), 3);
      assertThat(future.code()).isEqualTo(26);
      assertThat(future.log())
          .isEqualTo(
              "cannot query with height in the future; please provide a valid height: invalid"
                  + " height");
      QueryResponse iterateOld =
          chain.query(
              ALL_BALANCES, QueryAllBalancesRequest.newBuilder().setAddress(bech32(B)).build(), 1);
      assertThat(iterateOld.code()).isEqualTo(37);
      assertThat(iterateOld.log())
          .isEqualTo(
              "iterating state is not supported at past heights (height 1, latest 2): feature not"
                  + " supported");

      QueryResponse unknown =
          chain.app.query(
              new QueryRequest("/cosmos.staking.v1beta1.Query/Validators", null, 0, false));
      assertThat(unknown.code()).isEqualTo(6);
      assertThat(unknown.log())
          .isEqualTo(
              "unknown query path /cosmos.staking.v1beta1.Query/Validators: unknown request");
    }
  }

  @Test
  void rawStoreReadsCarryProofsOfTheAppHash() {
    try (TestChain chain = chain(dir)) {
      chain.block(tx(A, send(A, B, 1_000)).build());
      byte[] root = chain.app.blockStore().block(1).orElseThrow().appHash();
      byte[] key =
          KvKeys.concat(
              "bank/b/".getBytes(StandardCharsets.US_ASCII),
              new byte[] {20},
              TestTxs.address(A),
              "uscrt".getBytes(StandardCharsets.US_ASCII));
      QueryResponse read =
          chain.app.query(new QueryRequest(ChainApp.STORE_QUERY_PATH, key, 1, true));
      assertThat(read.isOk()).as(read.log()).isTrue();
      assertThat(new String(read.value(), StandardCharsets.US_ASCII))
          .isEqualTo(Long.toString(TestChain.RICH - 1_000 - 5_000));
      assertThat(Proof.verify(read.proof(), root, key, read.value())).isTrue();
      assertThat(Proof.verify(read.proof(), root, key, "1".getBytes(StandardCharsets.US_ASCII)))
          .isFalse();

      byte[] absent = "bank/b/nothing".getBytes(StandardCharsets.US_ASCII);
      QueryResponse none =
          chain.app.query(new QueryRequest(ChainApp.STORE_QUERY_PATH, absent, 1, true));
      assertThat(none.value()).isEmpty();
      assertThat(Proof.verify(none.proof(), root, absent, null)).isTrue();
    }
  }
}
