package io.arcanum.node;

import io.arcanum.chain.abci.Application;
import io.arcanum.chain.abci.ChainReader;
import io.arcanum.chain.app.ChainConfig;
import io.arcanum.chain.app.Genesis;
import io.arcanum.chain.registration.RegistrationGenesis;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.node.app.AppEnvironment;
import io.arcanum.node.app.ApplicationFactory;
import io.arcanum.node.app.ChainAppFactory;
import io.arcanum.node.app.LocalFaultGuard;
import io.arcanum.node.app.ReopenableApplication;
import io.arcanum.node.consensus.BlockLog;
import io.arcanum.node.consensus.BlockScheduler;
import io.arcanum.node.consensus.BlockTiming;
import io.arcanum.node.consensus.ConsensusDriver;
import io.arcanum.node.consensus.ExecutorBlockScheduler;
import io.arcanum.node.consensus.SoloDriver;
import io.arcanum.node.consensus.raft.RaftDriver;
import io.arcanum.node.consensus.raft.RaftSettings;
import io.arcanum.node.consensus.raft.RaftTuning;
import io.arcanum.node.enclave.EnclaveFaultWatch;
import io.arcanum.node.enclave.EnclaveHostRouter;
import io.arcanum.node.enclave.NodeEnclave;
import io.arcanum.node.genesis.HomeDocuments;
import io.arcanum.node.home.ConfigException;
import io.arcanum.node.home.NetworkConfig;
import io.arcanum.node.home.NodeConfig;
import io.arcanum.node.home.NodeHome;
import io.arcanum.node.home.NodeKey;
import io.arcanum.node.join.JoinStatus;
import io.arcanum.node.rest.CommitFeed;
import io.arcanum.node.rest.NodeIdentity;
import io.arcanum.node.rest.NodeRestChain;
import io.arcanum.node.rest.RestOptions;
import io.arcanum.node.rest.RestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running single-validator node on an initialised home: the home locked, the enclave open and
 * checked against genesis, the application built by the {@link ApplicationFactory} on the watched
 * enclave and guarded so a block this node could not execute as the network would is not committed
 * ({@link LocalFaultGuard}), the {@link SoloDriver} making blocks, and the REST API ({@link
 * RestServer}, docs/rest.md) when asked for and the application offers the reads it needs ({@link
 * ChainReader}). {@link #close} stops in the safe order: the REST API (releasing its waiters), the
 * driver (finishing a block in progress), the application (its store), the enclave, the lock.
 */
public final class NodeRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeRunner.class);

  /** An empty block is logged at most this often; blocks with txs always. */
  private static final long HEARTBEAT_NANOS = 10_000_000_000L;

  private final NodeHome home;
  private FileChannel lockChannel;
  private FileLock lock;
  private Enclave enclave;
  private Application app;
  private ConsensusDriver driver;
  private CommitFeed feed;
  private RestServer rest;
  private boolean closed;

  private final RaftTuning tuning;

  private NodeRunner(NodeHome home, RaftTuning tuning) {
    this.home = home;
    this.tuning = tuning;
  }

  /**
   * Starts the node on {@code home} without a REST API.
   *
   * @param haltHeight stop after committing this height, or 0 to run until closed
   * @param scheduler makes the driver's blocks ({@code ExecutorBlockScheduler} in the node)
   * @throws ConfigException with a message for the operator if the home cannot run
   */
  public static NodeRunner start(
      NodeHome home,
      ApplicationFactory factory,
      long haltHeight,
      LongSupplier clockNanos,
      Supplier<BlockScheduler> scheduler)
      throws ConfigException {
    return start(home, factory, haltHeight, clockNanos, scheduler, config -> Optional.empty());
  }

  /**
   * Starts the node on {@code home}, serving the REST API where {@code rest} says for the home's
   * {@code node.json} (empty: none).
   *
   * @throws ConfigException also if the REST address cannot be bound
   */
  public static NodeRunner start(
      NodeHome home,
      ApplicationFactory factory,
      long haltHeight,
      LongSupplier clockNanos,
      Supplier<BlockScheduler> scheduler,
      Function<NodeConfig, Optional<RestOptions>> rest)
      throws ConfigException {
    return start(home, factory, haltHeight, clockNanos, scheduler, rest, RaftTuning.DEFAULTS);
  }

  /**
   * As above, with the Raft settings a network member uses (ignored by a solo node); tests shrink
   * them.
   */
  public static NodeRunner start(
      NodeHome home,
      ApplicationFactory factory,
      long haltHeight,
      LongSupplier clockNanos,
      Supplier<BlockScheduler> scheduler,
      Function<NodeConfig, Optional<RestOptions>> rest,
      RaftTuning tuning)
      throws ConfigException {
    NodeRunner node = new NodeRunner(home, tuning);
    try {
      node.open(factory, haltHeight, clockNanos, scheduler, rest);
      return node;
    } catch (ConfigException | RuntimeException | Error e) {
      node.close();
      throw e;
    }
  }

  private void open(
      ApplicationFactory factory,
      long haltHeight,
      LongSupplier clockNanos,
      Supplier<BlockScheduler> scheduler,
      Function<NodeConfig, Optional<RestOptions>> restOptions)
      throws ConfigException {
    if (!home.isInitialized()) {
      throw new ConfigException(
          home + " is not initialised; run `arcanum init --home " + home + "`");
    }
    lock();
    HomeDocuments documents = HomeDocuments.read(home);
    NodeConfig config = documents.config();
    Genesis genesis = documents.genesis();
    RegistrationGenesis registration = documents.registration();

    EnclaveHostRouter router;
    try {
      router = NodeEnclave.router(home);
      enclave =
          NodeEnclave.open(home, config, NodeEnclave.config(home, config, registration), router);
      checkSeeds(registration.masterKeys());
    } catch (IOException e) {
      throw new ConfigException("cannot open " + home.sealedDir() + ": " + e.getMessage(), e);
    } catch (EnclaveException e) {
      throw enclaveProblem(e);
    }

    Optional<NetworkConfig> network = NetworkConfig.readIfPresent(home.networkConfigFile());
    ReopenableApplication opened;
    try {
      Files.createDirectories(home.dataDir());
      EnclaveHostRouter hostRouter = router;
      // The application's ECALLs are watched so a block that met a local enclave failure is
      // not committed (LocalFaultGuard; docs/node.md § Halting on local faults).
      opened =
          new ReopenableApplication(
              () -> {
                EnclaveFaultWatch watch = new EnclaveFaultWatch(enclave);
                Application inner =
                    factory.open(
                        new AppEnvironment(
                            home.dataDir(), genesis, config, watch.enclave(), hostRouter));
                return new ReopenableApplication.Opened(new LocalFaultGuard(inner, watch), inner);
              },
              home.dataDir().resolve("state"));
      app = opened;
    } catch (Exception e) {
      throw new ConfigException("the application did not start: " + e.getMessage(), e);
    }

    BlockTiming timing = new BlockTiming(config.blockInterval(), config.minBlockInterval());
    if (network.isPresent()) {
      driver =
          new RaftDriver(
              opened,
              RaftSettings.forHome(home, network.get(), config, timing, tuning),
              clockNanos,
              scheduler.get());
    } else {
      driver =
          new SoloDriver(
              app, timing, config.blockLimits(), clockNanos, scheduler.get(), haltHeight);
    }
    driver.addListener(
        new BlockLog(clockNanos, HEARTBEAT_NANOS, network.map(NetworkConfig::nodeId).orElse("")));
    Optional<RestOptions> wanted = restOptions.apply(config);
    if (wanted.isPresent() && opened.readable()) {
      feed = new CommitFeed(driver::height);
      driver.addListener(feed);
    } else if (wanted.isPresent()) {
      LOG.warn("the application offers no chain reads (ChainReader); the REST API is off");
    }
    try {
      driver.start();
    } catch (IllegalStateException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    LOG.info(
        "chain {} resumes after height {}; enclave {}; tx key {}; blocks every {} ms ({} ms when"
            + " txs wait)",
        config.chainId(),
        driver.height(),
        config.enclaveMode().configValue(),
        Base64.getEncoder().encodeToString(registration.masterKeys().ioExchangeKey()),
        config.blockInterval().toMillis(),
        config.minBlockInterval().toMillis());
    if (feed != null) {
      serveRest(config, opened, wanted.orElseThrow());
    }
  }

  /** Starts the REST API once blocks are being made; the driver is stopped if it cannot bind. */
  private void serveRest(NodeConfig config, ChainReader reader, RestOptions options)
      throws ConfigException {
    byte[] validator;
    try (NodeKey key = NodeKey.read(home.nodeKeyFile())) {
      validator = java.util.HexFormat.of().parseHex(key.address());
    }
    NodeIdentity identity =
        new NodeIdentity(config.chainId(), config.bech32Prefix(), validator, Main.VERSION);
    if (options.address().isUnresolved()) {
      throw new ConfigException(
          "cannot serve the REST API on "
              + options.address().getHostString()
              + ": the address does not resolve (rest_address in "
              + home.nodeConfigFile()
              + " or --rest-address)");
    }
    try {
      rest = RestServer.start(new NodeRestChain(identity, driver, app, reader, feed), options);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot serve the REST API on "
              + options.address().getHostString()
              + ":"
              + options.address().getPort()
              + " ("
              + e.getMessage()
              + "); is another node or LocalSecret using the port? Set rest_port in "
              + home.nodeConfigFile()
              + " or pass --rest-port",
          e);
    }
    InetSocketAddress bound = rest.address();
    boolean everywhere = bound.getAddress() != null && bound.getAddress().isAnyLocalAddress();
    LOG.info(
        "REST API (LCD) at http://{}:{}{}",
        everywhere ? "localhost" : bound.getHostString(),
        bound.getPort(),
        everywhere ? " (listening on all interfaces)" : "");
  }

  /**
   * The node on {@code home} as the {@code dev}, {@code start} and {@code testnet} commands run it:
   * blocks on the wall clock, the REST API on {@code node.json}'s address and port unless {@code
   * restAddress} / {@code restPort} (nullable) override them.
   */
  public static NodeRunner startServing(
      NodeHome home,
      ApplicationFactory factory,
      long haltHeight,
      String restAddress,
      Integer restPort)
      throws ConfigException {
    return start(
        home,
        factory,
        haltHeight,
        SoloDriver::systemNanos,
        ExecutorBlockScheduler::new,
        config ->
            Optional.of(
                RestOptions.at(
                    restAddress != null ? restAddress : config.restAddress(),
                    restPort != null ? restPort : config.restPort(),
                    ChainConfig.DEFAULT_MAX_TX_BYTES)));
  }

  /**
   * The real node on {@code home} as {@code arcanum dev} runs it — {@link ChainAppFactory}, blocks
   * on the wall clock — serving the REST API on a free loopback port ({@link #restUrl}); for tests,
   * benchmarks and applications that embed a dev chain.
   */
  public static NodeRunner startOnLoopback(NodeHome home) throws ConfigException {
    return start(
        home,
        new ChainAppFactory(),
        0,
        SoloDriver::systemNanos,
        ExecutorBlockScheduler::new,
        config -> Optional.of(RestOptions.at("127.0.0.1", 0, ChainConfig.DEFAULT_MAX_TX_BYTES)));
  }

  /**
   * The REST API's URL as a client on this machine reaches it.
   *
   * @throws IllegalStateException if the node serves no REST API
   */
  public String restUrl() {
    InetSocketAddress bound =
        restAddress().orElseThrow(() -> new IllegalStateException("this node serves no REST API"));
    return "http://127.0.0.1:" + bound.getPort();
  }

  /** The REST API's bound address, if it is served. */
  public Optional<InetSocketAddress> restAddress() {
    return rest == null ? Optional.empty() : Optional.of(rest.address());
  }

  private void lock() throws ConfigException {
    try {
      lockChannel =
          FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new ConfigException("another arcanum node is running on " + home);
    }
  }

  /** The enclave must hold the seeds whose public keys genesis published. */
  private void checkSeeds(NetworkPublicKeys published) throws EnclaveException, ConfigException {
    if (!enclave.status().initialized()) {
      // a joining home waits for its seed (protocol.md §4.3); a bootstrap home lost its keychain
      throw new ConfigException(JoinStatus.of(enclave.status()).noSeedsMessage(home));
    }
    if (!enclave.networkPublicKeys().equals(published)) {
      throw new ConfigException(
          "this home's enclave holds another chain's seeds: its public keys differ from those"
              + " genesis publishes in app_state.registration");
    }
  }

  private ConfigException enclaveProblem(EnclaveException e) {
    if (e.reason() == EnclaveException.Reason.SEALED_DATA_REJECTED) {
      return new ConfigException(
          "the enclave cannot open this home's sealed seeds: they were sealed by another enclave"
              + " build or on another machine (as with SGX, a changed enclave measures"
              + " differently). For a dev chain, start afresh with `arcanum dev --reset`. ("
              + e.getMessage()
              + ")",
          e);
    }
    return new ConfigException("the enclave did not open: " + e.getMessage(), e);
  }

  public ConsensusDriver driver() {
    return driver;
  }

  /** The committed blocks and results this node holds, if the application offers them. */
  public Optional<ChainReader> chainReader() {
    return app instanceof ReopenableApplication r && r.readable()
        ? Optional.of(r)
        : Optional.empty();
  }

  /** Waits until block production stops (closed, halt height, or a failed block). */
  public void awaitStopped() throws InterruptedException {
    driver.awaitStopped();
  }

  /** Stops the driver, then closes the application, the enclave and the lock; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (feed != null) {
      feed.close();
    }
    if (rest != null) {
      rest.close();
    }
    if (driver != null) {
      driver.close();
      LOG.info("stopped after height {}", driver.height());
    }
    if (app != null) {
      try {
        app.close();
      } catch (RuntimeException e) {
        LOG.error("closing the application failed", e);
      }
    }
    if (enclave != null) {
      enclave.close();
    }
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      LOG.warn("cannot release {}: {}", home.lockFile(), e.getMessage());
    }
  }
}
