package io.arcanum.chain.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.arcanum.chain.abci.Block;
import io.arcanum.chain.abci.BlockResult;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.auth.Account;
import io.arcanum.chain.bank.Coin;
import io.arcanum.chain.module.MessageHandler;
import io.arcanum.chain.store.RocksStore;
import io.arcanum.chain.store.StoreIterator;
import io.arcanum.chain.store.StoreOptions;
import io.arcanum.crypto.secp256k1.Secp256k1PrivateKey;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountRequest;
import io.arcanum.proto.cosmos.auth.v1beta1.QueryAccountResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceRequest;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link ChainApp} on a {@link RocksStore} in a directory, with LocalSecret-like genesis
 * accounts: a and b rich (account numbers 0 and 1), c with 10uscrt (2), d with an account but no
 * coins (3). Block {@code h} has time genesis + h seconds. By default the app has auth and bank
 * (plus any handlers given); {@link SecretTestNetwork} opens the whole {@link SecretApp} with a
 * real enclave through an {@link AppOpener}.
 */
final class TestChain implements AutoCloseable {
  static final Instant GENESIS_TIME = Instant.parse("2024-01-01T00:00:00Z");
  static final long RICH = 1_000_000_000_000L;

  /** Opens a node's application over its store; a restart closes both and opens them again. */
  interface AppOpener {
    ChainApp open(ChainConfig config, Genesis genesis, RocksStore store);

    /** Called after the app (and its store) closed: releases what {@link #open} made besides. */
    default void closed() {}
  }

  final Path dir;
  final ChainConfig config;
  final Genesis genesis;
  private final AppOpener opener;
  private RocksStore store;
  ChainApp app;

  private TestChain(Path dir, ChainConfig config, Genesis genesis, AppOpener opener) {
    this.dir = dir;
    this.config = config;
    this.genesis = genesis;
    this.opener = opener;
    this.app = open();
  }

  private TestChain(Path dir, ChainConfig config, Genesis genesis, List<MessageHandler> handlers) {
    this(dir, config, genesis, withHandlers(List.copyOf(handlers)));
  }

  private static AppOpener withHandlers(List<MessageHandler> handlers) {
    return (config, genesis, store) -> {
      ChainApp.Builder builder = ChainApp.builder(config).store(store).genesis(genesis);
      handlers.forEach(builder::messageHandler);
      return builder.build();
    };
  }

  static TestChain create(Path dir) {
    return create(dir, ChainConfig.defaults(TestTxs.CHAIN_ID));
  }

  static TestChain create(Path dir, ChainConfig config) {
    return new TestChain(dir, config, genesis(), List.of());
  }

  static TestChain create(Path dir, Genesis genesis) {
    return new TestChain(dir, ChainConfig.defaults(TestTxs.CHAIN_ID), genesis, List.of());
  }

  /** A chain with more message handlers than auth and bank. */
  static TestChain create(Path dir, MessageHandler... handlers) {
    return new TestChain(dir, ChainConfig.defaults(TestTxs.CHAIN_ID), genesis(), List.of(handlers));
  }

  /** A chain whose app {@code opener} builds (e.g. the whole SecretApp with an enclave). */
  static TestChain create(Path dir, ChainConfig config, Genesis genesis, AppOpener opener) {
    return new TestChain(dir, config, genesis, opener);
  }

  static Genesis genesis() {
    return genesisBuilder(GENESIS_TIME).build();
  }

  /** The test accounts a, b, c, d at {@code time}; modules may add their sections. */
  static Genesis.Builder genesisBuilder(Instant time) {
    return Genesis.builder(TestTxs.CHAIN_ID, time)
        .account(TestTxs.bech32(TestTxs.A), List.of(Coin.of("uscrt", RICH)))
        .account(TestTxs.bech32(TestTxs.B), List.of(Coin.of("uscrt", RICH)))
        .account(TestTxs.bech32(TestTxs.C), List.of(Coin.of("uscrt", 10)))
        .account(TestTxs.bech32(TestTxs.D), List.of());
  }

  private ChainApp open() {
    store = RocksStore.open(dir, StoreOptions.defaults().withSyncCommits(false));
    try {
      return opener.open(config, genesis, store);
    } catch (RuntimeException e) {
      store.close();
      opener.closed();
      throw e;
    }
  }

  /** Closes and reopens the app on the same directory, as a restarted node. */
  void reopen() {
    close();
    app = open();
  }

  long height() {
    return app.info().lastHeight();
  }

  static long timeOf(long height) {
    return (GENESIS_TIME.getEpochSecond() + height) * 1_000_000_000L;
  }

  /** Block {@code height}'s time: genesis time + {@code height} seconds. */
  long time(long height) {
    return genesis.genesisTimeNanos() + height * 1_000_000_000L;
  }

  BlockResult finalize(byte[]... txs) {
    long height = height() + 1;
    return app.finalizeBlock(new Block(height, time(height), new byte[0], Arrays.asList(txs)));
  }

  /** Finalizes and commits a block of {@code txs}. */
  BlockResult block(byte[]... txs) {
    BlockResult result = finalize(txs);
    assertThat(app.commit()).isEqualTo(result.height());
    return result;
  }

  QueryResponse query(String path, Message request, long height) {
    return app.query(new QueryRequest(path, request.toByteArray(), height, false));
  }

  long balance(Secp256k1PrivateKey key) {
    return balance(TestTxs.bech32(key), 0);
  }

  long balance(String bech32, long height) {
    QueryResponse r =
        query(
            "/cosmos.bank.v1beta1.Query/Balance",
            QueryBalanceRequest.newBuilder().setAddress(bech32).setDenom("uscrt").build(),
            height);
    assertThat(r.log()).isEmpty();
    try {
      return Long.parseLong(QueryBalanceResponse.parseFrom(r.value()).getBalance().getAmount());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  /** The account at {@code key}'s address, or null if there is none. */
  Account account(Secp256k1PrivateKey key) {
    return account(TestTxs.bech32(key));
  }

  /** The account at {@code bech32}, or null if there is none. */
  Account account(String bech32) {
    QueryResponse r =
        query(
            "/cosmos.auth.v1beta1.Query/Account",
            QueryAccountRequest.newBuilder().setAddress(bech32).build(),
            0);
    if (r.code() == 38) {
      return null;
    }
    assertThat(r.log()).isEmpty();
    try {
      Any any = QueryAccountResponse.parseFrom(r.value()).getAccount();
      return Account.fromAny(any);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  long sequence(Secp256k1PrivateKey key) {
    return account(key).sequence();
  }

  /**
   * Every committed key and value (hex), read from the store itself: nodes that agree hold the same
   * bytes, encrypted contract state included.
   */
  Map<String, String> state() {
    Map<String, String> out = new TreeMap<>();
    HexFormat hex = HexFormat.of();
    try (StoreIterator entries = store.range(null, null)) {
      entries.forEachRemaining(e -> out.put(hex.formatHex(e.key()), hex.formatHex(e.value())));
    }
    return out;
  }

  /**
   * A tx result as text, to compare results across nodes: code, codespace, log, data, gas and every
   * event.
   */
  static String summary(TxResult r) {
    return r.code()
        + "/"
        + r.codespace()
        + "/"
        + r.log()
        + "/"
        + HexFormat.of().formatHex(r.data())
        + "/"
        + r.gasWanted()
        + "/"
        + r.gasUsed()
        + "/"
        + r.events();
  }

  @Override
  public void close() {
    app.close();
    opener.closed();
  }
}
