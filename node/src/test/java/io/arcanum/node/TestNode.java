package io.arcanum.node;

import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.abci.QueryRequest;
import io.arcanum.chain.abci.QueryResponse;
import io.arcanum.chain.abci.TxResult;
import io.arcanum.chain.app.ChainApp;
import io.arcanum.chain.bank.BankQueryHandler;
import io.arcanum.crypto.tx.TxEncryptor;
import io.arcanum.crypto.x25519.X25519PublicKey;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.node.app.AppEnvironment;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.consensus.BlockLimits;
import io.arcanum.node.consensus.ManualScheduler;
import io.arcanum.node.genesis.GenesisFile;
import io.arcanum.node.genesis.LocalSecretAccounts;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.HomeInitializer;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.rest.RestOptions;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceRequest;
import io.arcanum.proto.cosmos.bank.v1beta1.QueryBalanceResponse;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The real node for tests — {@link NodeRunner} with {@link ChainAppFactory} and the in-process
 * enclave on a LocalSecret home — with blocks made by hand on a {@link ManualScheduler}, and the
 * REST API on a free loopback port if asked for.
 */
public final class TestNode implements AutoCloseable {
  public static final Instant GENESIS = Instant.parse("2026-11-24T05:00:00Z");

  final AtomicLong clock = new AtomicLong(GENESIS.getEpochSecond() * 1_000_000_000L + 1);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final NodeRunner node;
  public ChainApp app;

  private TestNode(NodeHome home, UnaryOperator<Enclave> enclave) throws ConfigException {
    this(home, enclave, null);
  }

  private TestNode(NodeHome home, UnaryOperator<Enclave> enclave, RestOptions rest)
      throws ConfigException {
    node =
        NodeRunner.start(
            home,
            environment ->
                app =
                    (ChainApp)
                        new ChainAppFactory()
                            .open(
                                new AppEnvironment(
                                    environment.dataDirectory(),
                                    environment.genesis(),
                                    environment.config(),
                                    enclave.apply(environment.enclave()),
                                    environment.enclaveHost())),
            0,
            clock::get,
            () -> scheduler,
            config -> Optional.ofNullable(rest));
  }

  /** A LocalSecret home (accounts a, b, c, d, validator funded) with these block limits. */
  public static NodeHome init(Path root, NodeConfig config) throws Exception {
    NodeHome home = new NodeHome(root);
    HomeInitializer.init(home, config, LocalSecretAccounts.accounts(), GENESIS);
    return home;
  }

  public static NodeHome init(Path root, BlockLimits limits) throws Exception {
    return init(root, NodeConfig.defaults(SignedTxs.CHAIN_ID).withBlockLimits(limits));
  }

  static TestNode start(NodeHome home) throws ConfigException {
    return new TestNode(home, enclave -> enclave);
  }

  /**
   * With the REST API on a free loopback port, a {@code BROADCAST_MODE_BLOCK} broadcast waiting at
   * most {@code blockModeTimeout}.
   */
  public static TestNode serving(NodeHome home, Duration blockModeTimeout) throws ConfigException {
    return serving(
        home,
        RestOptions.at("127.0.0.1", 0, io.arcanum.chain.app.ChainConfig.DEFAULT_MAX_TX_BYTES)
            .withBlockModeTimeout(blockModeTimeout));
  }

  /** With the REST API as {@code rest} says. */
  public static TestNode serving(NodeHome home, RestOptions rest) throws ConfigException {
    return new TestNode(home, enclave -> enclave, rest);
  }

  /** The REST API's base URL, {@code http://127.0.0.1:<port>}. */
  public URI restUrl() {
    return URI.create("http://127.0.0.1:" + node.restAddress().orElseThrow().getPort());
  }

  /** With the application's enclave replaced by {@code enclave} applied to the node's. */
  static TestNode start(NodeHome home, UnaryOperator<Enclave> enclave) throws ConfigException {
    return new TestNode(home, enclave);
  }

  /** A client encrypting contract messages for this home's network (its genesis IO key). */
  public static TxEncryptor encryptor(NodeHome home) throws ConfigException {
    byte[] io =
        GenesisFile.registration(GenesisFile.read(home.genesisFile()), home.genesisFile())
            .masterKeys()
            .ioExchangeKey();
    return TxEncryptor.random(new X25519PublicKey(io));
  }

  /** The result of a committed tx. */
  public TxResult result(byte[] tx) {
    return app.blockStore()
        .tx(SignedTxs.sha256(tx))
        .orElseThrow(() -> new AssertionError("tx not in the index"))
        .result();
  }

  /** Makes the next block. */
  public void block() {
    if (!scheduler.runNext()) {
      throw new AssertionError("no block was scheduled");
    }
  }

  public long height() {
    return node.driver().height();
  }

  public BigInteger balance(int account) {
    return balance(app, SignedTxs.bech32(account));
  }

  static BigInteger balance(ChainApp app, String bech32) {
    QueryResponse response =
        app.query(
            new QueryRequest(
                BankQueryHandler.BALANCE,
                QueryBalanceRequest.newBuilder()
                    .setAddress(bech32)
                    .setDenom(SignedTxs.DENOM)
                    .build()
                    .toByteArray(),
                0,
                false));
    if (!response.isOk()) {
      throw new AssertionError("balance query: " + response.log());
    }
    try {
      return new BigInteger(
          QueryBalanceResponse.parseFrom(response.value()).getBalance().getAmount());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    node.close();
  }
}
